using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Course.Engine.Runtime;

/// <summary>
/// The synchronization context notebook code runs under, as .NET Interactive gives its submissions one.
/// Work is run on the thread pool, as without a context; what changes is where an exception escaping an
/// <c>async void</c> method goes. Such a method reports its exception to the context it started under;
/// with none, the runtime rethrows it on a pool thread and the whole process dies (every other notebook
/// of a <c>course run</c> with it). Here it is caught and queued, and the executor makes it the error of
/// the cell that is running, or of the next cell when the cell that started it has already ended.
/// </summary>
internal sealed class CellSynchronizationContext : SynchronizationContext
{
    // The run (cell) that code on this flow belongs to; an async void method's continuations inherit it.
    private static readonly AsyncLocal<int> RunOfFlow = new();

    private readonly ConcurrentQueue<Escaped> _escaped = new();

    /// <summary>Marks the current flow (a cell's thread, before the cell starts) as run number <paramref name="run"/>.</summary>
    public static void EnterRun(int run) => RunOfFlow.Value = run;

    /// <summary>Takes the exceptions that escaped <c>async void</c> methods since the last call, each with the run that started its method.</summary>
    public IReadOnlyList<Escaped> TakeEscaped()
    {
        var taken = new List<Escaped>();
        while (_escaped.TryDequeue(out var exception))
        {
            taken.Add(exception);
        }

        return taken;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        var run = RunOfFlow.Value;
        if (state is ExceptionDispatchInfo failed)
        {
            // How the runtime hands over an async void method's exception (a callback that rethrows it):
            // kept at once, so it belongs to the cell that is running when the method fails.
            _escaped.Enqueue(new Escaped(failed.SourceException, run));
            return;
        }

        ThreadPool.QueueUserWorkItem(_ => Run(d, state, run), null);
    }

    public override void Send(SendOrPostCallback d, object? state) => Run(d, state, RunOfFlow.Value);

    public override SynchronizationContext CreateCopy() => this;

    private void Run(SendOrPostCallback callback, object? state, int run)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            callback(state);
        }
#pragma warning disable CA1031 // An exception thrown here would end the process: it is kept for the cell instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _escaped.Enqueue(new Escaped(ex, run));
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>An exception that escaped an <c>async void</c> method started by run number <paramref name="Run"/>.</summary>
    public sealed record Escaped(Exception Exception, int Run);
}
