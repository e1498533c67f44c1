using System.CommandLine;
using Course.Cli.Infrastructure;

namespace Course.Cli.Verbs;

/// <summary>`course run`: not built yet (see the issue that owns it).</summary>
public static class RunVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("run", "Not built yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("course: 'run' is not built yet");
            return 1;
        });
        return command;
    }
}
