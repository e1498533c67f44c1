using System.Diagnostics;
using System.Globalization;
using System.Text;
using Course.Engine.Runtime;
using Course.Worker.Protocol;

namespace Course.Grading.Sandbox;

/// <summary>
/// One grading worker process (grader/Course.Worker) and the grader's end of its private channel.
/// It is started in the bubblewrap sandbox (<see cref="Bubblewrap"/>; or, with <c>--no-sandbox</c>, in a
/// fresh working folder) in its own cgroup where available (<see cref="WorkerCgroup"/>), with a scrubbed
/// environment (only what the runtime needs, HOME and TMPDIR in its private folder, diagnostics off) and a
/// hard heap limit; the grader kills its whole process tree when a cell overruns its time, the tree's
/// resident memory passes the cap, or it writes anything that is not a frame with this run's nonce.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const int MaxStderrChars = 8192;

    /// <summary>
    /// The largest reply accepted from a worker: an honest one carries at most
    /// <see cref="WorkerMessages.MaxReplyTextChars"/> characters of output (at most 6 bytes each once
    /// JSON-escaped) and a short error.
    /// </summary>
    public const int MaxReplyBytes = 4 * 1024 * 1024;

    private readonly Process _process;
    private readonly FrameChannel _channel;
    private readonly WorkerOptions _options;
    private readonly StringBuilder _stderr;
    private readonly Task _stderrPump;
    private readonly WorkerCgroup? _cgroup;

    private WorkerProcess(Process process, FrameChannel channel, WorkerOptions options, StringBuilder stderr, Task stderrPump, WorkerCgroup? cgroup)
    {
        _cgroup = cgroup;
        _process = process;
        _channel = channel;
        _options = options;
        _stderr = stderr;
        _stderrPump = stderrPump;
    }

    /// <summary>The worker's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the worker has exited or been killed.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a worker: in the bubblewrap sandbox (<see cref="WorkerOptions.Sandboxed"/>: its private tmpfs is its
    /// working folder, and <paramref name="workingFolder"/> is not used), else as an ordinary process whose
    /// current directory is <paramref name="workingFolder"/>. Either way in its own cgroup where the machine
    /// offers one (<see cref="WorkerCgroup"/>), with the frame channel on inherited pipe descriptors 3 and 4
    /// and its stdin and stdout on /dev/null (Linux and macOS).
    /// </summary>
    public static async Task<WorkerProcess> StartAsync(WorkerOptions options, string? workingFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.WorkerAssembly))
        {
            throw new FileNotFoundException($"the grading worker is missing: {options.WorkerAssembly}", options.WorkerAssembly);
        }

        var home = options.Sandboxed ? Bubblewrap.WorkFolder : workingFolder ?? throw new ArgumentNullException(nameof(workingFolder));
        var tmp = home + "/.tmp";
        if (!options.Sandboxed)
        {
            Directory.CreateDirectory(tmp);
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["TMPDIR"] = tmp,
            ["TMP"] = tmp,
            ["TEMP"] = tmp,
            ["DOTNET_ROOT"] = options.Sandboxed ? Bubblewrap.DotnetRoot(options) : Path.GetDirectoryName(options.DotnetHost) ?? string.Empty,
            ["DOTNET_GCHeapHardLimit"] = "0x" + options.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_GCHeapCount"] = "1",
            ["DOTNET_EnableDiagnostics"] = "0",
            ["DOTNET_DbgEnableMiniDump"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_TieredPGO"] = "0",
            ["DOTNET_TC_CallCounting"] = "0",
            ["DOTNET_TC_QuickJitForLoops"] = "1",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
        };

        var unix = !OperatingSystem.IsWindows();
        IReadOnlyList<string> worker = options.Sandboxed
            ? [Path.Combine(Bubblewrap.DotnetRoot(options), "dotnet"), Bubblewrap.WorkerFolder + "/" + Path.GetFileName(options.WorkerAssembly), "--channel", "3", "4"]
            : unix ? [options.DotnetHost, options.WorkerAssembly, "--channel", "3", "4"] : [options.DotnetHost, options.WorkerAssembly];
        var command = options.Sandboxed ? Bubblewrap.CommandLine(options, environment, worker) : worker;
        var cgroup = unix ? WorkerCgroup.TryCreate(options.ProcessMemoryLimitBytes, options.ProcessLimit) : null;
        var start = new ProcessStartInfo(unix ? "/bin/sh" : command[0])
        {
            WorkingDirectory = options.Sandboxed ? Path.GetTempPath() : workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        if (unix)
        {
            // The shell joins the worker's cgroup before anything else runs (so everything the worker
            // starts is in it), then moves the grader's pipes to descriptors 3 and 4 and replaces itself.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("""for f in "$1" "$2"; do if [ -n "$f" ]; then echo $$ > "$f" || exit 125; fi; done; shift 2; exec "$@" 3<&0 4>&1 0</dev/null 1>/dev/null""");
            start.ArgumentList.Add("course-worker");
            start.ArgumentList.Add(cgroup?.ProcsFiles.ElementAtOrDefault(0) ?? string.Empty);
            start.ArgumentList.Add(cgroup?.ProcsFiles.ElementAtOrDefault(1) ?? string.Empty);
            foreach (var argument in command)
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            foreach (var argument in command.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = await ProcessLauncher.StartAsync(start).ConfigureAwait(false);
        }
        catch
        {
            cgroup?.Dispose();
            throw;
        }

        var stderr = new StringBuilder();
        var pump = Task.Run(async () =>
        {
            var buffer = new char[1024];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
            {
                lock (stderr)
                {
                    if (stderr.Length < MaxStderrChars)
                    {
                        stderr.Append(buffer, 0, Math.Min(read, MaxStderrChars - stderr.Length));
                    }
                }
            }
        }, CancellationToken.None);
        try
        {
            var channel = await FrameChannel.OpenAsync(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, cancellationToken).ConfigureAwait(false);
            return new WorkerProcess(process, channel, options, stderr, pump, cgroup);
        }
        catch
        {
            Kill(process);
            cgroup?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one compiled cell; returns its run, or how the worker died (it is then killed and must be replaced).
    /// </summary>
    public async Task<(CellRun? Run, WorkerDeath? Death)> RunAsync(CompiledCell cell, int executionCount, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        using var watchdog = new CancellationTokenSource();
        var memoryExceeded = false;
        var watch = Task.Run(async () =>
        {
            while (!watchdog.IsCancellationRequested)
            {
                try
                {
                    if (!_process.HasExited && ProcessTree.ResidentBytes(_process) > _options.ProcessMemoryLimitBytes)
                    {
                        memoryExceeded = true;
                        Kill(_process);
                        return;
                    }

                    await Task.Delay(50, watchdog.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (InvalidOperationException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        try
        {
            await _channel.WriteAsync(WorkerMessages.Encode(new RunCellRequest(cell, executionCount)), limit.Token).ConfigureAwait(false);
            var reply = await _channel.ReadAsync(limit.Token, MaxReplyBytes).ConfigureAwait(false);
            if (reply is not null)
            {
                return (WorkerMessages.DecodeRun(reply), null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(_process);
            return (null, new WorkerDeath(WorkerDeathKind.TimedOut, $"timed out: the cell did not finish within {Seconds(timeLimit)}, so its process was stopped"));
        }
        catch (ProtocolViolationException ex)
        {
            Kill(_process);
            return (null, new WorkerDeath(WorkerDeathKind.ProtocolViolation, "the process running it broke the grader's protocol (" + ex.Message + ")"));
        }
        catch (IOException)
        {
            // The pipe broke: the worker died; find out how below.
        }
        finally
        {
            await watchdog.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
        }

        return (null, await DescribeDeathAsync(memoryExceeded).ConfigureAwait(false));
    }

    private async Task<WorkerDeath> DescribeDeathAsync(bool memoryExceeded)
    {
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                await _stderrPump.WaitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(_process);
            }
        }

        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString();
        }

        var megabytes = _options.MemoryLimitBytes / (1024 * 1024);
        if (memoryExceeded || _cgroup?.OutOfMemoryKilled == true || stderr.Contains("OutOfMemory", StringComparison.Ordinal))
        {
            return new WorkerDeath(WorkerDeathKind.OutOfMemory, $"ran out of memory: the process running it passed the memory limit ({megabytes} MB of heap) and was stopped");
        }

        if (stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerDeath(WorkerDeathKind.StackOverflow, "stack overflow: the process running it crashed (endless recursion?)");
        }

        var code = _process.HasExited ? _process.ExitCode : -1;
        return code == 137 || code == -9
            ? new WorkerDeath(WorkerDeathKind.OutOfMemory, $"the process running it was killed by the system (out of memory?)")
            : new WorkerDeath(WorkerDeathKind.Exited, string.Create(CultureInfo.InvariantCulture, $"the process running it ended unexpectedly (exit code {code})"));
    }

    /// <summary>Processor time used by every worker this process started, measured as each one ends (for the benchmark).</summary>
    public static TimeSpan TotalWorkerProcessorTime => TimeSpan.FromTicks(Interlocked.Read(ref _workerTicks));

    private static long _workerTicks;

    /// <summary>Asks the worker to exit, and kills it if it does not within a second.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Interlocked.Add(ref _workerTicks, ProcessTree.ProcessorTime(_process).Ticks);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }

        if (!_process.HasExited)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _channel.WriteAsync(WorkerMessages.Encode(new ExitRequest()), timeout.Token).ConfigureAwait(false);
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // It will be killed below.
            }
        }

        Kill(_process);
        _process.Dispose();
        _cgroup?.Dispose(); // kills whatever the worker left behind in its group, then removes the group
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
