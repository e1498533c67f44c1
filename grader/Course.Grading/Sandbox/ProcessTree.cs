using System.Diagnostics;
using System.Globalization;

namespace Course.Grading.Sandbox;

/// <summary>
/// A worker's whole process tree as the host sees it (the sandbox's launcher, its init, the runtime and
/// anything they started), read from Linux's <c>/proc/PID/task/TID/children</c>, <c>statm</c> and
/// <c>stat</c>; elsewhere, the one process. Used for the memory watchdog and the benchmark's processor time.
/// </summary>
internal static class ProcessTree
{
    private const long TicksPerClockTick = TimeSpan.TicksPerSecond / 100; // USER_HZ is 100 on Linux

    /// <summary>Resident memory of the tree, in bytes.</summary>
    public static long ResidentBytes(Process root)
    {
        if (!OperatingSystem.IsLinux())
        {
            root.Refresh();
            return root.WorkingSet64;
        }

        return Pids(root.Id).Sum(pid => Fields($"/proc/{pid}/statm", 1) * Environment.SystemPageSize);
    }

    /// <summary>Processor time (user and system) the tree has used, living processes only.</summary>
    public static TimeSpan ProcessorTime(Process root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return root.TotalProcessorTime;
        }

        return TimeSpan.FromTicks(Pids(root.Id).Sum(pid => StatTicks(pid)) * TicksPerClockTick);
    }

    private static List<int> Pids(int root)
    {
        var all = new List<int> { root };
        for (var i = 0; i < all.Count && all.Count < 10_000; i++)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{all[i]}/task"))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (int.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !all.Contains(pid))
                        {
                            all.Add(pid);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Ended meanwhile.
            }
        }

        return all;
    }

    private static long Fields(string file, int index)
    {
        try
        {
            var fields = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > index && long.TryParse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long StatTicks(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces, so cut at the last ')'): utime is the 12th, stime the 13th.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return 0;
        }
    }
}
