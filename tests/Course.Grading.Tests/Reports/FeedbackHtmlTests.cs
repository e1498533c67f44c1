using System.Text.RegularExpressions;
using Course.Grading.Reports;
using Course.Grading.Results;

namespace Course.Grading.Tests.Reports;

/// <summary>feedback.html carries none of the student's payload: no live script, no remote load, no dangerous link.</summary>
public sealed partial class FeedbackHtmlTests
{
    private static string Page(string markdown, params string[] outputs) => FeedbackHtml.Render(new SubmissionResult(
        "alice",
        "council-votes",
        [new TestOutcome("test-count-yes", 0, 2, TestStatus.Failed, "<b>not</b> \u001b[2J", false)],
        "0 of 1 tests passed.",
        [
            new GradedCell("markdown", CellOrigin.Student, markdown, null, [], null),
            new GradedCell("code", CellOrigin.Answer, "Console.WriteLine(\"<script>\");", "count-yes", outputs, "<iframe>"),
        ]));

    [GeneratedRegex("(?:href|src|action|formaction|srcset|background|poster)\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttributes();

    private static List<string> Urls(string html) => [.. UrlAttributes().Matches(html).Select(m => m.Groups[1].Value)];

    [Fact]
    public void A_javascript_link_becomes_its_text()
    {
        var html = Page("[click me](javascript:alert(document.cookie)) and [again](JaVaScRiPt&#58;alert(1)) and <javascript:alert(2)>");
        Assert.Contains("click me and again and javascript:alert(2)", html, StringComparison.Ordinal);
        Assert.Empty(Urls(html));
    }

    [Fact]
    public void A_data_link_and_a_relative_link_become_their_text()
    {
        var html = Page("[d](data:text/html;base64,PHNjcmlwdD4=) [r](../../bob/council-votes/feedback.html) [f](file:///etc/passwd) [v](vbscript:x)");
        Assert.Empty(Urls(html));
        Assert.DoesNotContain("data:text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_https_and_mailto_links_survive_and_nothing_else_has_a_url()
    {
        var html = Page("[a](https://example.org/a) [b](http://example.org/b) [c](mailto:teacher@example.org) <https://example.org/auto> <me@example.org>");
        Assert.Equal(
            ["https://example.org/a", "http://example.org/b", "mailto:teacher@example.org", "https://example.org/auto", "mailto:me@example.org"],
            Urls(html));
    }

    [Fact]
    public void A_remote_image_is_shown_as_its_alt_text_and_loads_nothing()
    {
        var html = Page("![tracking pixel](https://evil.example/pixel.png) ![](http://evil.example/x.png) ![d](data:image/png;base64,AAAA)");
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Contains("[image: tracking pixel]", html, StringComparison.Ordinal);
        Assert.Contains("[image]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_markdown_is_text()
    {
        var html = Page("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<a href=\"javascript:alert(3)\">x</a>\n\n<style>body{display:none}</style>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(html, "<style", RegexOptions.IgnoreCase));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Empty(Urls(html));
    }

    [Fact]
    public void Student_output_messages_and_errors_are_escaped_with_control_characters_visible()
    {
        var html = Page("fine", "<img src=x onerror=alert(1)>\u001b]0;title\u0007</pre><script>alert(2)</script>\u202e");
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>not", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain('\u0007', html);
        Assert.DoesNotContain('\u202e', html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;\\u001B]0;title\\u0007&lt;/pre&gt;", html, StringComparison.Ordinal);
        Assert.Contains("\\u202E", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_carries_a_strict_content_security_policy_and_no_script()
    {
        var html = Page("x");
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<title>", StringComparison.Ordinal), "the policy comes before anything it governs");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
