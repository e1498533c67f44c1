using Course.Grading.Reports;

namespace Course.Cli.Infrastructure;

/// <summary>
/// Writes a line to stdout as it is: no markup parsing and no wrapping at the console width, so that
/// scripts and CI logs get one line per fact. Control characters (ESC and so terminal escape sequences,
/// BEL, CR, line breaks) and bidirectional overrides in it, which a student id, file name or message can
/// carry, are written as visible escapes such as <c>\u001B</c> (<see cref="SafeText"/>): a line cannot
/// rewrite the console or pretend to be two.
/// </summary>
public static class PlainLines
{
    public static void WriteLine(this CliConsole console, string line)
    {
        ArgumentNullException.ThrowIfNull(console);
        var writer = console.Output.Profile.Out.Writer;
        writer.WriteLine(SafeText.Visible(line));
        writer.Flush();
    }

    /// <summary>Writes <paramref name="line"/> to stderr, with the same escaping.</summary>
    public static void WriteErrorLine(this CliConsole console, string line)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Error.WriteLine(SafeText.Visible(line));
    }

    /// <summary>Text from outside the course (ids, names, paths, messages) made safe for Spectre markup: visible escapes, then brackets escaped.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(SafeText.Visible(text));
}
