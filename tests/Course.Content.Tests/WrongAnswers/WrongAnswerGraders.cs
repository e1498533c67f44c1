using System.Collections.Concurrent;
using Course.Content.Tests.Notebooks;
using Course.Grading.Assignments;
using Course.Grading.Batch;
using Course.Grading.Results;
using Course.Grading.Sandbox;
using Course.Notebooks;

namespace Course.Content.Tests.WrongAnswers;

/// <summary>
/// One grader per notebook, shared by every wrong answer to it: a <see cref="GradeBatch"/> over the instructor's
/// notebook with the grader's default worker options, so the Roslyn compiler (and its cache of the cells before an
/// answer) and the warm worker are reused. Each graft is graded with <see cref="GradeBatch.GradeOneAsync"/>, the same
/// pipeline <c>course grade</c> runs: restore instructor cells, compile and policy-check, run in a worker, score.
/// The worker options are the defaults apart from the time limits.
/// </summary>
public sealed class WrongAnswerGraders : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<(Assignment Assignment, GradeBatch Batch)>> _graders = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "course-wrong-answers", Guid.NewGuid().ToString("N")[..8]);
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>
    /// The grader's default worker, with roomier time limits: the notebooks' simulation cells take a few seconds on an
    /// idle machine, and a loaded CI runner must not turn a wrong answer's zero into a time-out that proves nothing.
    /// </summary>
    private static WorkerOptions Worker => new() { CellTimeLimit = TimeSpan.FromSeconds(90), SubmissionTimeLimit = TimeSpan.FromMinutes(15) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var grader in _graders.Values.Where(g => g.IsValueCreated))
        {
            await grader.Value.Batch.Runner.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private readonly ConcurrentDictionary<(string Notebook, int Round), Lazy<Task<SubmissionResult>>> _rounds = new();

    /// <summary>
    /// The graded result of round <paramref name="round"/> of <paramref name="notebook"/>: the instructor's notebook with
    /// the <paramref name="round"/>-th wrong answer of every exercise grafted in at once (exercises with fewer keep the
    /// instructor's solution), graded once and shared by every wrong answer of that round. Exercises are scored
    /// independently (each test cell calls only its own exercise's functions, which
    /// <see cref="WrongAnswerTests"/> checks), so one grading serves all of them.
    /// </summary>
    internal Task<SubmissionResult> RoundAsync(string notebook, int round) => _rounds.GetOrAdd((notebook, round), key => new(() =>
    {
        var submission = AssignmentOf(key.Notebook).Source.Clone();
        foreach (var wrong in WrongAnswerTable.Round(key.Notebook, key.Round))
        {
            submission = wrong.GraftInto(submission);
        }

        return GradeAsync(key.Notebook, $"round-{key.Round}", submission);
    })).Value;

    /// <summary>The instructor's notebook as grading loads it.</summary>
    internal Assignment AssignmentOf(string notebook) => Grader(notebook).Assignment;

    /// <summary>Grades <paramref name="submission"/> as a hand-in for <paramref name="notebook"/> under the name <paramref name="student"/>.</summary>
    internal async Task<SubmissionResult> GradeAsync(string notebook, string student, Notebook submission)
    {
        var (assignment, batch) = Grader(notebook);
        var folder = Path.Combine(_root, "submissions", student);
        Directory.CreateDirectory(folder);
        submission.Save(Path.Combine(folder, assignment.FileName));
        await _one.WaitAsync();
        try
        {
            return await batch.GradeOneAsync(student, assignment, folder, CancellationToken.None);
        }
        finally
        {
            _one.Release();
        }
    }

    private (Assignment Assignment, GradeBatch Batch) Grader(string notebook) => _graders.GetOrAdd(notebook, name => new(() =>
    {
        var assignment = Assignment.Load(CourseNotebooks.PathOf("source", name));
        var output = Path.Combine(_root, "out", name);
        Directory.CreateDirectory(output);
        var request = new GradeRequest([assignment], Path.Combine(_root, "submissions"), output, 1, Worker, CourseNotebooks.Course.CourseLibAssembly);
        return (assignment, new GradeBatch(request));
    })).Value;
}
