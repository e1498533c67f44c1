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

    /// <summary>The lines of a cell's source, without their line ends.</summary>
    public static string[] Lines(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

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
    /// </summary>
    public static string ReplaceRegions(string source, string begin, string end, IReadOnlyList<string> replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var result = new List<string>();
        var inside = false;
        foreach (var line in Lines(source))
        {
            if (!inside && Is(line, begin))
            {
                inside = true;
                var indent = line[..(line.Length - line.TrimStart().Length)];
                result.AddRange(replacement.Select(r => indent + r));
            }
            else if (inside && Is(line, end))
            {
                inside = false;
            }
            else if (!inside)
            {
                result.Add(line);
            }
        }

        return string.Join('\n', result);
    }
}
