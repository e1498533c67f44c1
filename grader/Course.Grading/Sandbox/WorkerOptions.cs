using System.Runtime.InteropServices;
using Course.Grading.Results;

namespace Course.Grading.Sandbox;

/// <summary>
/// How grading workers are started and limited. Defaults: in the bubblewrap sandbox, 256 MB of managed
/// heap, 10 s per cell, 120 s per submission, 64 KB of printed text per cell, 32 MB of private files,
/// 256 processes and threads.
/// </summary>
public sealed record WorkerOptions
{
    /// <summary>The worker's assembly (Course.Worker.dll), by default next to the grader's own assemblies.</summary>
    public string WorkerAssembly { get; init; } = Path.Combine(AppContext.BaseDirectory, "Course.Worker.dll");

    /// <summary>The <c>dotnet</c> host that runs the worker: the one running this process.</summary>
    public string DotnetHost { get; init; } = FindDotnetHost();

    /// <summary>The managed heap's hard limit (<c>DOTNET_GCHeapHardLimit</c>): past it, allocation throws OutOfMemoryException.</summary>
    public long MemoryLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// The whole process's resident memory past which the grader kills it (native memory, thread
    /// stacks and the runtime itself on top of the managed heap).
    /// </summary>
    public long ProcessMemoryLimitBytes => (MemoryLimitBytes * 2) + (256L * 1024 * 1024);

    /// <summary>How long one cell may run before its worker is killed.</summary>
    public TimeSpan CellTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a whole submission may run (cells, replays and restarts) before the rest is not run.</summary>
    public TimeSpan SubmissionTimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The folder under which each submission gets a fresh working folder.</summary>
    public string WorkRoot { get; init; } = Path.Combine(Path.GetTempPath(), "course-grade");

    /// <summary>
    /// True (the default): every worker runs in the operating-system sandbox (<see cref="Bubblewrap"/>), which
    /// must be usable (<see cref="Bubblewrap.Probe"/>). False: an ordinary process of the grading user.
    /// </summary>
    public bool Sandboxed { get; init; } = true;

    /// <summary>
    /// Folders the sandbox shows read-only at the same path, besides the .NET runtime and the worker: the
    /// course library's folder, since compiled cells name their references by absolute path.
    /// </summary>
    public IReadOnlyList<string> SharedFolders { get; init; } = [];

    /// <summary>Bytes the sandboxed worker may write into its private folder (a size-limited tmpfs).</summary>
    public long PrivateFolderBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Processes and threads one worker may have at once (cgroup <c>pids.max</c>), where cgroups are writable.</summary>
    public int ProcessLimit { get; init; } = 256;

    /// <summary>The line that goes into the summary and every results.json when grading without the sandbox.</summary>
    public const string NoSandboxWarning =
        "Warning: graded without the operating-system sandbox (--no-sandbox): submitted code ran with the grader's own rights.";

    /// <summary>
    /// <paramref name="result"/> with <see cref="NoSandboxWarning"/> opening its summary (results.json's
    /// <c>output</c>) when <paramref name="options"/> ran it without the sandbox; else unchanged.
    /// </summary>
    public static SubmissionResult MarkUnsandboxed(SubmissionResult result, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        return options.Sandboxed ? result : result with { Summary = NoSandboxWarning + (result.Summary.Length > 0 ? " " + result.Summary : string.Empty) };
    }

    /// <summary>These options with <paramref name="file"/>'s folder shared read-only (null: unchanged).</summary>
    public WorkerOptions SharingFolderOf(string? file) =>
        file is null || Path.GetDirectoryName(Path.GetFullPath(file)) is not { } folder || SharedFolders.Contains(folder, StringComparer.Ordinal)
            ? this
            : this with { SharedFolders = [.. SharedFolders, folder] };

    private static string FindDotnetHost()
    {
        var exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == exe)
        {
            return self;
        }

        // .../dotnet/shared/Microsoft.NETCore.App/<version>/ -> .../dotnet/dotnet
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var candidate = Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : exe;
    }
}
