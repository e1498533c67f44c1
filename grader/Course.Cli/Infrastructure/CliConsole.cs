using Spectre.Console;

namespace Course.Cli.Infrastructure;

/// <summary>
/// Where the CLI writes: a Spectre console for stdout (colours and progress bars that degrade to
/// plain lines when output is redirected or <c>CI</c>/<c>NO_COLOR</c> is set) and a writer for stderr.
/// Tests pass their own.
/// </summary>
public sealed class CliConsole(IAnsiConsole output, TextWriter error)
{
    public IAnsiConsole Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stdout is an interactive terminal that can show live progress.</summary>
    public bool IsInteractive => Output.Profile.Capabilities.Interactive && Output.Profile.Capabilities.Ansi;

    public static CliConsole Create()
    {
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var settings = new AnsiConsoleSettings
        {
            Ansi = ci || noColor || Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = ci || noColor || Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = ci || Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        };
        return new CliConsole(AnsiConsole.Create(settings), Console.Error);
    }
}
