using System.Globalization;
using Course.Engine;
using Course.Grading.Assignments;
using Course.Grading.Pipeline;
using Course.Grading.Policy;
using Course.Grading.Reports;
using Course.Grading.Results;
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

    public GradeBatch(GradeRequest request, TimeProvider? time = null)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _time = time ?? TimeProvider.System;
        _store = new ResultStore(request.OutFolder);
        var libraryPath = request.CourseLibrary;
        var compilerOptions = new CellCompilerOptions
        {
            Name = "grading",
            BaseDirectory = Path.GetDirectoryName(request.Assignments[0].SourcePath)!,
            ReferencePolicy = reference => CourseLibraryOnly(reference, libraryPath),
            AllowLoad = false,
        };
        _compiler = new SubmissionCompiler(new CellCompiler(compilerOptions), new SubmissionPolicy([CourseDirectory.CourseLibReference]));
        _runner = new SubmissionRunner(request.Worker, warmWorkers: Math.Max(1, request.Jobs));
    }

    /// <summary>The shared compiler (its cache counters are shown by the benchmark).</summary>
    public SubmissionCompiler Compiler => _compiler;

    /// <summary>The shared runner (its worker counter is shown by the benchmark).</summary>
    public SubmissionRunner Runner => _runner;

    public async Task<GradeSummary> RunAsync(IGradeProgress? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var students = Directory.GetDirectories(_request.SubmissionsFolder)
            .Select(Path.GetFileName)
            .Where(name => !string.IsNullOrEmpty(name) && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var jobs = students.SelectMany(s => _request.Assignments.Select(a => (Student: s!, Assignment: a))).ToList();
        progress?.Started(jobs.Count);
        var results = new SubmissionResult[jobs.Count];
        var reused = 0;
        var settings = Settings();
        try
        {
            await GradeAllAsync(jobs, results, settings, progress, () => Interlocked.Increment(ref reused), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _runner.DisposeAsync().ConfigureAwait(false);
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
                var folder = Path.Combine(_request.SubmissionsFolder, student);
                var file = SubmissionReader.Locate(folder, assignment.FileName);
                var bytes = file is not null ? await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false) : [];
                var key = ResultStore.KeyOf(bytes, assignment.SourceText, settings + "\0" + (file is not null ? "file:" + Path.GetRelativePath(folder, file) : "missing"));
                var result = _store.TryLoad(student, assignment.Name, key);
                var wasReused = result is not null;
                if (result is null)
                {
                    result = await GradeOneAsync(student, assignment, folder, ct).ConfigureAwait(false);
                    _store.Save(result, key);
                }
                else
                {
                    countReused();
                }

                results[index] = result;
                progress?.Finished(result, wasReused);
            }).ConfigureAwait(false);
    }

    /// <summary>One submission through the whole pipeline.</summary>
    public async Task<SubmissionResult> GradeOneAsync(string student, Assignment assignment, string studentFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var read = SubmissionReader.Read(studentFolder, assignment.FileName);
        if (read.Notebook is null)
        {
            return Scorer.Unreadable(student, assignment, read.Problem!, read.Missing);
        }

        var cells = InstructorCellRestorer.Restore(assignment, read.Notebook);
        var prepared = _compiler.Prepare(cells, cancellationToken);
        if (prepared.Refused)
        {
            return Scorer.Refused(student, assignment, prepared);
        }

        var runs = await _runner.RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        return Scorer.Score(student, assignment, prepared, runs);
    }

    private string Settings() => string.Create(
        CultureInfo.InvariantCulture,
        $"cell={_request.Worker.CellTimeLimit.TotalMilliseconds};submission={_request.Worker.SubmissionTimeLimit.TotalMilliseconds};memory={_request.Worker.MemoryLimitBytes}");

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
