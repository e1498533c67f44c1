using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Grading.Sandbox;
using Course.Grading.Tests.Golden;

namespace Course.Grading.Tests.Sandbox;

/// <summary>
/// <c>course grade</c> and its sandbox: sandboxed by default (a golden scenario graded through the CLI
/// gives its golden results), a one-line refusal where bubblewrap is missing (the real <c>course</c>
/// process with a PATH that has no bwrap), and <c>--no-sandbox</c>, which grades and says so.
/// </summary>
public sealed class SandboxCliTests
{
    private const string Scenario = "all-correct";

    private static string OneScenario()
    {
        var submissions = TestPaths.NewTempFolder("sandbox-cli-submissions");
        var student = Directory.CreateDirectory(Path.Combine(submissions, Scenario)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Scenarios, Scenario, "submission")))
        {
            File.Copy(file, Path.Combine(student, Path.GetFileName(file)));
        }

        return submissions;
    }

    /// <summary>As the golden scenarios grade, with a generous cell time (these tests run beside the others on a busy machine).</summary>
    private static string[] GradeArgs(string submissions, string output) =>
        [.. GradedClass.GradeArgs(submissions, output, jobs: 1).Select(a => a == GradedClass.CellTimeout ? "30" : a)];

    private static string Expected(string file) => File.ReadAllText(Path.Combine(TestPaths.Scenarios, Scenario, "expected", file));

    private static string Results(string output) => File.ReadAllText(Path.Combine(output, Scenario, "council-votes", "results.json"));

    [Fact]
    public async Task Grade_runs_sandboxed_by_default_and_gives_the_golden_results()
    {
        var submissions = OneScenario();
        var output = TestPaths.NewTempFolder("sandbox-cli-out");
        var (exit, stdout, stderr) = await TestConsole.RunAsync(GradeArgs(submissions, output));
        Assert.True(exit == 0, stderr);
        Assert.Contains("sandbox: bubblewrap; ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkerOptions.NoSandboxWarning, stdout, StringComparison.Ordinal);
        Assert.Equal(Expected("results.json"), Results(output));
        Directory.Delete(submissions, recursive: true);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Without_bubblewrap_grade_refuses_in_one_line_unless_no_sandbox_which_warns_everywhere()
    {
        var submissions = OneScenario();
        var output = TestPaths.NewTempFolder("sandbox-cli-out");
        var noBwrap = TestPaths.NewTempFolder("path-without-bwrap");

        var refused = await RunCourseAsync(noBwrap, GradeArgs(submissions, output));
        Assert.Equal(1, refused.Exit);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bubblewrap (bwrap) is not installed", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install bubblewrap", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output));

        var unsandboxed = await RunCourseAsync(noBwrap, [.. GradeArgs(submissions, output), "--no-sandbox"]);
        Assert.True(unsandboxed.Exit == 0, unsandboxed.Error);
        Assert.Contains(WorkerOptions.NoSandboxWarning, unsandboxed.Out, StringComparison.Ordinal);
        var results = JsonNode.Parse(Results(output))!;
        Assert.StartsWith(WorkerOptions.NoSandboxWarning, (string)results["output"]!, StringComparison.Ordinal);
        var golden = JsonNode.Parse(Expected("results.json"))!;
        Assert.Equal(golden["tests"]!.ToJsonString(), results["tests"]!.ToJsonString());
        Assert.Equal((double)golden["score"]!, (double)results["score"]!);
        Directory.Delete(submissions, recursive: true);
        Directory.Delete(output, recursive: true);
    }

    /// <summary>The real <c>course</c> process with PATH set to <paramref name="path"/> only.</summary>
    private static async Task<(int Exit, string Out, string Error)> RunCourseAsync(string path, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(new WorkerOptions().DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = path;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "course.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
