using System.CommandLine;
using System.Globalization;
using Course.Cli.Infrastructure;
using Course.Grading.Assignments;
using Course.Grading.Check;
using Course.Grading.Reports;
using Course.Grading.Results;

namespace Course.Cli.Verbs;

/// <summary>
/// <c>course check &lt;notebook.ipynb or folder&gt;</c>: the learner's self-check. Runs each notebook, then
/// prints each exercise's visible test as passed, failed (with the test's message) or not attempted,
/// and the score on the visible tests. Failing tests are the learner's business: exit code 0.
/// </summary>
public static class CheckVerb
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var target = new Argument<string>("notebook") { Description = "A notebook (.ipynb) or a folder of notebooks." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 30 };
        var command = new Command("check", "Run your notebook and its visible tests: each exercise passed, failed (with the reason) or not attempted, and your score.")
        {
            target,
            timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(target)!;
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                throw new CourseUserException("--timeout must be a positive number of seconds");
            }

            var notebooks = File.Exists(path)
                ? [path]
                : Directory.Exists(path)
                    ? Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList()
                    : throw new CourseUserException($"{path}: no such notebook or folder");
            if (notebooks.Count == 0)
            {
                throw new CourseUserException($"{path}: no .ipynb notebooks in this folder");
            }

            foreach (var notebook in notebooks)
            {
                SubmissionResult result;
                try
                {
                    result = await SelfCheck.RunAsync(notebook, TimeSpan.FromSeconds(seconds), cancellationToken, warning => console.WriteLine($"{Path.GetFileName(notebook)}: warning: {warning}")).ConfigureAwait(false);
                }
                catch (AssignmentFormatException ex)
                {
                    throw new CourseUserException(ex.Message, ex);
                }

                Print(console, Path.GetFileName(notebook), result);
            }

            return 0;
        });
        return command;
    }

    private static void Print(CliConsole console, string name, SubmissionResult result)
    {
        console.WriteLine(name);
        if (result.Tests.Count == 0)
        {
            console.WriteLine("  no exercises with tests in this notebook");
            return;
        }

        var width = result.Tests.Max(t => t.GradeId.Length);
        foreach (var test in result.Tests)
        {
            var (word, message) = test.Status switch
            {
                TestStatus.Passed => ("passed", string.Empty),
                TestStatus.NotAttempted => ("not attempted", string.Empty),
                TestStatus.Failed => ("failed", test.Message),
                TestStatus.PendingManualGrade => ("manual", "graded by hand, not counted here"),
                _ => ("not run", test.Message),
            };
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {word,-13}  {test.GradeId.PadRight(width)}  {(test.Status == TestStatus.PendingManualGrade ? "-" : Gradebook.Number(test.Score))}/{Gradebook.Number(test.MaxScore)}{(message.Length > 0 ? "  " + message : string.Empty)}"));
        }

        var tests = result.Tests.Where(t => t.Status != TestStatus.PendingManualGrade).ToList();
        console.WriteLine($"  score on visible tests: {Gradebook.Number(tests.Sum(t => t.Score))}/{Gradebook.Number(tests.Sum(t => t.MaxScore))} ({tests.Count(t => t.Status == TestStatus.Passed)} of {tests.Count} passed)");
    }
}
