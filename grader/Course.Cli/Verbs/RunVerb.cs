using System.CommandLine;
using System.Globalization;
using Course.Cli.Infrastructure;
using Course.Engine;
using Course.Engine.Runtime;
using Course.Notebooks;
using Spectre.Console;

namespace Course.Cli.Verbs;

/// <summary>
/// <c>course run &lt;notebook or folder&gt; [--out DIR] [--timeout SECONDS]</c>: executes notebooks top to
/// bottom, headless, prints one line per notebook (cells run, errors, time) and each failing cell,
/// writes executed copies to DIR, and exits 1 if any cell failed.
/// </summary>
public static class RunVerb
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var target = new Argument<string>("notebook") { Description = "A .ipynb notebook, or a folder of them." };
        var output = new Option<string?>("--out") { Description = "Write the executed notebooks (with outputs) to this folder.", HelpName = "DIR" };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Time limit per cell, in seconds; a cell still running then fails and the rest of its notebook is not run.",
            DefaultValueFactory = _ => NotebookRunOptions.DefaultCellTimeLimit.TotalSeconds,
            HelpName = "SECONDS",
        };
        var command = new Command("run", "Run notebooks headless, as Polyglot Notebooks' Run All would, and report every cell error.");
        command.Arguments.Add(target);
        command.Options.Add(output);
        command.Options.Add(timeout);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(console, parse.GetValue(target)!, parse.GetValue(output), parse.GetValue(timeout), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string target, string? outDirectory, double timeoutSeconds, CancellationToken cancellationToken)
    {
        if (!(timeoutSeconds > 0) || double.IsInfinity(timeoutSeconds))
        {
            throw new CourseUserException($"--timeout must be a positive number of seconds (got {timeoutSeconds.ToString(CultureInfo.InvariantCulture)})");
        }

        IReadOnlyList<string> paths;
        try
        {
            paths = NotebookFiles.Find(target);
        }
        catch (FileNotFoundException ex)
        {
            throw new CourseUserException(ex.Message, ex);
        }

        if (outDirectory is not null && File.Exists(outDirectory))
        {
            throw new CourseUserException($"--out {outDirectory}: is a file, not a folder");
        }

        NotebookBatchResult batch;
        try
        {
            batch = await NotebookBatch.RunAsync(
                paths,
                new NotebookRunOptions { CellTimeLimit = TimeSpan.FromSeconds(timeoutSeconds) },
                reportInOrder: run => Report(console, run),
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NotebookFormatException ex)
        {
            throw new CourseUserException(ex.Message, ex);
        }

        if (outDirectory is not null)
        {
            foreach (var run in batch.Runs)
            {
                run.Result.Notebook.Save(Path.Combine(outDirectory, run.Name));
            }
        }

        var failures = batch.Runs.SelectMany(r => r.Result.Failures.Select(f => (r.Name, Cell: f))).ToList();
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{batch.Runs.Count} notebook(s), {batch.Runs.Sum(r => r.Result.CellsRun)} cells run, {failures.Count} error(s), {batch.Elapsed.TotalSeconds:0.00} s"));
        if (failures.Count == 0)
        {
            return 0;
        }

        var (name, first) = failures[0];
        console.WriteErrorLine($"course: {failures.Count} cell(s) failed; first: {name} cell {first.Number}: {Describe(first.Run)}");
        return 1;
    }

    private static void Report(CliConsole console, NotebookFileRun run)
    {
        var result = run.Result;
        var status = result.Succeeded ? "[green]ok  [/]" : "[red]FAIL[/]";
        var notRun = result.NotRun.Count > 0 ? $", {result.NotRun.Count} not run" : string.Empty;
        console.Output.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{status} {PlainLines.Markup(run.Name)}: {result.CellsRun} cells run, {result.Failures.Count} error(s){notRun}, {result.Elapsed.TotalSeconds:0.00} s"));
        foreach (var warning in result.Notebook.Warnings)
        {
            console.WriteLine($"     {run.Name}: warning: {warning}");
        }

        foreach (var cell in result.Cells.Where(c => c.Run.Failed || c.Run.Status == CellStatus.NotRun))
        {
            console.WriteLine($"     {run.Name} cell {cell.Number}: {Describe(cell.Run)}");
        }
    }

    private static string Describe(CellRun run) =>
        run.Status == CellStatus.NotRun ? $"not run: {run.NotRunReason}" : run.Error?.ToString() ?? run.Status.ToString();
}
