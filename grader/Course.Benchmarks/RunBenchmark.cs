using System.Diagnostics;
using System.Globalization;
using Course.Engine;
using Course.Notebooks;

namespace Course.Benchmarks;

/// <summary>
/// The whole course headless, timed. Cold: <c>course run &lt;folder&gt;</c> in a new process (Roslyn's start-up
/// included), several times. Warm: the same notebooks run again in this process after one warm-up
/// batch, with per-notebook and per-cell compile/run figures. Prints figures; asserts nothing.
/// Usage: <c>run [folder] [--repeat N] [--course PATH_TO_course.dll]</c>; default folder: the course's notebooks/.
/// </summary>
public static class RunBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a))
            ?? CourseDirectory.TryFind()?.StudentNotebooks
            ?? "notebooks";
        var repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        IReadOnlyList<string> notebooks;
        try
        {
            notebooks = NotebookFiles.Find(folder);
        }
        catch (FileNotFoundException ex)
        {
            Console.Error.WriteLine($"run benchmark: {ex.Message}");
            return 1;
        }

        var cells = notebooks.Sum(path => Notebook.Load(path).Cells.Count(c => c.Kind == CellKind.Code));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run benchmark: {notebooks.Count} notebook(s), {cells} code cells in {Path.GetFullPath(folder)}; {Environment.ProcessorCount} cores"));

        var course = Option(args, "--course") ?? FindCourseDll();
        if (course is null)
        {
            Console.WriteLine("cold: skipped (course.dll not found; build grader/Course.Cli or pass --course PATH)");
        }
        else
        {
            var cold = new List<double>();
            for (var i = 0; i < repeat; i++)
            {
                cold.Add(await TimeProcessAsync(course, folder).ConfigureAwait(false));
            }

            Console.WriteLine($"cold (new process, 'course run'): {Summary(cold)}");
        }

        var inProcessFirst = await NotebookBatch.RunAsync(notebooks).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first batch in this process (Roslyn cold): {inProcessFirst.Elapsed.TotalSeconds:0.000} s"));
        var warm = new List<double>();
        NotebookBatchResult last = inProcessFirst;
        for (var i = 0; i < repeat; i++)
        {
            last = await NotebookBatch.RunAsync(notebooks).ConfigureAwait(false);
            warm.Add(last.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"warm (same process, all notebooks in parallel): {Summary(warm)}");
        var sequential = await NotebookBatch.RunAsync(notebooks, maxParallel: 1).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm, one notebook at a time: {sequential.Elapsed.TotalSeconds:0.000} s"));

        var compileTimes = new List<double>();
        var runTimes = new List<double>();
        foreach (var run in sequential.Runs)
        {
            var compiled = run.Result.Cells.Where(c => c.Compilation is not null).ToList();
            compileTimes.AddRange(compiled.Select(c => c.Compilation!.Duration.TotalMilliseconds));
            runTimes.AddRange(run.Result.Cells.Select(c => c.Run.Duration.TotalMilliseconds));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {run.Name}: {run.Result.Elapsed.TotalMilliseconds:0} ms, {run.Result.Cells.Count} code cells, compile {compiled.Sum(c => c.Compilation!.Duration.TotalMilliseconds):0} ms, run {run.Result.Cells.Sum(c => c.Run.Duration.TotalMilliseconds):0} ms, {run.Result.Failures.Count} failed"));
        }

        if (compileTimes.Count > 0)
        {
            compileTimes.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"per cell, warm: compile median {compileTimes[compileTimes.Count / 2]:0.0} ms (max {compileTimes[^1]:0.0} ms), run median {Median(runTimes):0.0} ms"));
        }

        return 0;
    }

    private static async Task<double> TimeProcessAsync(string courseDll, string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(courseDll);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(folder);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        clock.Stop();
        _ = await output.ConfigureAwait(false);
        _ = await error.ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }

    private static string? FindCourseDll()
    {
        var root = CourseDirectory.TryFind()?.Root;
        if (root is null)
        {
            return null;
        }

        return new[] { "Release", "Debug" }
            .Select(configuration => Path.Combine(root, "grader", "Course.Cli", "bin", configuration, "net10.0", "course.dll"))
            .FirstOrDefault(File.Exists);
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static bool IsOptionValue(string[] args, string value)
    {
        var at = Array.IndexOf(args, value);
        return at > 0 && args[at - 1].StartsWith("--", StringComparison.Ordinal);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static string Summary(List<double> seconds) => string.Create(
        CultureInfo.InvariantCulture,
        $"min {seconds.Min():0.000} s, median {Median(seconds):0.000} s, max {seconds.Max():0.000} s over {seconds.Count} run(s)");
}
