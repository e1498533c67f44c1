using System.CommandLine;
using Course.Cli.Infrastructure;
using Course.Cli.Verbs;

namespace Course.Cli;

/// <summary>
/// The <c>course</c> command line: one class per verb under <c>Verbs/</c>, wired together here.
/// Exit codes follow the course contract: 0 when the verb did its job, 1 when the input was bad
/// or something the user asked for failed (said in one line on stderr).
/// </summary>
public static class CourseApp
{
    public static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand("Collective Security in C#: run, check, release and grade the course's notebooks.");
        root.Subcommands.Add(RunVerb.Create(console));
        root.Subcommands.Add(CheckVerb.Create(console));
        root.Subcommands.Add(ReleaseVerb.Create(console));
        root.Subcommands.Add(GradeVerb.Create(console));
        root.Subcommands.Add(KernelVerb.Create(console));
        root.Subcommands.Add(AutograderVerb.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildRootCommand(console);
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (CourseUserException ex)
        {
            console.WriteErrorLine($"course: {ex.Message}");
            return 1;
        }
    }
}
