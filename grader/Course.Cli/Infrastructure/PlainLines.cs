namespace Course.Cli.Infrastructure;

/// <summary>
/// Writes a line to stdout as it is: no markup parsing and no wrapping at the console width, so that
/// scripts and CI logs get one line per fact.
/// </summary>
public static class PlainLines
{
    public static void WriteLine(this CliConsole console, string line)
    {
        ArgumentNullException.ThrowIfNull(console);
        var writer = console.Output.Profile.Out.Writer;
        writer.WriteLine(line);
        writer.Flush();
    }
}
