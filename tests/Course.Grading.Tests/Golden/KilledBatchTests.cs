using System.Diagnostics;
using Course.Grading.Sandbox;

namespace Course.Grading.Tests.Golden;

/// <summary>
/// A batch killed half-way (the real <c>course</c> process, killed with its workers) and started again
/// completes with the correct gradebook and keeps the grades finished before the kill.
/// </summary>
public sealed class KilledBatchTests
{
    [Fact]
    public async Task A_batch_killed_half_way_and_started_again_completes_with_a_correct_gradebook()
    {
        var submissions = TestPaths.NewTempFolder("killed-submissions");
        var output = TestPaths.NewTempFolder("killed-out");
        GradedClass.CopySubmissions(submissions);
        var start = new ProcessStartInfo(new WorkerOptions().DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "course.dll"));
        foreach (var arg in GradedClass.GradeArgs(submissions, output, jobs: 1))
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            // Keep its pipes drained, as a terminal would.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var records = () => Directory.GetFiles(output, ".grade-record.json", SearchOption.AllDirectories).Length;
            var clock = Stopwatch.StartNew();
            while (records() < 3 && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the batch ended before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var finishedBeforeKill = Directory.GetFiles(output, ".grade-record.json", SearchOption.AllDirectories).Length;
        Assert.InRange(finishedBeforeKill, 3, GradedClass.ScenarioNames().Count() - 1);
        Assert.False(File.Exists(Path.Combine(output, "gradebook.csv")));

        var rerun = await TestConsole.RunAsync(GradedClass.GradeArgs(submissions, output));
        Assert.Equal(0, rerun.Exit);
        Assert.Contains($"{finishedBeforeKill} reused from an earlier run", rerun.Out, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(output, "gradebook.csv")).Skip(1).ToList();
        var expected = GradedClass.ScenarioNames()
            .Select(name => File.ReadAllLines(Path.Combine(TestPaths.Scenarios, name, "expected", "gradebook.csv"))[1])
            .ToList();
        Assert.Equal(expected, rows);
        Directory.Delete(submissions, recursive: true);
        Directory.Delete(output, recursive: true);
    }
}
