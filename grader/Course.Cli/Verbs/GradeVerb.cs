using System.CommandLine;
using Course.Cli.Infrastructure;

namespace Course.Cli.Verbs;

/// <summary>`course grade`: not built yet (see the issue that owns it).</summary>
public static class GradeVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("grade", "Not built yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("course: 'grade' is not built yet");
            return 1;
        });
        return command;
    }
}
