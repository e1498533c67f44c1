using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Course.Grading.Sandbox;

/// <summary>
/// The operating-system sandbox around each grading worker: bubblewrap (<c>bwrap</c>, Debian/Ubuntu package
/// <c>bubblewrap</c>), as Jobe's runguard does it, isolation by the kernel rather than by the grader.
/// The worker gets new user, pid, network, ipc, uts and mount namespaces (and cgroup where the kernel
/// allows); runs as uid/gid 65534 (when the grader is root, bubblewrap itself is started as 65534 with
/// <c>setpriv</c>, so the uid is unprivileged on the host too); sees a root made of read-only binds of only
/// the system libraries, the .NET runtime (the host and <c>shared/Microsoft.NETCore.App</c>), the worker's
/// own assemblies (bound one by one into <see cref="WorkerFolder"/>, never the grader's build folder) and
/// <see cref="WorkerOptions.SharedFolders"/> (the course library), plus a size-limited private tmpfs
/// (<see cref="WorkFolder"/>) as working folder, HOME and TMPDIR, its own <c>/proc</c> and a minimal
/// <c>/dev</c>; starts with only the environment given; cannot reach the grader's terminal
/// (<c>--new-session</c>) nor create further user namespaces; and dies with the grader.
/// </summary>
public static class Bubblewrap
{
    /// <summary>How to get it, for the one-line refusal.</summary>
    public const string InstallHint = "install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap), or pass --no-sandbox to grade without it";

    /// <summary>The worker's private writable folder inside the sandbox (a tmpfs): working folder and HOME.</summary>
    public const string WorkFolder = "/submission";

    /// <summary>Where the worker's own assemblies appear inside the sandbox.</summary>
    public const string WorkerFolder = "/course-worker";

    private const string Nobody = "65534";

    private static readonly ConcurrentDictionary<string, Launch> Probes = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks once per worker set-up that the sandbox can start the worker's runtime here: null when it
    /// can, else why not, in one line (bwrap missing, not Linux, namespaces refused, runtime not starting).
    /// </summary>
    public static string? Probe(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LaunchFor(options).Problem;
    }

    /// <summary>
    /// The whole command line (executable first) that runs <paramref name="command"/> (paths inside the
    /// sandbox) in the sandbox with only <paramref name="environment"/>. Throws
    /// <see cref="InvalidOperationException"/> when <see cref="Probe"/> says the sandbox is unusable.
    /// </summary>
    public static IReadOnlyList<string> CommandLine(WorkerOptions options, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(options);
        var launch = LaunchFor(options);
        if (launch.Problem is { } problem)
        {
            throw new InvalidOperationException("the grading sandbox is not usable: " + problem);
        }

        return Build(launch, options, environment, command);
    }

    /// <summary>The runtime's real root folder (the one holding <c>dotnet</c>, <c>host/</c> and <c>shared/</c>).</summary>
    public static string DotnetRoot(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new FileInfo(options.DotnetHost);
        var real = host.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host.FullName;
        return Path.GetDirectoryName(real)!;
    }

    private static Launch LaunchFor(WorkerOptions options) =>
        Probes.GetOrAdd(string.Join('\0', [options.DotnetHost, options.WorkerAssembly, .. options.SharedFolders]), _ => Detect(options));

    private static Launch Detect(WorkerOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new Launch([], null, "the grading sandbox needs Linux with bubblewrap; this is " + System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        }

        var bwrap = FindExecutable("bwrap");
        if (bwrap is null)
        {
            return new Launch([], null, "bubblewrap (bwrap) is not installed");
        }

        if (!File.Exists(options.DotnetHost) || !File.Exists(options.WorkerAssembly))
        {
            return new Launch([], null, $"the .NET host ({options.DotnetHost}) or the grading worker ({options.WorkerAssembly}) is missing");
        }

        // As root, start bubblewrap as uid 65534 so the sandbox's uid is unprivileged outside too;
        // where the kernel refuses user namespaces to unprivileged users, fall back to root's own.
        var candidates = new List<string[]>();
        if (Environment.UserName == "root" && FindExecutable("setpriv") is { } setpriv)
        {
            candidates.Add([setpriv, "--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups", bwrap]);
        }

        candidates.Add([bwrap]);
        var version = VersionOf(bwrap);
        string? firstProblem = null;
        foreach (var prefix in candidates)
        {
            var problem = TryRun(Build(new Launch(prefix, version, null), options, new Dictionary<string, string>(), [Path.Combine(DotnetRoot(options), "dotnet"), "--list-runtimes"]));
            if (problem is null)
            {
                return new Launch(prefix, version, null);
            }

            firstProblem ??= problem;
        }

        return new Launch([], null, "bwrap cannot start the .NET runtime in a sandbox here: " + firstProblem);
    }

    private static string? TryRun(IReadOnlyList<string> commandLine)
    {
        var start = new ProcessStartInfo(commandLine[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in commandLine.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(20_000))
            {
                process.Kill(entireProcessTree: true);
                return "the check did not finish within 20 s";
            }

            if (process.ExitCode == 0 && output.Result.Contains("Microsoft.NETCore.App", StringComparison.Ordinal))
            {
                return null;
            }

            var said = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
            return $"exit code {process.ExitCode}: {said}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return ex.Message;
        }
    }

    private static List<string> Build(Launch launch, WorkerOptions options, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> command)
    {
        var args = new List<string>(launch.Prefix)
        {
            "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--uid", Nobody, "--gid", Nobody, "--hostname", "grading",
            "--clearenv",
        };
        if (launch.Version >= new Version(0, 8))
        {
            args.Add("--disable-userns"); // no nested user namespaces: less of the kernel to attack
        }

        foreach (var (name, value) in environment)
        {
            args.AddRange(["--setenv", name, value]);
        }

        // System libraries the runtime loads (libc, libstdc++, libgcc_s, libm, libz, ...), nothing of /etc.
        foreach (var folder in new[] { "/usr/lib", "/usr/lib64", "/lib", "/lib64", "/lib32", "/usr/lib32" })
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, folder]);
            }
            else if (info.Exists)
            {
                args.AddRange(["--ro-bind", folder, folder]);
            }
        }

        var root = DotnetRoot(options);
        args.AddRange(["--ro-bind", Path.Combine(root, "dotnet"), Path.Combine(root, "dotnet")]);
        args.AddRange(["--ro-bind", Path.Combine(root, "host"), Path.Combine(root, "host")]);
        args.AddRange(["--ro-bind", Path.Combine(root, "shared", "Microsoft.NETCore.App"), Path.Combine(root, "shared", "Microsoft.NETCore.App")]);
        foreach (var file in WorkerFiles(options.WorkerAssembly))
        {
            args.AddRange(["--ro-bind", file, WorkerFolder + "/" + Path.GetFileName(file)]);
        }

        foreach (var folder in options.SharedFolders.Where(Directory.Exists))
        {
            args.AddRange(["--ro-bind", folder, folder]);
        }

        if (launch.Version >= new Version(0, 7))
        {
            args.AddRange(["--size", options.PrivateFolderBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.AddRange([
            "--tmpfs", WorkFolder,
            "--dir", WorkFolder + "/.tmp",
            "--proc", "/proc", "--dev", "/dev",
            "--remount-ro", "/dev", "--remount-ro", "/",
            "--chdir", WorkFolder,
            "--",
        ]);
        args.AddRange(command);
        return args;
    }

    /// <summary>
    /// The worker's own files: its assembly, runtimeconfig and deps files, and the runtime assemblies its
    /// deps file lists (the engine runtime, the notebook model), all next to it. Nothing else of the
    /// folder it was built into (which may hold the grader, tests or notebooks) enters the sandbox.
    /// </summary>
    public static IReadOnlyList<string> WorkerFiles(string workerAssembly)
    {
        ArgumentNullException.ThrowIfNull(workerAssembly);
        var folder = Path.GetDirectoryName(Path.GetFullPath(workerAssembly))!;
        var stem = Path.GetFileNameWithoutExtension(workerAssembly);
        var names = new SortedSet<string>(StringComparer.Ordinal) { stem + ".dll", stem + ".runtimeconfig.json", stem + ".deps.json" };
        var deps = Path.Combine(folder, stem + ".deps.json");
        if (File.Exists(deps) && JsonNode.Parse(File.ReadAllText(deps))?["targets"] is JsonObject targets)
        {
            foreach (var (_, target) in targets)
            {
                foreach (var (_, library) in target?.AsObject() ?? [])
                {
                    if (library?["runtime"] is JsonObject runtime)
                    {
                        foreach (var (asset, _) in runtime)
                        {
                            names.Add(Path.GetFileName(asset));
                        }
                    }
                }
            }
        }

        return [.. names.Select(n => Path.Combine(folder, n)).Where(File.Exists)];
    }

    /// <summary>The first <paramref name="name"/> on PATH (or /usr/bin:/bin when PATH is unset).</summary>
    private static string? FindExecutable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>bwrap's version ("bubblewrap 0.8.0"): 0.7 added <c>--size</c>, 0.8 <c>--disable-userns</c>.</summary>
    private static Version? VersionOf(string bwrap)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(bwrap, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
            return Version.TryParse(text.Trim().Split(' ').LastOrDefault(), out var version) ? version : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>How to start bwrap here (with setpriv first or not), its version, or why it cannot be used.</summary>
    private sealed record Launch(IReadOnlyList<string> Prefix, Version? Version, string? Problem);
}
