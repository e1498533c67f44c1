using System.Globalization;
using Course.Engine;
using Course.Grading.Assignments;
using Course.Grading.Pipeline;
using Course.Grading.Policy;
using Course.Grading.Reports;
using Course.Grading.Results;
using Course.Grading.Sandbox;
using Course.Notebooks;

namespace Course.Grading.Batch;

/// <summary>
/// <c>course grade</c>: grades every <c>&lt;submissions&gt;/&lt;student&gt;/&lt;assignment&gt;.ipynb</c>, at most
/// <see cref="GradeRequest.Jobs"/> at once, each through the pipeline read → restore instructor cells →
/// compile and policy-check (warm Roslyn in this process) → run in its own worker → score → write.
/// Finished grades are kept (see <see cref="ResultStore"/>); the gradebook is written last, atomically.
/// Every submission gets a row, whatever it holds; one submission never affects another.
/// </summary>
public sealed class GradeBatch
{
    private readonly GradeRequest _request;
    private readonly TimeProvider _time;
    private readonly SubmissionCompiler _compiler;
    private readonly SubmissionRunner _runner;
    private readonly ResultStore _store;

    // What each assignment's instructor cells bind to: restored and looked up once per assignment, not per submission.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Assignment, BindingReference> _references = new();

    public GradeBatch(GradeRequest request, TimeProvider? time = null)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _time = time ?? TimeProvider.System;
        _store = new ResultStore(request.OutFolder, workersSandboxed: request.Worker.Sandboxed);
        var libraryPath = request.CourseLibrary;
        var compilerOptions = new CellCompilerOptions
        {
            Name = "grading",
            BaseDirectory = Path.GetDirectoryName(request.Assignments[0].SourcePath)!,
            ReferencePolicy = reference => CourseLibraryOnly(reference, libraryPath),
            AllowLoad = false,
        };
        _compiler = new SubmissionCompiler(new CellCompiler(compilerOptions), new SubmissionPolicy([CourseDirectory.CourseLibReference]));
        _runner = new SubmissionRunner(request.Worker.SharingFolderOf(libraryPath), warmWorkers: Math.Max(1, request.Jobs));
    }

    /// <summary>The shared compiler (its cache counters are shown by the benchmark).</summary>
    public SubmissionCompiler Compiler => _compiler;

    /// <summary>The shared runner (its worker counter is shown by the benchmark).</summary>
    public SubmissionRunner Runner => _runner;

    public async Task<GradeSummary> RunAsync(IGradeProgress? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var students = StudentFolders(_request.SubmissionsFolder);
        var jobs = students.SelectMany(s => _request.Assignments.Select(a => (Student: s!, Assignment: a))).ToList();
        progress?.Started(jobs.Count);
        var results = new SubmissionResult[jobs.Count];
        var reused = 0;
        var settings = Settings();
        if (!_store.ReusesRecords)
        {
            _store.Forget();
        }

        try
        {
            await GradeAllAsync(jobs, results, settings, progress, () => Interlocked.Increment(ref reused), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _runner.DisposeAsync().ConfigureAwait(false);
            if (!_store.ReusesRecords)
            {
                _store.Forget();
            }
        }

        var gradebook = Path.Combine(_store.OutFolder, "gradebook.csv");
        AtomicFile.WriteAllText(gradebook, Gradebook.ToCsv(
            [.. _request.Assignments.Select(a => (a.Name, (IReadOnlyList<string>)[.. a.Tests.Select(t => t.GradeId)]))],
            results));
        return new GradeSummary(
            results.Length - reused,
            reused,
            results.Count(r => !r.Ran),
            _time.GetElapsedTime(started),
            gradebook);
    }

    private async Task GradeAllAsync(
        List<(string Student, Assignment Assignment)> jobs,
        SubmissionResult[] results,
        string settings,
        IGradeProgress? progress,
        Action countReused,
        CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _request.Jobs), CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var (student, assignment) = jobs[index];
                var (result, wasReused) = await GradeOrReuseAsync(student, assignment, settings, cancellationToken, ct).ConfigureAwait(false);
                if (wasReused)
                {
                    countReused();
                }

                results[index] = result;
                progress?.Finished(result, wasReused);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// One job, never failing for the batch: whatever the submission makes any step throw (the reader,
    /// the restorer, the compiler, the runner, the scorer, the reports) becomes that student's row with
    /// the reason; only cancelling the whole batch stops it. A row saying the grader failed is not kept
    /// for reuse, so a rerun tries again.
    /// </summary>
    private async Task<(SubmissionResult Result, bool Reused)> GradeOrReuseAsync(
        string student, Assignment assignment, string settings, CancellationToken batch, CancellationToken ct)
    {
        string? key = null;
        try
        {
            if (StudentIdProblem(student) is { } problem)
            {
                return (Scorer.Unreadable(student, assignment, problem), false);
            }

            var read = SubmissionReader.Read(Path.Combine(_request.SubmissionsFolder, student), assignment.FileName);
            key = ResultStore.KeyOf(read.Bytes, assignment.SourceText, settings + "\0" + (read.Problem ?? "read"));
            if (_store.TryLoad(student, assignment.Name, key) is { } reused)
            {
                return (reused, true);
            }

            var result = WorkerOptions.MarkUnsandboxed(await GradeOneAsync(student, assignment, read, ct).ConfigureAwait(false), _request.Worker);
            _store.Save(result, key);
            return (result, false);
        }
        catch (Exception ex) when (!batch.IsCancellationRequested)
        {
            var failed = WorkerOptions.MarkUnsandboxed(Scorer.Unreadable(student, assignment, GraderFailure(ex)), _request.Worker);
            try
            {
                _store.Save(failed, key ?? string.Empty, reusable: false);
            }
            catch (Exception writeError) when (writeError is IOException or UnauthorizedAccessException)
            {
                // The row still goes into the gradebook; only this student's files could not be written.
            }

            return (failed, false);
        }
    }

    /// <summary>One submission through the whole pipeline.</summary>
    public Task<SubmissionResult> GradeOneAsync(string student, Assignment assignment, string studentFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return GradeOneAsync(student, assignment, SubmissionReader.Read(studentFolder, assignment.FileName), cancellationToken);
    }

    private async Task<SubmissionResult> GradeOneAsync(string student, Assignment assignment, SubmissionRead read, CancellationToken cancellationToken)
    {
        if (read.Notebook is null)
        {
            return Scorer.Unreadable(student, assignment, read.Problem!, read.Missing);
        }

        var cells = InstructorCellRestorer.Restore(assignment, read.Notebook);
        var reference = _references.GetOrAdd(assignment, a => _compiler.ReferenceFor(InstructorCellRestorer.Restore(a, a.Source), cancellationToken));
        var prepared = _compiler.Prepare(cells, reference, cancellationToken);
        if (prepared.Refused)
        {
            return Scorer.Refused(student, assignment, prepared);
        }

        var runs = await _runner.RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        return Scorer.Score(student, assignment, prepared, runs);
    }

    /// <summary>
    /// Every folder of the submissions folder is a student (hidden ones, such as <c>.git</c>, excepted), in
    /// ordinal order. Symbolic links to folders are listed too, so that they get a row saying they are
    /// refused rather than silently nothing; plain files at the top are not students.
    /// </summary>
    public static IReadOnlyList<string> StudentFolders(string submissionsFolder) =>
        [.. new DirectoryInfo(submissionsFolder)
            .EnumerateFileSystemInfos()
            .Where(entry => entry is DirectoryInfo || entry.LinkTarget is not null)
            .Select(entry => entry.Name)
            .Where(name => name.Length > 0 && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)];

    // Names that cannot be a student's output folder, or that the file system could not give us faithfully.
    private static string? StudentIdProblem(string student)
    {
        if (string.Equals(student, "gradebook.csv", StringComparison.OrdinalIgnoreCase))
        {
            return "the folder's name is reserved for the grader's own gradebook.csv; rename the folder";
        }

        return student.Contains('\uFFFD', StringComparison.Ordinal)
            ? "the folder's name is not valid UTF-8; rename the folder"
            : null;
    }

    // One line, no stack trace and none of the grader's folders: the kind of failure and its first words.
    private string GraderFailure(Exception ex)
    {
        var message = ex.Message.ReplaceLineEndings(" ")
            .Replace(_request.SubmissionsFolder, "<submissions>", StringComparison.Ordinal)
            .Replace(_store.OutFolder, "<out>", StringComparison.Ordinal);
        if (message.Length > 200)
        {
            message = message[..200] + "...";
        }

        return $"the grader failed on this submission ({ex.GetType().Name}: {message}); it was not graded, and a rerun will try again";
    }

    private string Settings() => string.Create(
        CultureInfo.InvariantCulture,
        $"cell={_request.Worker.CellTimeLimit.TotalMilliseconds};submission={_request.Worker.SubmissionTimeLimit.TotalMilliseconds};memory={_request.Worker.MemoryLimitBytes};sandbox={_request.Worker.Sandboxed}");

    /// <summary>
    /// At grading, the only reference allowed is the course library, whatever relative path the
    /// notebook uses for it: it is redirected to the course's built library.
    /// </summary>
    private static ReferenceDecision CourseLibraryOnly(ReferenceRequest request, string? library)
    {
        var name = request.Reference.Replace('\\', '/');
        if (name.EndsWith("/" + CourseDirectory.CourseLibFileName, StringComparison.Ordinal) || name == CourseDirectory.CourseLibFileName)
        {
            return library is not null && File.Exists(library)
                ? ReferenceDecision.Allow(library)
                : ReferenceDecision.Refuse("the course library is not built (run dotnet build first)");
        }

        return ReferenceDecision.Refuse("only the course library may be referenced in a graded notebook");
    }
}
