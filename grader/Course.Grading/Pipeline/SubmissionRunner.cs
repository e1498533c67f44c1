using System.Diagnostics;
using System.Globalization;
using Course.Engine.Runtime;
using Course.Grading.Sandbox;

namespace Course.Grading.Pipeline;

/// <summary>
/// Step 5: runs a prepared submission in its own worker process: in the operating-system sandbox
/// (<see cref="Bubblewrap"/>, with a private tmpfs that vanishes with it) by default, else in a fresh
/// working folder that is deleted afterwards. Cells run in order; a cell that overruns its time, overflows the stack, exhausts
/// memory or ends its process costs only itself: the worker is replaced, the earlier cells are replayed
/// into the new one, the culprit is marked failed with the reason, and the next cells run. When the
/// submission's own time is used up, the remaining cells are marked not run.
/// </summary>
/// <remarks>
/// To hide process start-up, the runner keeps up to <c>warmWorkers</c> workers started ahead (sandboxed
/// like any other), each in its own new folder; a submission takes one (never shared: one worker, one folder, one submission),
/// and another is started in the background for the next.
/// </remarks>
public sealed class SubmissionRunner(WorkerOptions options, int warmWorkers = 0) : IAsyncDisposable
{
    private readonly WorkerOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly System.Collections.Concurrent.ConcurrentQueue<Task<(WorkerProcess Worker, string? Folder)>> _warm = new();
    private bool _disposed;

    /// <summary>Workers started (first ones and replacements), for the benchmark and tests.</summary>
    public int WorkersStarted => _workersStarted;

    private int _workersStarted;

    /// <summary>One run per prepared cell (null for markdown cells), in order.</summary>
    public async Task<IReadOnlyList<CellRun?>> RunAsync(PreparedSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var runs = new CellRun?[submission.Cells.Count];
        var clock = Stopwatch.StartNew();
        var (first, folder) = await TakeWorkerAsync(cancellationToken).ConfigureAwait(false);
        WorkerProcess? worker = first;
        var ranInWorker = new List<(CompiledCell Cell, int Count)>();
        try
        {
            var executionCount = 0;
            string? abandoned = null;
            var stopped = new Dictionary<int, string>();
            for (var i = 0; i < submission.Cells.Count; i++)
            {
                var prepared = submission.Cells[i];
                if (!prepared.Cell.IsCode)
                {
                    continue;
                }

                executionCount++;
                if (prepared.CompileFailure is { } failure)
                {
                    runs[i] = failure;
                    continue;
                }

                if (abandoned is not null)
                {
                    runs[i] = CellRun.NotRun(abandoned);
                    continue;
                }

                if (prepared.DependsOn?.FirstOrDefault(stopped.ContainsKey, -1) is { } culprit and >= 0)
                {
                    var name = submission.Cells[culprit].Cell.Name;
                    var dependency = new CellError("DependsOnStoppedCell", $"it uses what {name} declares, and {name} was stopped ({stopped[culprit]})", null);
                    runs[i] = new CellRun(CellStatus.RuntimeError, [dependency.ToOutput()], dependency, TimeSpan.Zero);
                    continue;
                }

                var compiled = prepared.Compiled!;
                var left = _options.SubmissionTimeLimit - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    runs[i] = CellRun.NotRun($"not run: the submission used up its time limit of {Seconds(_options.SubmissionTimeLimit)}");
                    continue;
                }

                if (worker is null)
                {
                    worker = await StartAsync(folder, cancellationToken).ConfigureAwait(false);
                    var replay = await ReplayAsync(worker, ranInWorker, clock, cancellationToken).ConfigureAwait(false);
                    if (replay is not null)
                    {
                        await worker.DisposeAsync().ConfigureAwait(false);
                        worker = null;
                        abandoned = "not run: " + replay;
                        runs[i] = CellRun.NotRun(abandoned);
                        continue;
                    }

                    left = _options.SubmissionTimeLimit - clock.Elapsed;
                }

                var limit = left < _options.CellTimeLimit ? left : _options.CellTimeLimit;
                var (run, death) = await worker.RunAsync(compiled, executionCount, limit, cancellationToken).ConfigureAwait(false);
                if (run is not null)
                {
                    runs[i] = run;
                    ranInWorker.Add((compiled, executionCount));
                    continue;
                }

                var overall = death!.Kind == WorkerDeathKind.TimedOut && limit < _options.CellTimeLimit
                    ? $"timed out: the submission used up its time limit of {Seconds(_options.SubmissionTimeLimit)} during this cell"
                    : death.Reason;
                stopped[i] = overall;
                var status = death.Kind == WorkerDeathKind.TimedOut ? CellStatus.TimedOut : CellStatus.RuntimeError;
                var error = new CellError(death.Kind.ToString(), overall, null);
                runs[i] = new CellRun(status, [error.ToOutput()], error, TimeSpan.Zero);
                await worker.DisposeAsync().ConfigureAwait(false);
                worker = null; // the next cell starts a new worker and replays ranInWorker first
            }
        }
        finally
        {
            if (worker is not null)
            {
                await worker.DisposeAsync().ConfigureAwait(false);
            }

            TryDelete(folder);
        }

        return runs;
    }

    /// <summary>Time spent starting workers, summed over all threads.</summary>
    public TimeSpan StartTime => TimeSpan.FromTicks(Interlocked.Read(ref _startTicks));

    private long _startTicks;

    /// <summary>A started worker in a new folder of its own: one started ahead when there is one.</summary>
    private async Task<(WorkerProcess Worker, string? Folder)> TakeWorkerAsync(CancellationToken cancellationToken)
    {
        Task<(WorkerProcess, string?)>? ready = null;
        if (warmWorkers > 0)
        {
            _ = _warm.TryDequeue(out ready);
            while (_warm.Count < warmWorkers && !_disposed)
            {
                _warm.Enqueue(StartInNewFolderAsync(CancellationToken.None));
            }
        }

        return await (ready ?? StartInNewFolderAsync(cancellationToken)).ConfigureAwait(false);
    }

    private async Task<(WorkerProcess, string?)> StartInNewFolderAsync(CancellationToken cancellationToken)
    {
        string? folder = null;
        if (!_options.Sandboxed)
        {
            folder = Path.Combine(_options.WorkRoot, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
        }

        return (await StartAsync(folder, cancellationToken).ConfigureAwait(false), folder);
    }

    /// <summary>Stops the workers started ahead and removes their folders.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_warm.TryDequeue(out var pending))
        {
            try
            {
                var (worker, folder) = await pending.ConfigureAwait(false);
                await worker.DisposeAsync().ConfigureAwait(false);
                TryDelete(folder);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // A worker that failed to start has nothing to stop.
            }
        }
    }

    private async Task<WorkerProcess> StartAsync(string? folder, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _workersStarted);
        var started = Stopwatch.GetTimestamp();
        var worker = await WorkerProcess.StartAsync(_options, folder, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _startTicks, Stopwatch.GetElapsedTime(started).Ticks);
        return worker;
    }

    /// <summary>Replays the cells that ran in the previous worker; null when done, else why it failed.</summary>
    private async Task<string?> ReplayAsync(WorkerProcess worker, List<(CompiledCell Cell, int Count)> cells, Stopwatch clock, CancellationToken cancellationToken)
    {
        foreach (var (cell, count) in cells)
        {
            var left = _options.SubmissionTimeLimit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return $"the submission used up its time limit of {Seconds(_options.SubmissionTimeLimit)} while replaying earlier cells after a crash";
            }

            var (_, death) = await worker.RunAsync(cell, count, left < _options.CellTimeLimit ? left : _options.CellTimeLimit, cancellationToken).ConfigureAwait(false);
            if (death is not null)
            {
                return "replaying the earlier cells after a crash failed: " + death.Reason;
            }
        }

        return null;
    }

    private static void TryDelete(string? folder)
    {
        if (folder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next run uses a new one.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
