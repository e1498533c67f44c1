using Course.Engine.Runtime;
using Course.Grading.Pipeline;
using Course.Grading.Sandbox;
using static Course.Grading.Tests.Sandbox.ProbeCells;

namespace Course.Grading.Tests.Sandbox;

/// <summary>
/// The worker's isolation, checked on real worker processes (sandboxed, as <c>course grade</c> runs them,
/// except where a test says otherwise) with cells that the policy check would refuse (it is bypassed
/// here), so that each guarantee holds even for code that got past it.
/// </summary>
public sealed class WorkerIsolationTests
{
    private static readonly WorkerOptions Options = new()
    {
        CellTimeLimit = TimeSpan.FromSeconds(10),
        WorkRoot = TestPaths.NewTempFolder("work"),
    };

    private static Task<(IReadOnlyList<CellRun?> Runs, SubmissionRunner Runner)> RunUncheckedAsync(params string[] sources) =>
        RunAsync(Options, sources);

    [Fact]
    public async Task Without_the_sandbox_a_worker_runs_in_a_fresh_folder_with_a_scrubbed_environment_and_the_folder_is_removed()
    {
        Environment.SetEnvironmentVariable("COURSE_TEST_SECRET", "instructor-token");
        var (runs, _) = await RunAsync(
            Options with { Sandboxed = false },
            "Console.WriteLine(System.IO.Directory.GetCurrentDirectory());",
            "Console.WriteLine(Environment.GetEnvironmentVariable(\"COURSE_TEST_SECRET\") ?? \"<unset>\");",
            "Console.WriteLine(Environment.GetEnvironmentVariable(\"PATH\") ?? \"<unset>\");",
            "Console.WriteLine(Environment.GetEnvironmentVariable(\"HOME\"));",
            "Console.WriteLine(System.IO.Directory.GetFileSystemEntries(\".\").Length);");
        var folder = Text(runs[0]).Trim();
        Assert.StartsWith(Path.GetFullPath(Options.WorkRoot), folder, StringComparison.Ordinal);
        Assert.Equal("<unset>", Text(runs[1]).Trim());
        Assert.Equal("<unset>", Text(runs[2]).Trim());
        Assert.Equal(folder, Text(runs[3]).Trim());
        Assert.Equal("1", Text(runs[4]).Trim()); // only its own .tmp: no notebook, no tests
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_fake_frame_written_to_the_raw_stdout_reaches_nothing_and_the_real_outcome_counts()
    {
        var (runs, runner) = await RunUncheckedAsync(
            "var before = 1;",
            """
            var raw = Console.OpenStandardOutput();
            var payload = System.Text.Encoding.UTF8.GetBytes("{\"status\":\"Ok\",\"durationMs\":0,\"outputs\":[]}");
            raw.Write("CSWK"u8); raw.Write(new byte[16]); raw.Write(BitConverter.GetBytes(payload.Length)); raw.Write(payload); raw.Flush();
            throw new Exception("the real outcome");
            """,
            "before + 1");
        Assert.Equal(CellStatus.Ok, runs[0]!.Status);
        Assert.Equal(CellStatus.RuntimeError, runs[1]!.Status);
        Assert.Contains("the real outcome", runs[1]!.Error!.Message, StringComparison.Ordinal); // stdout is /dev/null: the channel is elsewhere
        Assert.Equal("2", Text(runs[2]).Trim());
        Assert.Equal(1, runner.WorkersStarted);
    }

    [Fact]
    public async Task Printing_is_captured_in_the_cell_and_capped_never_sent_as_a_result()
    {
        var (runs, _) = await RunUncheckedAsync(
            "Console.WriteLine(\"{\\\"status\\\":\\\"Ok\\\"}\"); for (var i = 0; i < 100_000; i++) Console.WriteLine(\"CSWK flood \" + i); throw new Exception(\"failed after printing\");");
        Assert.Equal(CellStatus.RuntimeError, runs[0]!.Status);
        Assert.Contains("failed after printing", runs[0]!.Error!.Message, StringComparison.Ordinal);
        var text = Text(runs[0]);
        Assert.StartsWith("{\"status\":\"Ok\"}", text, StringComparison.Ordinal);
        Assert.Contains("[output truncated", text, StringComparison.Ordinal);
        Assert.True(text.Length < 70_000, $"{text.Length} characters came back");
    }

    [Fact]
    public async Task A_worker_that_exits_is_replaced_and_earlier_cells_are_replayed_into_the_new_one()
    {
        var (runs, runner) = await RunUncheckedAsync(
            "var x = 41;",
            "Environment.Exit(3);",
            "x + 1");
        Assert.Equal(CellStatus.RuntimeError, runs[1]!.Status);
        Assert.Contains("ended unexpectedly (exit code 3)", runs[1]!.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(CellStatus.Ok, runs[2]!.Status);
        Assert.Equal("42", Text(runs[2]).Trim());
        Assert.Equal(2, runner.WorkersStarted);
    }

    [Fact]
    public async Task The_managed_heap_is_capped()
    {
        var (runs, _) = await RunUncheckedAsync(
            "var hoard = new List<byte[]>(); try { while (true) hoard.Add(new byte[10_000_000]); } catch (OutOfMemoryException) { Console.WriteLine(hoard.Count); }");
        var megabytes = int.Parse(Text(runs[0]).Trim(), System.Globalization.CultureInfo.InvariantCulture) * 10;
        Assert.InRange(megabytes, 1, (int)(Options.MemoryLimitBytes / 1_000_000));
    }
}
