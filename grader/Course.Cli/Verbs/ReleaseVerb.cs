using System.CommandLine;
using Course.Cli.Infrastructure;

namespace Course.Cli.Verbs;

/// <summary>`course release`: not built yet (see the issue that owns it).</summary>
public static class ReleaseVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("release", "Not built yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("course: 'release' is not built yet");
            return 1;
        });
        return command;
    }
}
