using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Course.Engine.Runtime;
using Course.Grading.Sandbox;
using Course.Worker.Protocol;
using static Course.Grading.Tests.Sandbox.ProbeCells;
using ProtocolViolationException = Course.Worker.Protocol.ProtocolViolationException;

namespace Course.Grading.Tests.Sandbox;

/// <summary>
/// The operating-system sandbox (bubblewrap) around every worker, checked with probe cells that skip the
/// policy check: each tries what a submission that got past the policy would try, in a real sandboxed
/// worker, and the test checks the kernel stopped it.
/// </summary>
public sealed class SandboxTests
{
    private static readonly WorkerOptions Options = new()
    {
        CellTimeLimit = TimeSpan.FromSeconds(20),
        SharedFolders = [CourseLibFolder],
    };

    private static string TopFolder(string path) => "/" + path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];

    [Fact]
    public void The_sandbox_is_usable_on_this_machine()
    {
        Assert.Null(Bubblewrap.Probe(Options));
    }

    [Fact]
    public async Task It_sees_none_of_the_grader_s_files_only_the_runtime_the_worker_and_the_course_library()
    {
        var secrets = new[]
        {
            TestPaths.SourceNotebook,
            Path.Combine(RepositoryRoot, ".git"),
            Path.Combine(RepositoryRoot, "Course.sln"),
            Path.Combine(RepositoryRoot, "source"),
            AppContext.BaseDirectory,
            Path.Combine(RepositoryRoot, "README.md"), "/etc/passwd", "/root", "/home", "/usr/share/dotnet/sdk", "/usr/bin",
        };
        var (runs, _) = await RunAsync(
            Options,
            "var secrets = new[] { " + string.Join(", ", secrets.Select(Literal)) + " };"
            + """
            foreach (var path in secrets)
            {
                string outcome;
                try { outcome = System.IO.File.Exists(path) ? "read " + System.IO.File.ReadAllText(path).Length : System.IO.Directory.Exists(path) ? "listed " + System.IO.Directory.GetFileSystemEntries(path).Length : "absent"; }
                catch (Exception e) { outcome = e.GetType().Name; }
                Console.WriteLine(path + " => " + outcome);
            }
            """,
            "foreach (var entry in System.IO.Directory.GetFileSystemEntries(" + Literal(TopFolder(CourseLibFolder)) + ", \"*\", System.IO.SearchOption.AllDirectories)) Console.WriteLine(entry);",
            "foreach (var entry in System.IO.Directory.GetFileSystemEntries(\"/\")) Console.WriteLine(entry);");
        var lines = Text(runs[0]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(secrets.Length, lines.Length);
        Assert.All(lines, line => Assert.EndsWith(" => absent", line, StringComparison.Ordinal));

        // Of the whole tree that holds the repository, only the course library's folder (and the folders above it) exists.
        var courseLib = CourseLibFolder;
        var repository = Text(runs[1]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(Path.Combine(courseLib, "CollectiveSecurity.dll"), repository);
        Assert.All(repository, entry => Assert.True(courseLib.StartsWith(entry, StringComparison.Ordinal) || entry.StartsWith(courseLib, StringComparison.Ordinal), entry));
        var root = Text(runs[2]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        // A folder above the course library exists as its mount point (CI may clone the repository under /tmp);
        // the check above shows that nothing beside the library's own path is in it.
        foreach (var hidden in new[] { "/etc", "/home", "/tmp" }.Where(f => !courseLib.StartsWith(f + "/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(hidden, root);
        }
        Assert.Contains(Bubblewrap.WorkFolder, root);
        Assert.Contains(Bubblewrap.WorkerFolder, root);
    }

    [Fact]
    public async Task It_sees_only_its_own_processes_and_runs_as_an_unprivileged_uid()
    {
        var (runs, _) = await RunAsync(
            Options,
            "Console.WriteLine(string.Join(\",\", System.IO.Directory.GetDirectories(\"/proc\").Select(System.IO.Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Order()));",
            "Console.WriteLine(System.IO.File.Exists(\"/proc/" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "/cmdline\"));",
            "Console.WriteLine(System.IO.File.ReadAllLines(\"/proc/self/status\").Single(l => l.StartsWith(\"Uid:\")));",
            "Console.WriteLine(System.Net.Dns.GetHostName());");
        var pids = Text(runs[0]).Trim().Split(',').Select(int.Parse).ToList();
        Assert.Equal([1, 2], pids); // bubblewrap's init and the worker: nothing of the host
        Assert.Equal("False", Text(runs[1]).Trim());
        Assert.Equal("Uid:\t65534\t65534\t65534\t65534", Text(runs[2]).Trim());
        Assert.Equal("grading", Text(runs[3]).Trim());
    }

    [Fact]
    public async Task It_has_no_network_not_even_loopback_to_a_listener_on_the_host()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (runs, _) = await RunAsync(
            Options,
            $$"""
            try { using var client = new System.Net.Sockets.TcpClient(); client.Connect("127.0.0.1", {{port}}); Console.WriteLine("connected"); }
            catch (System.Net.Sockets.SocketException e) { Console.WriteLine(e.SocketErrorCode); }
            """,
            """
            try { using var client = new System.Net.Sockets.TcpClient(); client.Connect("1.1.1.1", 80); Console.WriteLine("connected"); }
            catch (System.Net.Sockets.SocketException e) { Console.WriteLine(e.SocketErrorCode); }
            """,
            "Console.WriteLine(string.Join(\",\", System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name + \":\" + i.OperationalStatus)));");
        Assert.Equal("ConnectionRefused", Text(runs[0]).Trim()); // its own empty loopback, not the host's
        Assert.Equal("NetworkUnreachable", Text(runs[1]).Trim());
        Assert.False(listener.Pending());
        Assert.DoesNotContain("eth", Text(runs[2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_writes_only_into_its_private_size_limited_folder()
    {
        var targets = new[] { "/x", "/usr/lib/x", Bubblewrap.WorkerFolder + "/x", Path.Combine(CourseLibFolder, "x"), "/proc/sys/kernel/hostname", "/dev/x" };
        var (runs, _) = await RunAsync(
            Options,
            "foreach (var path in new[] { " + string.Join(", ", targets.Select(Literal)) + " }) { try { System.IO.File.WriteAllText(path, \"x\"); Console.WriteLine(path + \" => written\"); } catch (Exception e) { Console.WriteLine(path + \" => \" + e.GetType().Name); } }",
            "System.IO.File.WriteAllText(\"mine.txt\", \"mine\"); Console.WriteLine(System.IO.Path.GetFullPath(\"mine.txt\") + \" \" + System.IO.File.ReadAllText(\"mine.txt\"));",
            """
            long written = 0;
            try { using var file = System.IO.File.Create("big.bin"); var block = new byte[1 << 20]; while (written < (1L << 30)) { file.Write(block); file.Flush(); written += block.Length; } }
            catch (System.IO.IOException e) { Console.WriteLine(e.GetType().Name); }
            Console.WriteLine(written >> 20);
            """);
        var lines = Text(runs[0]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(targets.Length, lines.Length);
        Assert.All(lines, line => Assert.DoesNotContain("written", line, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(CourseLibFolder, "x")));
        Assert.Equal(Bubblewrap.WorkFolder + "/mine.txt mine", Text(runs[1]).Trim());
        var full = Text(runs[2]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("IOException", full[0]); // no space left on the tmpfs
        Assert.InRange(int.Parse(full[1], CultureInfo.InvariantCulture), 1, Options.PrivateFolderBytes >> 20);
    }

    [Fact]
    public async Task Its_environment_holds_only_what_the_runtime_needs()
    {
        Environment.SetEnvironmentVariable("COURSE_SANDBOX_TEST_SECRET", "instructor-token");
        var (runs, _) = await RunAsync(
            Options,
            "Console.WriteLine(string.Join(\",\", Environment.GetEnvironmentVariables().Keys.Cast<string>().Order()));",
            "Console.WriteLine(Environment.GetEnvironmentVariable(\"HOME\") + \" \" + System.IO.Path.GetTempPath() + \" \" + System.IO.Directory.GetCurrentDirectory());");
        var names = Text(runs[0]).Trim().Split(',');
        Assert.DoesNotContain("COURSE_SANDBOX_TEST_SECRET", names);
        Assert.DoesNotContain("PATH", names);
        Assert.All(names, name => Assert.True(name.StartsWith("DOTNET_", StringComparison.Ordinal) || name is "HOME" or "TMPDIR" or "TMP" or "TEMP" or "PWD", name));
        Assert.Equal($"{Bubblewrap.WorkFolder} {Bubblewrap.WorkFolder}/.tmp/ {Bubblewrap.WorkFolder}", Text(runs[1]).Trim());
    }

    [Fact]
    public async Task Nothing_it_starts_outlives_it_and_its_children_never_see_the_channel()
    {
        var marker = "outlive-" + Guid.NewGuid().ToString("N");
        var (runs, _) = await RunAsync(
            Options,
            "var host = " + Literal(Path.Combine(Bubblewrap.DotnetRoot(Options), "dotnet")) + ";"
            + "var start = new System.Diagnostics.ProcessStartInfo(host) { RedirectStandardInput = true, UseShellExecute = false };"
            + "start.ArgumentList.Add(\"" + Bubblewrap.WorkerFolder + "/Course.Worker.dll\"); start.ArgumentList.Add(\"" + marker + "\");"
            + "var child = System.Diagnostics.Process.Start(start)!; Console.WriteLine(child.Id);",
            "System.Threading.Thread.Sleep(500); Console.WriteLine(child.HasExited);",
            "var channel = new[] { 3, 4 }.Select(fd => new System.IO.FileInfo($\"/proc/self/fd/{fd}\").LinkTarget).ToList(); Console.WriteLine(string.Join(\",\", channel) + \";\" + string.Join(\",\", System.IO.Directory.GetFiles($\"/proc/{child.Id}/fd\").Select(f => new System.IO.FileInfo(f).LinkTarget).Where(channel.Contains)));",
            "Console.WriteLine(string.Join(\",\", new[] { 3, 4 }.Select(fd => (Convert.ToInt32(System.IO.File.ReadAllLines($\"/proc/self/fdinfo/{fd}\").Single(l => l.StartsWith(\"flags:\"))[6..].Trim(), 8) & 0x80000) != 0)));");
        Assert.True(int.Parse(Text(runs[0]).Trim(), CultureInfo.InvariantCulture) > 2);
        Assert.Equal("False", Text(runs[1]).Trim()); // it was running
        var (channel, inherited) = (Text(runs[2]).Trim().Split(';')[0], Text(runs[2]).Trim().Split(';')[1]);
        Assert.Matches(@"^pipe:\[\d+\],pipe:\[\d+\]$", channel);
        Assert.Equal(string.Empty, inherited); // it did not inherit the channel's pipes
        Assert.Equal("True,True", Text(runs[3]).Trim()); // they are close-on-exec

        // The worker is gone once the submission is done, and so is the child it started.
        var survivors = Directory.GetDirectories("/proc")
            .Where(d => Path.GetFileName(d).All(char.IsAsciiDigit))
            .Where(d =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(marker, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .ToList();
        Assert.Empty(survivors);
    }

    [Fact]
    public async Task Processes_and_threads_are_limited_where_cgroups_are_writable()
    {
        var (runs, _) = await RunAsync(
            Options,
            """
            var started = 0;
            try { while (started < 2000) { new System.Threading.Thread(() => System.Threading.Thread.Sleep(-1)) { IsBackground = true }.Start(); started++; } Console.WriteLine("no limit"); }
            catch (Exception e) { Console.WriteLine(e.GetType().Name); }
            Console.WriteLine(started);
            """);
        var threads = Text(runs[0]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (WorkerCgroup.Available)
        {
            Assert.NotEqual("no limit", threads[0]);
            Assert.InRange(int.Parse(threads[1], CultureInfo.InvariantCulture), 1, Options.ProcessLimit);
        }
        else
        {
            Assert.Equal("no limit", threads[0]);
            Assert.Contains("no cgroup limits", WorkerCgroup.Availability, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Native_memory_past_the_limit_stops_the_worker_and_the_next_cell_runs_in_a_new_one()
    {
        // Native memory is outside the managed heap's limit: the cgroup (or else the grader's watchdog) stops it.
        var options = Options with { MemoryLimitBytes = 64L * 1024 * 1024 };
        var (runs, runner) = await RunAsync(
            options,
            """
            var blocks = new List<IntPtr>();
            while (true)
            {
                var block = System.Runtime.InteropServices.Marshal.AllocHGlobal(16 << 20);
                for (var i = 0; i < (16 << 20); i += 4096) System.Runtime.InteropServices.Marshal.WriteByte(block, i, 1);
                blocks.Add(block);
            }
            """,
            "Console.WriteLine(\"after\");");
        Assert.Equal(CellStatus.RuntimeError, runs[0]!.Status);
        Assert.True(runs[0]!.Error!.Message.Contains("out of memory", StringComparison.Ordinal), runs[0]!.Error!.Message);
        Assert.Equal("after", Text(runs[1]).Trim());
        Assert.Equal(2, runner.WorkersStarted);
    }

    [Fact]
    public async Task The_worker_s_processes_run_as_uid_65534_on_the_host_and_are_gone_after_it()
    {
        var worker = await WorkerProcess.StartAsync(Options, null, CancellationToken.None);
        var tree = new List<int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (tree.Count < 3 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
            tree = [worker.ProcessId];
            for (var i = 0; i < tree.Count; i++)
            {
                foreach (var task in Directory.GetDirectories($"/proc/{tree[i]}/task"))
                {
                    tree.AddRange(File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
                }
            }
        }

        var uids = tree.Select(pid => File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal))).ToList();
        await worker.DisposeAsync();
        Assert.True(tree.Count >= 3, string.Join(",", tree)); // bwrap, its init in the new pid namespace, the runtime
        if (Environment.UserName == "root")
        {
            Assert.All(uids, uid => Assert.Equal("Uid:\t65534\t65534\t65534\t65534", uid));
        }

        Assert.All(tree, pid => Assert.False(Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("Course.Worker", StringComparison.Ordinal), $"{pid} is still running"));
    }

    [Fact]
    public void A_malformed_reply_is_a_protocol_violation_never_a_crash()
    {
        foreach (var reply in new[]
        {
            "[]", "{}", "{\"status\":\"Ok\"}", "{\"status\":\"Ok\",\"durationMs\":0,\"outputs\":[{}]}",
            "{\"status\":\"Ok\",\"durationMs\":\"x\",\"outputs\":[]}", "{\"status\":\"Ok\",\"durationMs\":1e308,\"outputs\":[]}",
            "{\"status\":\"99\",\"durationMs\":0,\"outputs\":[]}", "{\"status\":{},\"durationMs\":0,\"outputs\":[]}",
            "{\"status\":\"Ok\",\"durationMs\":0,\"outputs\":{}}", "{\"status\":\"Ok\",\"durationMs\":0,\"outputs\":[],\"error\":{\"type\":1}}",
        })
        {
            Assert.Throws<ProtocolViolationException>(() => WorkerMessages.DecodeRun(System.Text.Encoding.UTF8.GetBytes(reply)));
        }
    }

    [Fact]
    public async Task A_frame_larger_than_a_reply_can_be_is_refused_before_it_is_read()
    {
        var toWorker = new MemoryStream();
        var fromWorker = new MemoryStream();
        var grader = await FrameChannel.OpenAsync(fromWorker, toWorker, CancellationToken.None);
        toWorker.Position = 0;
        var worker = await FrameChannel.AcceptAsync(toWorker, fromWorker, CancellationToken.None);
        await worker.WriteAsync(new byte[WorkerProcess.MaxReplyBytes + 1], CancellationToken.None);
        fromWorker.Position = 0;
        var ex = await Assert.ThrowsAsync<ProtocolViolationException>(() => grader.ReadAsync(CancellationToken.None, WorkerProcess.MaxReplyBytes));
        Assert.Contains("claims", ex.Message, StringComparison.Ordinal);
    }
}
