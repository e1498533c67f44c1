using System.CommandLine;
using System.Globalization;
using Course.Cli.Infrastructure;
using Course.Grading.Assignments;
using Course.Grading.Check;
using Course.Grading.Reports;
using Course.Grading.Results;
using Course.Notebooks;

namespace Course.Cli.Verbs;

/// <summary>
/// <c>course check &lt;notebook.ipynb or folder&gt;</c>: the learner's self-check. Says what it is about to
/// run, then per notebook (as each finishes) the teaching cells that failed (cell number and error) and
/// each exercise's visible test as passed, failed (with the test's message) or not attempted; ends with a
/// summary over all notebooks and the next step. Exit code 1 only when something other than the
/// learner's exercises broke (a teaching cell failed); unanswered or failing exercises exit 0.
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
            if (!(seconds > 0) || double.IsInfinity(seconds))
            {
                throw new CourseUserException("--timeout must be a positive number of seconds");
            }

            IReadOnlyList<string> notebooks;
            try
            {
                notebooks = NotebookFiles.Find(path);
            }
            catch (FileNotFoundException ex)
            {
                throw new CourseUserException(ex.Message, ex);
            }

            CourseLibraryCheck.Require(notebooks);
            if (notebooks.Count > 1)
            {
                console.WriteLine($"checking {notebooks.Count} notebooks in {path} (each runs top to bottom, then its visible tests)");
            }

            var totals = new Totals();
            for (var i = 0; i < notebooks.Count; i++)
            {
                var name = Path.GetFileName(notebooks[i]);
                console.WriteLine(notebooks.Count > 1 ? $"[{i + 1}/{notebooks.Count}] {name}" : name);
                SelfCheckReport report;
                try
                {
                    var fileName = Path.GetFileName(notebooks[i]);
                    report = await SelfCheck.RunWithCellsAsync(notebooks[i], TimeSpan.FromSeconds(seconds), cancellationToken, warning => console.WriteLine($"{fileName}: warning: {warning}")).ConfigureAwait(false);
                }
                catch (AssignmentFormatException ex)
                {
                    throw new CourseUserException(ex.Message, ex);
                }

                Print(console, report);
                totals.Add(name, report);
            }

            PrintSummary(console, path, notebooks, totals);
            return totals.BrokenCells > 0 ? 1 : 0;
        });
        return command;
    }

    private static void Print(CliConsole console, SelfCheckReport report)
    {
        foreach (var cell in report.BrokenCells)
        {
            console.WriteLine($"  BROKEN         cell {cell.Number}: {cell.Error}");
        }

        var result = report.Result;
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

    private static void PrintSummary(CliConsole console, string path, IReadOnlyList<string> notebooks, Totals totals)
    {
        var brokenNote = totals.BrokenCells > 0 ? $"; {totals.BrokenCells} teaching cell(s) BROKEN" : string.Empty;
        var notRun = totals.NotRun > 0 ? $", {totals.NotRun} not run" : string.Empty;
        var written = totals.WrittenAnswers > 0 ? $"; {totals.WrittenAnswers} written answer(s) for your instructor to grade" : string.Empty;
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"summary: {notebooks.Count} notebook(s), {totals.Exercises} exercise test(s): {totals.Passed} passed, {totals.Failed} failed, {totals.NotAttempted} not attempted{notRun}{written}{brokenNote}"));
        var first = Path.GetRelativePath(Directory.GetCurrentDirectory(), notebooks[0]);
        string next;
        if (totals.BrokenCells > 0)
        {
            next = $"the BROKEN cells are the course's, not your answers: see the errors above (is the course library up to date? `./course` rebuilds it), then run `./course check {path}` again";
        }
        else if (totals.Failed > 0 || totals.NotRun > 0)
        {
            next = $"fix the exercises marked failed in {totals.FirstWithFailures}, then run `./course check {path}` again";
        }
        else if (totals.NotAttempted > 0)
        {
            var (name, test) = totals.FirstNotAttempted!.Value;
            var notebook = notebooks.Count > 1 ? Path.Combine(path, name) : first;
            next = $"open {notebook}, answer the exercise that {test} checks (replace `throw new NotImplementedException();`), then run `./course check {notebook}`";
        }
        else
        {
            next = "every visible test passes; your instructor's hidden tests may check more"
                + (totals.WrittenAnswers > 0 ? ", and your instructor reads the written answers" : string.Empty);
        }

        console.WriteLine("next: " + next);
    }

    private sealed class Totals
    {
        public int Exercises { get; private set; }

        public int Passed { get; private set; }

        public int Failed { get; private set; }

        public int NotAttempted { get; private set; }

        public int NotRun { get; private set; }

        public int BrokenCells { get; private set; }

        public int WrittenAnswers { get; private set; }

        /// <summary>The first notebook (file name) with an exercise not attempted, and that exercise's test.</summary>
        public (string Notebook, string Test)? FirstNotAttempted { get; private set; }

        public string? FirstWithFailures { get; private set; }

        public void Add(string name, SelfCheckReport report)
        {
            // Manually graded answers are not exercise tests: counted apart, so the categories add up to the total.
            var tests = report.Result.Tests.Where(t => t.Status != TestStatus.PendingManualGrade).ToList();
            WrittenAnswers += report.Result.Tests.Count - tests.Count;
            Exercises += tests.Count;
            Passed += tests.Count(t => t.Status == TestStatus.Passed);
            Failed += tests.Count(t => t.Status == TestStatus.Failed);
            NotAttempted += tests.Count(t => t.Status == TestStatus.NotAttempted);
            NotRun += tests.Count(t => t.Status == TestStatus.NotRun);
            BrokenCells += report.BrokenCells.Count;
            if (FirstNotAttempted is null && tests.FirstOrDefault(t => t.Status == TestStatus.NotAttempted) is { } open)
            {
                FirstNotAttempted = (name, open.GradeId);
            }

            if (FirstWithFailures is null && tests.Any(t => t.Status is TestStatus.Failed or TestStatus.NotRun))
            {
                FirstWithFailures = name;
            }
        }
    }
}
