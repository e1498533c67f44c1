using System.Globalization;

namespace Course.Grading.Sandbox;

/// <summary>
/// A control group of one worker, where the machine lets the grader make one: a memory limit
/// (cgroup v1 <c>memory.limit_in_bytes</c>, v2 <c>memory.max</c>, in bytes) and a limit on processes and
/// threads (<c>pids.max</c>). The group is made below the grader's own group (so it stays inside
/// whatever limits the grader itself has), the worker joins it before it starts, and
/// <see cref="Dispose"/> kills whatever is left in it and removes it. Where no writable hierarchy with
/// both controllers exists, <see cref="TryCreate"/> returns null and <see cref="Availability"/> says why,
/// and the worker keeps only the managed heap limit and the grader's memory watchdog.
/// </summary>
public sealed class WorkerCgroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";

    private static readonly Lazy<(Func<string, WorkerCgroupLayout>? Make, string Said)> Detected = new(Detect);

    private readonly WorkerCgroupLayout _layout;

    private WorkerCgroup(WorkerCgroupLayout layout) => _layout = layout;

    /// <summary>One line saying whether workers get cgroup limits on this machine, and if not, why.</summary>
    public static string Availability => Detected.Value.Said;

    /// <summary>True when workers get cgroup limits on this machine.</summary>
    public static bool Available => Detected.Value.Make is not null;

    /// <summary>The <c>cgroup.procs</c> files the worker's first process writes its pid into, before anything else runs.</summary>
    public IReadOnlyList<string> ProcsFiles => [.. _layout.Folders.Select(f => Path.Combine(f, "cgroup.procs"))];

    /// <summary>
    /// A new group limited to <paramref name="memoryBytes"/> bytes (the kernel kills the worker past it)
    /// and <paramref name="processes"/> processes and threads; null where cgroups are not available or
    /// this one could not be made.
    /// </summary>
    public static WorkerCgroup? TryCreate(long memoryBytes, int processes)
    {
        if (Detected.Value.Make is not { } make)
        {
            return null;
        }

        var layout = make("course-worker-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var folder in layout.Folders)
            {
                Directory.CreateDirectory(folder);
            }

            var memory = memoryBytes.ToString(CultureInfo.InvariantCulture);
            var pids = processes.ToString(CultureInfo.InvariantCulture);
            if (layout.V2)
            {
                File.WriteAllText(Path.Combine(layout.Folders[0], "memory.max"), memory);
                File.WriteAllText(Path.Combine(layout.Folders[0], "memory.swap.max"), "0");
                File.WriteAllText(Path.Combine(layout.Folders[0], "pids.max"), pids);
            }
            else
            {
                File.WriteAllText(Path.Combine(layout.Folders[0], "memory.limit_in_bytes"), memory);
                TryWrite(Path.Combine(layout.Folders[0], "memory.memsw.limit_in_bytes"), memory);
                File.WriteAllText(Path.Combine(layout.Folders[1], "pids.max"), pids);
            }

            return new WorkerCgroup(layout);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            new WorkerCgroup(layout).Dispose();
            return null;
        }
    }

    /// <summary>True when the kernel killed a process of this group for passing its memory limit.</summary>
    public bool OutOfMemoryKilled
    {
        get
        {
            var file = Path.Combine(_layout.Folders[0], _layout.V2 ? "memory.events" : "memory.oom_control");
            try
            {
                return File.ReadLines(file)
                    .Select(l => l.Split(' '))
                    .Any(p => p.Length == 2 && p[0] == "oom_kill" && p[1] != "0");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>Kills every process still in the group (something the worker started and left behind), then removes it.</summary>
    public void Dispose()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var left = false;
            foreach (var folder in _layout.Folders.Where(Directory.Exists))
            {
                foreach (var pid in Pids(folder))
                {
                    left = true;
                    try
                    {
                        using var process = System.Diagnostics.Process.GetProcessById(pid);
                        process.Kill();
                    }
                    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                    {
                        // Gone meanwhile.
                    }
                }

                try
                {
                    Directory.Delete(folder);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    left = true; // busy until its last process is reaped
                }
            }

            if (!left)
            {
                return;
            }

            Thread.Sleep(20);
        }
    }

    private static IEnumerable<int> Pids(string folder)
    {
        try
        {
            return [.. File.ReadAllLines(Path.Combine(folder, "cgroup.procs")).Select(l => int.TryParse(l, out var pid) ? pid : 0).Where(p => p > 0)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static void TryWrite(string file, string text)
    {
        try
        {
            File.WriteAllText(file, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Swap accounting is off on this kernel: the memory limit alone applies.
        }
    }

    /// <summary>Finds a writable hierarchy: v1 memory and pids, else v2 with both controllers delegated to the grader's group.</summary>
    private static (Func<string, WorkerCgroupLayout>? Make, string Said) Detect()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "no cgroup limits (not Linux): workers keep the heap limit and the memory watchdog");
        }

        Dictionary<string, string> own;
        try
        {
            // Lines "id:controllers:/path"; v2 is "0::/path".
            own = File.ReadAllLines("/proc/self/cgroup")
                .Select(l => l.Split(':', 3))
                .Where(p => p.Length == 3)
                .SelectMany(p => p[1].Split(',').Select(c => (Controller: c, Path: p[2])))
                .GroupBy(x => x.Controller, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, "no cgroup limits (/proc/self/cgroup unreadable): workers keep the heap limit and the memory watchdog");
        }

        if (own.TryGetValue("memory", out var memory) && own.TryGetValue("pids", out var pids)
            && Directory.Exists(Path.Combine(Root, "memory")) && Directory.Exists(Path.Combine(Root, "pids")))
        {
            var memoryParent = Path.Combine(Root, "memory") + memory.TrimEnd('/');
            var pidsParent = Path.Combine(Root, "pids") + pids.TrimEnd('/');
            WorkerCgroupLayout Make(string name) => new(false, [Path.Combine(memoryParent, name), Path.Combine(pidsParent, name)]);
            return Writable(Make)
                ? (Make, "memory and process limits per worker: cgroup v1")
                : (null, "no cgroup limits (the cgroup v1 memory and pids hierarchies are not writable): workers keep the heap limit and the memory watchdog");
        }

        if (own.TryGetValue(string.Empty, out var unified) && File.Exists(Path.Combine(Root, "cgroup.controllers")))
        {
            var parent = Root + unified.TrimEnd('/');
            string delegated;
            try
            {
                delegated = File.ReadAllText(Path.Combine(parent, "cgroup.subtree_control"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                delegated = string.Empty;
            }

            var words = delegated.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            WorkerCgroupLayout Make(string name) => new(true, [Path.Combine(parent, name)]);
            return words.Contains("memory") && words.Contains("pids") && Writable(Make)
                ? (Make, "memory and process limits per worker: cgroup v2")
                : (null, "no cgroup limits (no writable cgroup v2 group with the memory and pids controllers): workers keep the heap limit and the memory watchdog");
        }

        return (null, "no cgroup limits (no memory and pids cgroup controllers): workers keep the heap limit and the memory watchdog");
    }

    private static bool Writable(Func<string, WorkerCgroupLayout> make)
    {
        var probe = make("course-worker-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var folder in probe.Folders)
            {
                Directory.CreateDirectory(folder);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            foreach (var folder in probe.Folders)
            {
                try
                {
                    Directory.Delete(folder);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Never made.
                }
            }
        }
    }
}

/// <summary>Where one worker's group lives: v1 (a memory folder, then a pids folder) or v2 (one folder).</summary>
internal sealed record WorkerCgroupLayout(bool V2, IReadOnlyList<string> Folders);
