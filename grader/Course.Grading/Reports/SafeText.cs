using System.Globalization;
using System.Text;

namespace Course.Grading.Reports;

/// <summary>
/// Makes text from a submission (a student id, a file name, a message, printed output) harmless to show:
/// every character that could act on a terminal, a spreadsheet or a page instead of being read is replaced
/// by a visible escape such as <c>\u001B</c>. That is the C0 and C1 control characters (ESC, and so CSI and
/// OSC sequences; BEL; CR; NUL; DEL), the Unicode line and paragraph separators, and the bidirectional
/// controls that reorder what is displayed (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
/// Lone surrogates become U+FFFD. Other text, including non-Latin scripts and emoji, is kept as is.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// <paramref name="text"/> with its dangerous characters escaped; with <paramref name="keepLineBreaks"/>,
    /// <c>\n</c> and <c>\t</c> are kept (multi-line output shown in a page); otherwise they are escaped too
    /// (one line in a console or a CSV cell).
    /// </summary>
    public static string Visible(string? text, bool keepLineBreaks = false) => Escaped(text, keepLineBreaks, escapeFormatting: false);

    private static string Escaped(string? text, bool keepLineBreaks, bool escapeFormatting)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = null;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                replacement = "\uFFFD";
            }
            else if ((IsDangerous(c) || (escapeFormatting && IsInvisibleFormat(c))) && !(keepLineBreaks && c is '\n' or '\t'))
            {
                replacement = string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }

            if (replacement is null)
            {
                safe?.Append(c);
                continue;
            }

            safe ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            safe.Append(replacement);
        }

        return safe?.ToString() ?? text;
    }

    /// <summary>
    /// A name (a student id, an assignment, a column) as <see cref="Visible"/> shows it, with invisible formatting
    /// characters escaped too (Unicode category Cf: zero-width space and joiners, word joiner, byte order mark, soft
    /// hyphen), so that a folder named "honest-ann" plus U+200B is not a second row that reads "honest-ann". Apart
    /// from <see cref="Visible"/> because in prose the joiners belong to emoji and to Persian and Indic words.
    /// </summary>
    /// <param name="text">The name; null is the empty string.</param>
    /// <returns>The name with control, bidirectional and formatting characters written as <c>\uXXXX</c>.</returns>
    public static string Name(string? text) => Escaped(text, keepLineBreaks: false, escapeFormatting: true);

    private static bool IsInvisibleFormat(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>True for a character <see cref="Visible"/> escapes.</summary>
    public static bool IsDangerous(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
