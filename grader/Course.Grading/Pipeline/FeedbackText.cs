using System.Net;
using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Grading.Pipeline;

/// <summary>
/// The text a value shows, for feedback, which carries text only (a submission's HTML is never put into the
/// feedback page as markup). Values are formatted as the kernel does, mostly as <c>text/html</c> only: its text is
/// the HTML without style and script elements, tags turned into line breaks (blocks, rows) or spaces (cells), and
/// entities decoded; <c>text/plain</c> is used as it is.
/// </summary>
public static partial class FeedbackText
{
    /// <summary>The text of a MIME bundle, or null when it has neither <c>text/plain</c> nor <c>text/html</c>.</summary>
    public static string? Of(IReadOnlyDictionary<string, string> data)
    {
        if (data.TryGetValue(MimeBundle.PlainText, out var text))
        {
            return text;
        }

        if (!data.TryGetValue(MimeBundle.Html, out var html))
        {
            return null;
        }

        var withoutCode = StyleOrScript().Replace(html, string.Empty);
        var spaced = CellEnd().Replace(BlockEnd().Replace(withoutCode, "\n"), " ");
        var plain = WebUtility.HtmlDecode(AnyTag().Replace(spaced, string.Empty));
        return BlankLines().Replace(plain, "\n").Trim('\n');
    }

    [GeneratedRegex("<(style|script)\\b[^>]*>.*?</\\1\\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("</(div|p|tr|summary|details|table|thead|tbody|pre|li|h[1-6])\\s*>|<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("</(td|th)\\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex("\\n[ \\t]*(\\n[ \\t]*)+")]
    private static partial Regex BlankLines();
}
