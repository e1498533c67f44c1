using Course.Engine;
using Course.Engine.Runtime;
using Course.Grading.Pipeline;
using Course.Grading.Policy;
using Course.Grading.Results;
using Course.Grading.Sandbox;
using Course.Notebooks;

namespace Course.Grading.Tests.Sandbox;

/// <summary>
/// The worker's isolation, checked on real worker processes with cells that the policy check would
/// refuse (it is bypassed here), so that each guarantee holds even for code that got past it.
/// </summary>
public sealed class WorkerIsolationTests
{
    private static readonly WorkerOptions Options = new()
    {
        CellTimeLimit = TimeSpan.FromSeconds(10),
        WorkRoot = TestPaths.NewTempFolder("work"),
    };

    private static async Task<(IReadOnlyList<CellRun?> Runs, SubmissionRunner Runner)> RunUncheckedAsync(params string[] sources)
    {
        var cells = sources.Select((s, i) => new GradingCell(i, CellOrigin.Student, true, s, s, null, false)).ToList();
        var compiler = new SubmissionCompiler(new CellCompiler(), new SubmissionPolicy([]));
        var prepared = compiler.Prepare(cells, CancellationToken.None);
        Assert.All(prepared.Cells, c => Assert.Null(c.CompileFailure));
        var runner = new SubmissionRunner(Options);
        return (await runner.RunAsync(prepared, CancellationToken.None), runner);
    }

    private static string Text(CellRun? run) =>
        string.Concat(run!.Outputs.Select(o => o switch
        {
            StreamOutput s => s.Text,
            ExecuteResultOutput r => r.Data.TryGetValue(MimeBundle.PlainText, out var plain) ? plain : PreText(r.Data[MimeBundle.Html]),
            _ => string.Empty,
        }));

    // The text inside the kernel's <div class="dni-plaintext"><pre> HTML, as numbers are shown.
    private static string PreText(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<pre>(.*?)</pre>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);

    [Fact]
    public async Task A_worker_runs_in_a_fresh_folder_with_a_scrubbed_environment_and_the_folder_is_removed()
    {
        Environment.SetEnvironmentVariable("COURSE_TEST_SECRET", "instructor-token");
        var (runs, _) = await RunUncheckedAsync(
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
    public async Task A_fake_frame_written_to_the_raw_stdout_is_a_protocol_violation_never_a_result()
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
        Assert.Equal(nameof(WorkerDeathKind.ProtocolViolation), runs[1]!.Error!.Type);
        Assert.Contains("nonce", runs[1]!.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("2", Text(runs[2]).Trim());
        Assert.Equal(2, runner.WorkersStarted);
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
