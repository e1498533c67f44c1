using System.CommandLine;
using Course.Cli.Infrastructure;
using Course.Grading.Assignments;
using Course.Grading.Release;

namespace Course.Cli.Verbs;

/// <summary>
/// <c>course release &lt;source notebook or folder&gt; --out DIR</c>: writes the student versions
/// (solutions replaced by stubs, hidden tests removed, outputs cleared, nbgrader metadata kept).
/// </summary>
public static class ReleaseVerb
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var source = new Argument<string>("source") { Description = "An instructor's notebook (with solutions and hidden tests) or a folder of them." };
        var output = new Option<string>("--out") { Description = "The folder to write the student versions to.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace notebooks in --out that differ from their student version (a learner's edits are lost)." };
        var command = new Command("release", "Write student versions: solutions replaced by stubs, hidden tests removed, outputs cleared. Refuses to replace edited notebooks without --force.")
        {
            source,
            output,
            force,
        };
        command.SetAction(parse =>
        {
            IReadOnlyList<ReleasedNotebook> released;
            try
            {
                released = ReleaseCommand.Run(parse.GetValue(source)!, parse.GetValue(output)!, parse.GetValue(force));
            }
            catch (AssignmentFormatException ex)
            {
                throw new CourseUserException(ex.Message, ex);
            }

            foreach (var notebook in released)
            {
                console.WriteLine(
                    $"released {Path.GetFileName(notebook.SourcePath)} -> {notebook.StudentPath} " +
                    $"({notebook.Answers} answers stubbed, {notebook.Tests} tests, {notebook.HiddenTests} with hidden parts removed)");
            }

            return 0;
        });
        return command;
    }
}
