using Course.Cli.Infrastructure;
using Spectre.Console;

namespace Course.Grading.Tests;

/// <summary>A CLI console whose stdout and stderr are strings, as when output is redirected (no progress bar).</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public TestConsole()
    {
        Console = new CliConsole(
            AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(_out),
            }),
            _error);
    }

    public CliConsole Console { get; }

    public string Out => _out.ToString();

    public string Error => _error.ToString();

    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        var exit = await Course.Cli.CourseApp.RunAsync(args, console.Console);
        return (exit, console.Out, console.Error);
    }
}
