using System.CommandLine;
using Course.Cli.Infrastructure;

namespace Course.Cli.Verbs;

/// <summary>`course check`: not built yet (see the issue that owns it).</summary>
public static class CheckVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("check", "Not built yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("course: 'check' is not built yet");
            return 1;
        });
        return command;
    }
}
