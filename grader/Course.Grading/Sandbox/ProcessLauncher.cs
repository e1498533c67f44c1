using System.Collections.Concurrent;
using System.Diagnostics;

namespace Course.Grading.Sandbox;

/// <summary>
/// Starts worker processes from one long-lived thread. bubblewrap's <c>--die-with-parent</c> uses the
/// kernel's parent-death signal, which fires when the <em>thread</em> that forked the process ends, not
/// the process: a worker forked from a thread-pool thread was killed (SIGKILL) whenever the pool retired
/// that thread. Forking from a thread that lives as long as the grader ties the worker to the grader itself.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = [];

    private static readonly Lazy<Thread> Launcher = new(() =>
    {
        var thread = new Thread(() =>
        {
            foreach (var (start, started) in Requests.GetConsumingEnumerable())
            {
                try
                {
                    started.SetResult(Process.Start(start) ?? throw new InvalidOperationException("the grading worker did not start"));
                }
                catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
                {
                    started.SetException(ex);
                }
            }
        })
        {
            IsBackground = true,
            Name = "course worker launcher",
        };
        thread.Start();
        return thread;
    });

    /// <summary>Starts <paramref name="start"/> from the launcher thread.</summary>
    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        _ = Launcher.Value;
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, started));
        return started.Task;
    }
}
