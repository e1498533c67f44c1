using System.Text;
using Course.Notebooks;

namespace Course.Grading.Release;

/// <summary>
/// The region markers of nbgrader's cell format, recognised the way nbgrader does: a line whose text,
/// after its comment characters, is the marker (<c>// BEGIN SOLUTION</c>, <c>### BEGIN SOLUTION</c>).
/// </summary>
public static class Markers
{
    public const string BeginSolution = "BEGIN SOLUTION";
    public const string EndSolution = "END SOLUTION";
    public const string BeginHiddenTests = "BEGIN HIDDEN TESTS";
    public const string EndHiddenTests = "END HIDDEN TESTS";

    /// <summary>The stub's first line; its presence in an answer cell means "not attempted yet".</summary>
    public const string YourCodeHere = "// YOUR CODE HERE";

    /// <summary>The stub's second line.</summary>
    public const string NotImplementedStub = "throw new NotImplementedException();";

    /// <summary>The stub for a markdown answer.</summary>
    public const string YourAnswerHere = "YOUR ANSWER HERE";

    /// <summary>True when <paramref name="line"/> is the marker <paramref name="marker"/>.</summary>
    public static bool Is(string line, string marker)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim().TrimStart('/', '#', '*', ' ', '\t').TrimEnd('*', '/', ' ', '\t');
        return string.Equals(text, marker, StringComparison.Ordinal);
    }

    /// <summary>The lines of a cell's source, without their line ends (<c>\n</c>, <c>\r\n</c> and a lone <c>\r</c> all end a line).</summary>
    public static string[] Lines(string source) => LineEnds.Split(source);

    /// <summary>
    /// The first problem with the <paramref name="begin"/>/<paramref name="end"/> pairs in <paramref name="source"/>
    /// (an end without a begin, a begin inside a region, a region left open), or null when balanced.
    /// </summary>
    public static string? CheckBalanced(string source, string begin, string end)
    {
        var lines = Lines(source);
        int? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Is(lines[i], begin))
            {
                if (open is not null)
                {
                    return $"line {i + 1}: '{begin}' inside the region opened on line {open}";
                }

                open = i + 1;
            }
            else if (Is(lines[i], end))
            {
                if (open is null)
                {
                    return $"line {i + 1}: '{end}' without '{begin}'";
                }

                open = null;
            }
        }

        return open is null ? null : $"line {open}: '{begin}' is never closed by '{end}'";
    }

    /// <summary>
    /// Replaces each region from <paramref name="begin"/> to <paramref name="end"/> (markers included) by
    /// <paramref name="replacement"/> lines indented like the begin marker; no replacement removes it.
    /// Every other line keeps its own line end; replacement lines end like the begin marker's line.
    /// </summary>
    public static string ReplaceRegions(string source, string begin, string end, IReadOnlyList<string> replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var result = new StringBuilder();
        var inside = false;
        var lines = LineEnds.SplitKeepingEnds(source);
        foreach (var line in lines)
        {
            if (!inside && Is(line.Text, begin))
            {
                inside = true;
                var indent = line.Text[..(line.Text.Length - line.Text.TrimStart().Length)];
                var lineEnd = line.End.Length > 0 ? line.End : "\n";
                for (var r = 0; r < replacement.Count; r++)
                {
                    result.Append(indent).Append(replacement[r]).Append(r < replacement.Count - 1 ? lineEnd : line.End);
                }
            }
            else if (inside && Is(line.Text, end))
            {
                inside = false;
                if (line.End.Length == 0 && result.Length > 0)
                {
                    // The region closed the cell: the line before it no longer needs its line end.
                    TrimOneLineEnd(result);
                }
            }
            else if (!inside)
            {
                result.Append(line.Text).Append(line.End);
            }
        }

        return result.ToString();
    }

    private static void TrimOneLineEnd(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] == '\n')
        {
            text.Length--;
            if (text.Length > 0 && text[^1] == '\r')
            {
                text.Length--;
            }
        }
        else if (text.Length > 0 && text[^1] == '\r')
        {
            text.Length--;
        }
    }
}
