using System.Globalization;
using System.Net;
using System.Text;
using Course.Grading.Results;
using Markdig;

namespace Course.Grading.Reports;

/// <summary>
/// <c>feedback.html</c>: a page the student can read on its own: the score, each test's outcome and
/// message, then their notebook as graded (their code, the visible part of each test cell next to its
/// outcome). Everything from the submission is HTML-escaped; markdown is rendered by Markdig with raw
/// HTML disabled; hidden tests and solutions are never written (the cells it gets hold neither).
/// </summary>
public static class FeedbackHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

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
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
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
                .Append(Word(test.Status)).Append("</td><td>")
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

                html.Append(Markdig.Markdown.ToHtml(cell.Source, Markdown));
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

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

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
