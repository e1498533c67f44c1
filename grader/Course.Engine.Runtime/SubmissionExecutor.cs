using System.Diagnostics;
using System.Reflection;
using Course.Notebooks;

namespace Course.Engine.Runtime;

/// <summary>
/// Runs compiled cells one after another, sharing state, as Roslyn's script execution does: an array
/// of submission objects (slot 0 the globals) that each submission's factory fills in and reads from.
/// One executor per notebook. It needs no compiler, so it also runs cells compiled in another process.
/// A cell that outlives its time limit cannot be stopped in process: it is reported as
/// <see cref="CellStatus.TimedOut"/>, its outputs are cut off, and the executor refuses further cells.
/// Cells run under a <see cref="CellSynchronizationContext"/>: an exception escaping an <c>async void</c>
/// method becomes the error of the running cell, or of the next cell if its own cell had ended, instead
/// of ending the process.
/// </summary>
public sealed class SubmissionExecutor : IDisposable
{
    private readonly SubmissionLoadContext _context;
    private readonly CellSynchronizationContext _synchronization = new();
    private int _runs;
    private object?[] _states = new object?[16];
    private bool _disposed;

    public SubmissionExecutor(string name = "notebook", CellGlobals? globals = null)
    {
        CellContext.InstallConsoleRouting();
        _context = new SubmissionLoadContext("course-cells:" + name);
        Globals = globals ?? new CellGlobals();
        _states[0] = Globals;
    }

    /// <summary>The globals object every cell sees (slot 0).</summary>
    public CellGlobals Globals { get; }

    /// <summary>Sees each cell's outputs as they happen (a live front end); null for none.</summary>
    public ICellOutputObserver? Observer { get; set; }

    /// <summary>Why this executor stopped taking cells (a cell timed out or was cancelled), or null.</summary>
    public string? AbandonedBecause { get; private set; }

    /// <summary>
    /// Runs one compiled cell. <paramref name="timeLimit"/> bounds its wall time (infinite when null);
    /// <paramref name="executionCount"/> goes into its <c>execute_result</c>.
    /// </summary>
    public async Task<CellRun> RunAsync(CompiledCell cell, TimeSpan? timeLimit = null, int? executionCount = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (AbandonedBecause is { } reason)
        {
            return CellRun.NotRun(reason);
        }

        _context.AddReferences(cell.References);
        if (cell.IsEmpty)
        {
            return new CellRun(CellStatus.Ok, [], null, TimeSpan.Zero);
        }

        var assembly = _context.LoadSubmission(cell);
        var factory = assembly.GetType(cell.FactoryTypeName, throwOnError: true)!
            .GetMethod(cell.FactoryMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
            .CreateDelegate<Func<object?[], Task<object?>>>();
        EnsureCapacity(cell.Slot);

        var sink = new CellOutputSink { Observer = Observer };
        var states = _states;
        var clock = Stopwatch.StartNew();
        var earlier = _synchronization.TakeEscaped();
        var runNumber = ++_runs;
        var run = StartOnOwnThread(factory, states, cell.DisplaysValue, sink, _synchronization, runNumber);
        try
        {
            var bundle = await run.WaitAsync(timeLimit ?? Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            if (earlier.Concat(_synchronization.TakeEscaped()).FirstOrDefault() is { } escaped)
            {
                var error = ExceptionErrors.Describe(escaped.Exception, assembly);
                var started = escaped.Run == runNumber ? "this cell" : "an earlier cell";
                error = error with { Message = $"{error.Message} (thrown by an async void method that {started} started)" };
                return Failed(CellStatus.RuntimeError, sink, error, clock.Elapsed, ExceptionErrors.Traceback(escaped.Exception, assembly));
            }

            if (bundle is not null)
            {
                sink.Add(new ExecuteResultOutput(executionCount, bundle));
            }

            return new CellRun(CellStatus.Ok, sink.Close(), null, clock.Elapsed);
        }
        catch (TimeoutException) when (!run.IsCompleted)
        {
            var limit = timeLimit!.Value;
            AbandonedBecause = $"an earlier cell did not finish within its time limit ({Seconds(limit)})";
            var error = new CellError(CellError.TimeoutError, $"the cell did not finish within its time limit of {Seconds(limit)}; it was abandoned and the rest of the notebook was not run", null);
            return Failed(CellStatus.TimedOut, sink, error, clock.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !run.IsCompleted)
        {
            AbandonedBecause = "the run was cancelled";
            return Failed(CellStatus.Cancelled, sink, new CellError(CellError.CancelledError, "the run was cancelled while this cell was running", null), clock.Elapsed);
        }
        catch (Exception ex)
        {
            return Failed(CellStatus.RuntimeError, sink, ExceptionErrors.Describe(ex, assembly), clock.Elapsed, ExceptionErrors.Traceback(ex, assembly));
        }
    }

    /// <summary>Unloads the notebook's assemblies (once nothing refers to them any more).</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _states = [];
            _context.Unload();
        }
    }

    private static CellRun Failed(CellStatus status, CellOutputSink sink, CellError error, TimeSpan elapsed, IReadOnlyList<string>? traceback = null)
    {
        var outputs = sink.Close();
        return new CellRun(status, [.. outputs, error.ToOutput(traceback)], error, elapsed);
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Starts the cell on a thread of its own (a background thread): a cell that never ends then holds
    /// that thread, not one of the thread pool's few (two on a two-core machine), so the rest of the
    /// process keeps its speed. Code after the cell's first <c>await</c> continues on the pool, as usual.
    /// </summary>
    private static Task<IReadOnlyDictionary<string, string>?> StartOnOwnThread(Func<object?[], Task<object?>> factory, object?[] states, bool displaysValue, CellOutputSink sink, SynchronizationContext synchronization, int runNumber)
    {
        var completion = new TaskCompletionSource<IReadOnlyDictionary<string, string>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            // Set on the cell's own flow, so the cell (and anything it starts) writes to this sink, and the caller is untouched.
            CellContext.Current = sink;
            SynchronizationContext.SetSynchronizationContext(synchronization);
            CellSynchronizationContext.EnterRun(runNumber);
            Task<IReadOnlyDictionary<string, string>?> cellTask;
            try
            {
                cellTask = RunCellAsync(factory, states, displaysValue);
            }
            catch (Exception ex)
            {
                completion.TrySetException(ex);
                return;
            }

            cellTask.ContinueWith(
                task =>
                {
                    if (task.IsFaulted)
                    {
                        completion.TrySetException(task.Exception!.InnerExceptions);
                    }
                    else if (task.IsCanceled)
                    {
                        completion.TrySetCanceled();
                    }
                    else
                    {
                        completion.TrySetResult(task.Result);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        })
        {
            IsBackground = true,
            Name = "course notebook cell",
        };
        thread.Start();
        return completion.Task;
    }

    private static async Task<IReadOnlyDictionary<string, string>?> RunCellAsync(Func<object?[], Task<object?>> factory, object?[] states, bool displaysValue)
    {
        var value = await factory(states).ConfigureAwait(false);
        return displaysValue && value is not DisplayedValue ? ValueFormatter.Format(value) : null;
    }

    // Like Roslyn's ScriptExecutionState: grow the array, keeping the submissions already in it.
    private void EnsureCapacity(int slot)
    {
        if (slot >= _states.Length)
        {
            Array.Resize(ref _states, Math.Max(slot + 1, _states.Length * 2));
        }
    }
}
