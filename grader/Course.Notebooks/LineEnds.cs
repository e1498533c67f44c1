namespace Course.Notebooks;

/// <summary>
/// Lines of cell text whatever editor wrote them: <c>\n</c> (Jupyter, VS Code on Linux and macOS),
/// <c>\r\n</c> (editors on Windows) and a lone <c>\r</c> (classic Mac editors, some copy and paste) all end
/// a line, as they do for Roslyn and for Python's <c>str.splitlines</c>. Everything that looks for
/// markers, directives or stubs line by line reads lines through here.
/// </summary>
public static class LineEnds
{
    /// <summary>One line: its text without the line end, and the line end (<c>"\n"</c>, <c>"\r\n"</c>, <c>"\r"</c>, or empty for the last line).</summary>
    /// <param name="Text">The line's text.</param>
    /// <param name="End">Its line end as written.</param>
    public readonly record struct Line(string Text, string End);

    /// <summary>The lines of <paramref name="text"/> without their ends (an empty text is one empty line; a final line end gives a final empty line).</summary>
    public static string[] Split(string text) => [.. SplitKeepingEnds(text).Select(l => l.Text)];

    /// <summary>The lines of <paramref name="text"/> with their ends; joining <c>Text + End</c> gives the text back.</summary>
    public static IReadOnlyList<Line> SplitKeepingEnds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\n' or '\r'))
            {
                continue;
            }

            var end = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : c.ToString();
            lines.Add(new Line(text[start..i], end));
            i += end.Length - 1;
            start = i + 1;
        }

        lines.Add(new Line(text[start..], string.Empty));
        return lines;
    }
}
