using System.CommandLine;
using System.Globalization;
using Course.Cli.Infrastructure;
using Course.Grading.Assignments;
using Course.Grading.Batch;
using Course.Grading.Reports;
using Course.Grading.Results;
using Course.Grading.Sandbox;
using Course.Notebooks;
using Spectre.Console;

namespace Course.Cli.Verbs;

/// <summary>
/// <c>course grade --source &lt;instructor notebook or folder&gt; --submissions DIR --out DIR [--jobs N] [--timeout SECONDS] [--no-sandbox]</c>:
/// grades every submission in isolation and writes gradebook.csv, results.json and feedback.html.
/// Every worker runs in the bubblewrap sandbox; where it is not usable the verb refuses in one line,
/// unless <c>--no-sandbox</c>, which is then said in the summary and in every results.json.
/// A progress bar when stdout is a terminal, one plain line per submission otherwise, and a summary.
/// </summary>
public static class GradeVerb
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var source = new Option<string>("--source") { Description = "The instructor's notebook (with hidden tests) or a folder of them.", Required = true };
        var submissions = new Option<string>("--submissions") { Description = "The folder of submissions: <submissions>/<student_id>/<notebook>.ipynb.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write gradebook.csv and each student's results.json and feedback.html.", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Submissions graded at once (by default, one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run before it is stopped.", DefaultValueFactory = _ => 10 };
        var submissionTimeout = new Option<double>("--submission-timeout") { Description = "Seconds a whole submission may run.", DefaultValueFactory = _ => 120 };
        var memory = new Option<int>("--memory") { Description = "Managed heap limit per submission, in MB.", DefaultValueFactory = _ => 256 };
        var allAssignments = new Option<bool>("--all-assignments") { Description = "With a folder of sources, grade every assignment, also those no student handed in (by default only those at least one student handed in)." };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run workers without the operating-system sandbox (bubblewrap): only when you accept that submitted code runs with your rights." };
        var command = new Command("grade", "Grade every submission with the instructor's tests, each in its own sandboxed worker process.")
        {
            source, submissions, output, jobs, timeout, submissionTimeout, memory, allAssignments, noSandbox,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = BuildRequest(
                parse.GetValue(source)!, parse.GetValue(submissions)!, parse.GetValue(output)!, parse.GetValue(jobs),
                parse.GetValue(timeout), parse.GetValue(submissionTimeout), parse.GetValue(memory), !parse.GetValue(noSandbox), parse.GetValue(allAssignments), console);
            var batch = new GradeBatch(request);
            console.WriteLine(request.Worker.Sandboxed ? "sandbox: bubblewrap; " + WorkerCgroup.Availability : WorkerOptions.NoSandboxWarning);

            GradeSummary summary;
            if (console.IsInteractive)
            {
                summary = await console.Output.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("grading", autoStart: true, maxValue: 1);
                        return await batch.RunAsync(new BarProgress(task), cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            else
            {
                summary = await batch.RunAsync(new LineProgress(console), cancellationToken).ConfigureAwait(false);
            }

            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"graded {summary.Graded + summary.Reused} submissions ({summary.Graded} now, {summary.Reused} reused from an earlier run); " +
                $"{summary.CouldNotRun} of them could not run (scored 0, the reason in their row), in {summary.Elapsed.TotalSeconds:0.0} s; gradebook: {summary.GradebookPath}"));
            if (!request.Worker.Sandboxed)
            {
                console.WriteLine(WorkerOptions.NoSandboxWarning);
            }

            return 0;
        });
        return command;
    }

    private static GradeRequest BuildRequest(string source, string submissions, string output, int jobs, double timeout, double submissionTimeout, int memory, bool sandboxed, bool allAssignments, CliConsole console)
    {
        if (!Directory.Exists(submissions))
        {
            throw new CourseUserException($"--submissions {submissions}: no such folder");
        }

        if (jobs < 1)
        {
            throw new CourseUserException($"--jobs {jobs}: must be at least 1");
        }

        if (timeout is <= 0 or > 3600 || submissionTimeout <= 0 || submissionTimeout > 24 * 3600)
        {
            throw new CourseUserException("--timeout and --submission-timeout must be positive numbers of seconds");
        }

        if (memory is < 32 or > 65536)
        {
            throw new CourseUserException($"--memory {memory}: must be between 32 and 65536 MB");
        }

        var outFull = Path.GetFullPath(output);
        var submissionsFull = Path.GetFullPath(submissions);
        if (outFull == submissionsFull || outFull.StartsWith(submissionsFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new CourseUserException($"--out {output}: must not be inside --submissions (it would be graded as a student)");
        }

        IReadOnlyList<Assignment> assignments;
        try
        {
            assignments = Assignment.LoadAll(source);
        }
        catch (AssignmentFormatException ex)
        {
            throw new CourseUserException(ex.Message, ex);
        }

        assignments = Select(assignments, Directory.Exists(source) && !allAssignments, submissionsFull, console);
        var course = CourseDirectory.TryFind(Path.GetDirectoryName(Path.GetFullPath(assignments[0].SourcePath))) ?? CourseDirectory.TryFind();
        CourseLibraryCheck.RequireBuilt(assignments.Select(a => a.SourcePath), course?.CourseLibAssembly);
        var worker = new WorkerOptions
        {
            CellTimeLimit = TimeSpan.FromSeconds(timeout),
            SubmissionTimeLimit = TimeSpan.FromSeconds(submissionTimeout),
            MemoryLimitBytes = memory * 1024L * 1024,
            Sandboxed = sandboxed,
        };
        if (sandboxed && Bubblewrap.Probe(worker.SharingFolderOf(course?.CourseLibAssembly)) is { } problem)
        {
            throw new CourseUserException($"no grading sandbox: {problem}; {Bubblewrap.InstallHint}");
        }

        return new GradeRequest(assignments, submissionsFull, outFull, jobs, worker, course?.CourseLibAssembly);
    }

    /// <summary>
    /// With a folder of sources (and no --all-assignments), only the assignments that at least one student
    /// handed in (<c>&lt;submissions&gt;/&lt;student&gt;/&lt;name&gt;.ipynb</c> exists); all of them when nobody
    /// handed in any. Says which it grades, in one line.
    /// </summary>
    private static IReadOnlyList<Assignment> Select(IReadOnlyList<Assignment> assignments, bool onlyHandedIn, string submissionsFolder, CliConsole console)
    {
        var students = GradeBatch.StudentFolders(submissionsFolder);
        var handedIn = assignments
            .Where(a => students.Any(student => File.Exists(Path.Combine(submissionsFolder, student, a.FileName)) || Directory.Exists(Path.Combine(submissionsFolder, student, a.FileName))))
            .ToList();
        var selected = onlyHandedIn && handedIn.Count > 0 ? handedIn : assignments;
        var skipped = assignments.Count - selected.Count;
        var names = string.Join(", ", selected.Select(a => a.Name));
        console.WriteLine(skipped > 0
            ? $"grading {selected.Count} of {assignments.Count} assignments, those handed in by at least one student: {names} (--all-assignments grades the other {skipped} too)"
            : $"grading {selected.Count} assignment(s): {names}{(onlyHandedIn && handedIn.Count == 0 ? " (no student handed in any of them)" : string.Empty)}");
        return selected;
    }

    private sealed class BarProgress(ProgressTask task) : IGradeProgress
    {
        public void Started(int submissions) => task.MaxValue = Math.Max(1, submissions);

        public void Finished(SubmissionResult result, bool reused)
        {
            task.Increment(1);
            task.Description = "graded " + PlainLines.Markup($"{result.StudentId}/{result.Assignment}");
        }
    }

    private sealed class LineProgress(CliConsole console) : IGradeProgress
    {
        private readonly Lock _lock = new();
        private int _total;
        private int _done;

        public void Started(int submissions)
        {
            _total = submissions;
            console.WriteLine($"grading {submissions} submissions");
        }

        public void Finished(SubmissionResult result, bool reused)
        {
            lock (_lock)
            {
                _done++;
                console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{_done}/{_total}] {result.StudentId}/{result.Assignment}: {Gradebook.Number(result.Score)}/{Gradebook.Number(result.MaxScore)}{(reused ? " (reused)" : string.Empty)} {result.Summary}"));
            }
        }
    }
}
