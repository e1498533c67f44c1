using System.Runtime.InteropServices;

namespace Course.Grading.Sandbox;

/// <summary>
/// How grading workers are started and limited. Defaults: 256 MB of managed heap, 10 s per cell,
/// 120 s per submission, 64 KB of printed text per cell.
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
    /// True (the default): every worker runs in the operating-system sandbox. False (<c>--no-sandbox</c>): an
    /// ordinary process of the grading user, which could have written anything the grader can.
    /// </summary>
    public bool Sandboxed { get; init; } = true;

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
