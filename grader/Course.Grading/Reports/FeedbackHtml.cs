using System.Globalization;
using System.Net;
using System.Text;
using Course.Grading.Results;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Grading.Reports;

/// <summary>
/// <c>feedback.html</c>: a page the student can read on its own: the score, each test's outcome and
/// message, then their notebook as graded (their code, the visible part of each test cell next to its
/// outcome). Everything from the submission is HTML-escaped, with control and bidirectional characters
/// shown as escapes (<see cref="SafeText"/>); markdown is rendered by Markdig with raw HTML disabled, and
/// only http, https and mailto links survive (any other link becomes its text; an image becomes its alt
/// text, so nothing is ever loaded). The page carries a Content-Security-Policy that allows no script, no
/// remote load of any kind and only its own inline style. Hidden tests and solutions are never written (the
/// cells it gets hold neither).
/// </summary>
public static class FeedbackHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

    /// <summary>
    /// The page's policy: nothing from anywhere (no script, font, frame, connection, form target or base
    /// URL), its inline style, and images only as data: URLs (the page has none today).
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
        table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }
        .cell { margin: 1rem 0; } .output { background: #fff; border-left: 3px solid #ccc; }
        .passed { color: #116329; } .failed, .not-run { color: #a40e26; } .not-attempted { color: #7d4e00; } .pending { color: #0b4f8a; }
        .outcome { border: 1px solid #ccc; padding: .4rem .6rem; }
        """;

    /// <summary>The whole page.</summary>
    public static string Render(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        var title = $"{result.Assignment}: feedback for {result.StudentId}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"")
            .Append(ContentSecurityPolicy).Append("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"score\">Score: <strong>{Gradebook.Number(result.Score)} / {Gradebook.Number(result.MaxScore)}</strong></p>\n");
        if (result.Summary.Length > 0)
        {
            html.Append("<p class=\"summary\">").Append(Encode(result.Summary)).Append("</p>\n");
        }

        html.Append("<h2>Tests</h2>\n<table>\n<tr><th>Test</th><th>Outcome</th><th>Points</th><th>Message</th></tr>\n");
        foreach (var test in result.Tests)
        {
            html.Append("<tr><td>").Append(Encode(test.GradeId)).Append("</td><td class=\"").Append(CssClass(test.Status)).Append("\">")
                .Append(Word(test.Status)).Append(test.HasHiddenTests ? " <span class=\"hidden-note\">(this test has hidden checks)</span>" : string.Empty).Append("</td><td>")
                .Append(test.Status == TestStatus.PendingManualGrade ? $"– / {Gradebook.Number(test.MaxScore)}" : $"{Gradebook.Number(test.Score)} / {Gradebook.Number(test.MaxScore)}")
                .Append("</td><td>").Append(Encode(test.Status == TestStatus.Passed ? string.Empty : test.Message)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Your notebook, as graded</h2>\n");
        var outcomes = result.Tests.GroupBy(t => t.GradeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var cell in result.Cells)
        {
            html.Append("<div class=\"cell ").Append(cell.Origin.ToString().ToLowerInvariant()).Append("\">\n");
            if (cell.Kind == "markdown")
            {
                if (cell.Origin == CellOrigin.Answer)
                {
                    html.Append("<p><em>Your answer (").Append(Encode(cell.GradeId ?? string.Empty)).Append("):</em></p>\n");
                }

                html.Append(RenderMarkdown(cell.Source));
                PendingNote(html, cell, outcomes);
            }
            else
            {
                if (cell.Origin == CellOrigin.Test)
                {
                    html.Append("<p><em>Test cell ").Append(Encode(cell.GradeId ?? string.Empty)).Append(" (the part you could see):</em></p>\n");
                }
                else if (cell.Origin == CellOrigin.Answer)
                {
                    html.Append("<p><em>Your answer (").Append(Encode(cell.GradeId ?? string.Empty)).Append("):</em></p>\n");
                }

                PendingNote(html, cell, outcomes);

                html.Append("<pre><code>").Append(Encode(cell.Source)).Append("</code></pre>\n");
                foreach (var output in cell.Outputs)
                {
                    html.Append("<pre class=\"output\">").Append(Encode(output)).Append("</pre>\n");
                }

                if (cell.Origin == CellOrigin.Test && cell.GradeId is not null && outcomes.TryGetValue(cell.GradeId, out var test))
                {
                    html.Append("<p class=\"outcome ").Append(CssClass(test.Status)).Append("\">")
                        .Append(Encode(GradescopeResults.OutputOf(test)))
                        .Append(CultureInfo.InvariantCulture, $" ({Gradebook.Number(test.Score)} / {Gradebook.Number(test.MaxScore)} points)</p>\n");
                }
                else if (cell.Error is not null)
                {
                    html.Append("<pre class=\"output failed\">").Append(Encode(cell.Error)).Append("</pre>\n");
                }
            }

            html.Append("</div>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Markdown as HTML: raw HTML is shown as text; a link keeps its target only if it is http, https or
    /// mailto (otherwise it becomes its text); an image becomes "[image: alt text]".
    /// </summary>
    public static string RenderMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(SafeText.Visible(markdown, keepLineBreaks: true), Markdown);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                var alt = PlainText(link);
                link.ReplaceBy(new LiteralInline(alt.Length > 0 ? $"[image: {alt}]" : "[image]"), copyChildren: false);
            }
            else if (!IsSafeLink(link.Url))
            {
                link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
            }
            else
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeLink(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Markdown.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>True for an absolute http, https or mailto URL without control, bidirectional or space characters.</summary>
    public static bool IsSafeLink(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => SafeText.IsDangerous(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        return (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "mailto";
    }

    // The text a link or image shows (its literal and code parts), for when the link itself is dropped.
    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline auto:
                    text.Append(auto.Url);
                    break;
            }
        }

        return text.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(SafeText.Visible(text, keepLineBreaks: true));

    // Below a manually graded answer: it waits for the instructor.
    private static void PendingNote(StringBuilder html, GradedCell cell, Dictionary<string, TestOutcome> outcomes)
    {
        if (cell.Origin == CellOrigin.Answer && cell.GradeId is not null && outcomes.TryGetValue(cell.GradeId, out var test) && test.Status == TestStatus.PendingManualGrade)
        {
            html.Append("<p class=\"outcome pending\">").Append(Encode(GradescopeResults.OutputOf(test)))
                .Append(CultureInfo.InvariantCulture, $" ({Gradebook.Number(test.MaxScore)} points)</p>\n");
        }
    }

    private static string CssClass(TestStatus status) => status switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.NotAttempted => "not-attempted",
        TestStatus.PendingManualGrade => "pending",
        _ => "not-run",
    };

    private static string Word(TestStatus status) => status switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.NotAttempted => "not attempted",
        TestStatus.PendingManualGrade => "pending manual grading",
        _ => "not run",
    };
}
