using Course.Engine.Runtime;
using Course.Grading.Pipeline;

namespace Course.Grading.Tests.Pipeline;

/// <summary>Feedback shows values as text: the kernel formatter's HTML, read back as text.</summary>
public class FeedbackTextTests
{
    private sealed record Vote(string Member, bool Yes);

    [Fact]
    public void A_number_shows_as_its_digits_and_a_string_as_itself()
    {
        Assert.Equal("42", FeedbackText.Of(ValueFormatter.Format(42)));
        Assert.Equal("<b>not markup</b>", FeedbackText.Of(ValueFormatter.Format("<b>not markup</b>")));
        Assert.Equal("[ 1, 3, 5 ]", FeedbackText.Of(ValueFormatter.Format(Enumerable.Range(1, 5).Where(i => i % 2 == 1))));
    }

    [Fact]
    public void An_object_shows_its_summary_and_members_without_style_or_tags()
    {
        var text = FeedbackText.Of(ValueFormatter.Format(new Vote("France", true)));

        Assert.NotNull(text);
        Assert.StartsWith("Vote { Member = France, Yes = True }", text, StringComparison.Ordinal);
        Assert.Contains("Member France", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dni-", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_text_has_no_feedback_text()
    {
        Assert.Null(FeedbackText.Of(new Dictionary<string, string> { ["image/png"] = "iVBORw0KGgo=" }));
    }
}
