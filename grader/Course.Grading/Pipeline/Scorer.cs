using System.Globalization;
using Course.Engine.Runtime;
using Course.Grading.Assignments;
using Course.Grading.Results;
using Course.Notebooks;

namespace Course.Grading.Pipeline;

/// <summary>
/// Step 6: turns the runs into a grade. A test cell earns its points when it ran without throwing;
/// otherwise 0, with the test's own message (its exception), the compiler's, or why it did not run.
/// A failing test whose exercise's answer still holds the release stub (or that hit
/// NotImplementedException) is "not attempted". A manually graded answer is never scored: it is
/// carried as pending manual grading, worth its points in the maximum. Points are decimal (0.1 + 0.2
/// is 0.3). Messages never quote hidden-test source, and the worker's temporary folder never appears
/// in them, so the same submission always gets the same words.
/// </summary>
public static class Scorer
{
    /// <summary>Printed text kept per cell in feedback.</summary>
    public const int MaxFeedbackOutputChars = 8 * 1024;

    public static SubmissionResult Score(string studentId, Assignment assignment, PreparedSubmission prepared, IReadOnlyList<CellRun?> runs)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(runs);
        var cells = prepared.Cells.Select(p => p.Cell).ToList();
        // Once a test with hidden checks has run, the submission's own code has seen the hidden inputs (its answer
        // was called with them), so what later cells print or throw could repeat them: not shown.
        var firstHidden = cells.FindIndex(c => c.Origin == CellOrigin.Test && c.Source != c.VisibleSource);
        var outcomes = new List<TestOutcome>();
        foreach (var test in assignment.Tests)
        {
            var index = cells.FindIndex(c => c.Origin == CellOrigin.Test && c.GradeId == test.GradeId);
            var run = index >= 0 ? runs[index] : null;
            outcomes.Add(Outcome(test, cells, index, run, prepared, afterHiddenTests: firstHidden >= 0 && index > firstHidden));
        }

        var summary = prepared.Refused
            ? "Refused" + prepared.RefusalReason["refused".Length..]
            : Summarize(outcomes);
        var graded = cells.Select((c, i) => Feedback(c, runs[i], afterHiddenTests: firstHidden >= 0 && i > firstHidden)).ToList();
        return new SubmissionResult(studentId, assignment.Name, outcomes, summary, graded) { Refused = prepared.Refused };
    }

    /// <summary>What a manually graded answer's outcome says until the instructor grades it.</summary>
    public const string PendingManualGradeMessage = "a manually graded answer: the instructor grades it by hand; its points are not counted yet";

    /// <summary>
    /// The result of a submission that could not be read (or was not handed in, <paramref name="notSubmitted"/>):
    /// every test not run, with the reason.
    /// </summary>
    public static SubmissionResult Unreadable(string studentId, Assignment assignment, string problem, bool notSubmitted = false)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var outcomes = assignment.Tests
            .Select(t => new TestOutcome(t.GradeId, 0, t.Points, TestStatus.NotRun, "the submission could not be graded: " + problem, t.HasHiddenTests))
            .ToList();
        return new SubmissionResult(studentId, assignment.Name, outcomes, "Could not be graded: " + problem, []) { NotSubmitted = notSubmitted };
    }

    /// <summary>The result of a submission refused by the policy check: nothing ran.</summary>
    public static SubmissionResult Refused(string studentId, Assignment assignment, PreparedSubmission prepared)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(prepared);
        return Score(studentId, assignment, prepared, new CellRun?[prepared.Cells.Count]);
    }

    private static TestOutcome Outcome(AssignmentTest test, List<GradingCell> cells, int index, CellRun? run, PreparedSubmission prepared, bool afterHiddenTests)
    {
        TestOutcome Make(TestStatus status, string message) =>
            new(test.GradeId, status == TestStatus.Passed ? test.Points : 0, test.Points, status, message, test.HasHiddenTests);

        if (prepared.Refused)
        {
            return Make(TestStatus.NotRun, prepared.RefusalReason);
        }

        if (test.Manual)
        {
            return Make(TestStatus.PendingManualGrade, PendingManualGradeMessage);
        }

        if (index < 0 || run is null)
        {
            return Make(TestStatus.NotRun, "the test cell did not run");
        }

        if (run.Status == CellStatus.Ok)
        {
            return Make(TestStatus.Passed, string.Empty);
        }

        var answer = cells.Take(index).LastOrDefault(c => c.Origin == CellOrigin.Answer);
        var error = run.Error;
        if (answer is { IsStub: true } || error?.Type == "System.NotImplementedException")
        {
            var which = answer is null ? "the exercise" : $"the answer cell '{answer.GradeId}'";
            return Make(TestStatus.NotAttempted, answer?.Note ?? $"{which} still holds the stub (throw new NotImplementedException())");
        }

        switch (run.Status)
        {
            case CellStatus.CompileError:
                var answerError = answer is null ? null : AnswerCompileError(answer, prepared);
                return Make(TestStatus.Failed, answerError is not null
                    ? $"your answer '{answer!.GradeId}' does not compile: {answerError}"
                    : error is not null && FailedInHiddenChecks(cells[index], error)
                        ? HiddenCompileMessage
                        : "the test does not compile against your code: " + CompileMessage(error));
            case CellStatus.NotRun:
                return Make(TestStatus.NotRun, run.NotRunReason ?? "not run");
            case CellStatus.RuntimeError when error is not null && !GraderErrors.Contains(error.Type)
                && (afterHiddenTests || FailedInHiddenChecks(cells[index], error)):
                return Make(TestStatus.Failed, GuardedMessage(RuntimeMessage(error), error, cells[index]));
            default:
                return Make(TestStatus.Failed, RuntimeMessage(error));
        }
    }

    private static string? AnswerCompileError(GradingCell answer, PreparedSubmission prepared)
    {
        var failure = prepared.Cells.FirstOrDefault(p => p.Cell.Index == answer.Index)?.CompileFailure;
        return failure?.Error is { } error ? CompileMessage(error) : null;
    }

    /// <summary>The compiler's first message, as "line 3: CS1002: ; expected".</summary>
    private static string CompileMessage(CellError? error)
    {
        if (error is null)
        {
            return "it did not compile";
        }

        // CellError.Message joins "(line,col): error ID: text" diagnostics; keep the first one, named by line.
        var first = error.Message.Split(" (", 2)[0];
        var close = first.IndexOf("): error ", StringComparison.Ordinal);
        if (first.StartsWith('(') && close > 0)
        {
            var position = first[1..close].Split(',')[0];
            return $"line {position}: {first[(close + "): error ".Length)..]}";
        }

        return first;
    }

    private static string RuntimeMessage(CellError? error)
    {
        if (error is null)
        {
            return "the test failed";
        }

        var type = error.Type;
        var shortType = type.Contains('.', StringComparison.Ordinal) ? type[(type.LastIndexOf('.') + 1)..] : type;
        var message = StripCellLine(error.Message);
        return type switch
        {
            "System.Exception" or "CollectiveSecurity.Exercises.CheckFailedException" => message,
            OutOfMemory => "ran out of memory: it passed the memory limit of the process running it (OutOfMemoryException)",
            _ when GraderReports.Contains(type) => message,
            _ => $"{shortType}: {message}",
        };
    }

    /// <summary>Drops the executor's " (line N of the cell)": in a test cell that line is the instructor's.</summary>
    private static string StripCellLine(string message)
    {
        var at = message.LastIndexOf(" (line ", StringComparison.Ordinal);
        return at > 0 && message.EndsWith(" of the cell)", StringComparison.Ordinal) ? message[..at] : message;
    }

    private static string Summarize(IReadOnlyList<TestOutcome> outcomes)
    {
        var passed = outcomes.Count(o => o.Status == TestStatus.Passed);
        var manual = outcomes.Where(o => o.Status == TestStatus.PendingManualGrade).ToList();
        var tests = outcomes.Count - manual.Count;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{passed} of {tests} tests passed.");
        return manual.Count == 0
            ? summary
            : summary + string.Create(
                CultureInfo.InvariantCulture,
                $" {manual.Count} {(manual.Count == 1 ? "answer waits" : "answers wait")} for manual grading ({Reports.Gradebook.Number(manual.Sum(m => m.MaxScore))} points).");
    }

    /// <summary>Said instead of an exception's message when a hidden check called the submission's code, or a test ran after one.</summary>
    public const string GuardedMessageNote =
        "its message is not shown: your code had been called with hidden checks' inputs, and its message could repeat them; `course check` shows the visible tests' messages in full";

    /// <summary>
    /// Said instead of the compiler's message when a test's hidden checks do not compile against the submission: the
    /// message quotes the hidden source (a name declared by the answer can make <c>PermanentMember.China</c> a
    /// missing member of a type of the student's, and the compiler would name 'China').
    /// </summary>
    public const string HiddenCompileMessage =
        "a hidden check does not compile against your code (the compiler's message is not shown: it would quote the hidden check); check that your answers keep the exercise's names and declare nothing the tests use";

    private const string OutOfMemory = "System.OutOfMemoryException";

    /// <summary>Error kinds whose message the grader itself writes (worker deaths, a stopped cell, a refused binding): shown as they are.</summary>
    private static readonly HashSet<string> GraderReports =
        [.. Enum.GetNames<Sandbox.WorkerDeathKind>(), "DependsOnStoppedCell", SubmissionCompiler.BindingRefusedError];

    /// <summary>Errors whose text is the grader's, not the submission's: never trimmed after hidden checks.</summary>
    private static readonly HashSet<string> GraderErrors =
        [.. GraderReports, CellError.CompilationError, CellError.TimeoutError, CellError.CancelledError, OutOfMemory];

    /// <summary>
    /// Whether a test cell failed inside its hidden checks: after the line of the marker that opens them, or at a line
    /// the runtime could not name in a cell that has hidden checks.
    /// </summary>
    private static bool FailedInHiddenChecks(GradingCell cell, CellError error)
    {
        if (cell.Source == cell.VisibleSource)
        {
            return false;
        }

        var lines = cell.Source.ReplaceLineEndings("\n").Split('\n');
        var marker = Array.FindIndex(lines, l => l.Contains(Release.Markers.BeginHiddenTests, StringComparison.Ordinal));
        return marker < 0 || error.Line is not { } line || line > marker;
    }

    /// <summary>
    /// A failure message that keeps only what the instructor wrote. A failed <c>Check</c> keeps its label and the
    /// expected value but not the submission's value (", got ..." and "unexpected ..."); graded code cannot call
    /// <c>Check</c> itself (the policy refuses it), so the rest is the test's own text. Any other exception keeps its
    /// message only when that message is written literally in the test cell; otherwise only its type is named, and only
    /// a framework or course-library type (a type the notebook declares has a name of the answer's choosing).
    /// </summary>
    private static string GuardedMessage(string message, CellError error, GradingCell cell)
    {
        if (error.Type == "CollectiveSecurity.Exercises.CheckFailedException")
        {
            var cut = message.Length;
            foreach (var studentPart in new[] { ", got ", ": unexpected ", "; unexpected " })
            {
                var at = message.IndexOf(studentPart, StringComparison.Ordinal);
                cut = at >= 0 ? Math.Min(cut, at) : cut;
            }

            return cut == message.Length ? message : message[..cut] + " (your code's value is not shown: your code had been called with hidden checks' inputs, and the value could repeat them; `course check` shows the visible tests' values)";
        }

        var text = StripCellLine(error.Message);
        if (text.Length > 0 && cell.Source.Contains("\"" + text + "\"", StringComparison.Ordinal))
        {
            return message;
        }

        // A notebook's own exception type is nested in its script class ("Submission#12+Leak") and its name is the
        // answer's to choose: one type per value (Decade1980, Decade2010, ...) would spell out the hidden inputs. Only a
        // framework or course-library type is named.
        if (!error.Type.StartsWith("System.", StringComparison.Ordinal) && !error.Type.StartsWith("CollectiveSecurity.", StringComparison.Ordinal))
        {
            return $"an exception of a type your notebook declares ({GuardedMessageNote})";
        }

        var type = error.Type[(error.Type.LastIndexOfAny(['.', '+']) + 1)..];
        return $"{type} ({GuardedMessageNote})";
    }

    /// <summary>Said in feedback instead of the output of a cell that ran after a test with hidden checks.</summary>
    public const string HiddenAfterTestsNote =
        "[output not shown: this cell ran after a test with hidden checks, and what it prints could repeat them]";

    private static GradedCell Feedback(GradingCell cell, CellRun? run, bool afterHiddenTests)
    {
        var kind = cell.IsCode || cell.Origin == CellOrigin.Test ? "code" : "markdown";
        if (cell.Origin == CellOrigin.Test || run is null)
        {
            // A test cell's outputs could show hidden checks: only its outcome is shown.
            return new GradedCell(kind, cell.Origin, cell.VisibleSource, cell.GradeId, [], null);
        }

        var texts = new List<string>();
        var left = MaxFeedbackOutputChars;
        foreach (var output in run.Outputs)
        {
            var text = output switch
            {
                StreamOutput s => s.Text,
                ExecuteResultOutput r => FeedbackText.Of(r.Data),
                DisplayDataOutput d => FeedbackText.Of(d.Data),
                _ => null,
            };
            if (string.IsNullOrEmpty(text) || left <= 0)
            {
                continue;
            }

            texts.Add(text.Length <= left ? text : text[..left] + "\n[output truncated]");
            left -= text.Length;
        }

        var error = run.Status switch
        {
            CellStatus.Ok => null,
            CellStatus.CompileError => "Does not compile: " + CompileMessage(run.Error),
            CellStatus.NotRun => run.NotRunReason,
            _ => run.Error is { } e ? $"{e.Type}: {e.Message}" : "failed",
        };
        if (afterHiddenTests && (texts.Count > 0 || error is not null))
        {
            return new GradedCell(kind, cell.Origin, cell.VisibleSource, cell.GradeId, [HiddenAfterTestsNote],
                error is null ? null : run.Status == CellStatus.CompileError ? error : "it failed (" + (run.Error?.Type ?? run.Status.ToString()) + ")");
        }

        return new GradedCell(kind, cell.Origin, cell.VisibleSource, cell.GradeId, texts, error);
    }
}
