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
/// writes executed copies to DIR, and exits 1 if any cell failed. A cell that fails only because an
/// exercise stub threw <c>NotImplementedException</c> (the answer cell, or a test or cell that calls it) is
/// reported as "not attempted", not as an error. It refuses to write over its own input without <c>--force</c>.
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
        var force = new Option<bool>("--force") { Description = "Write into --out even when that replaces the notebooks being run." };
        command.Options.Add(timeout);
        command.Options.Add(force);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(console, parse.GetValue(target)!, parse.GetValue(output), parse.GetValue(timeout), parse.GetValue(force), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string target, string? outDirectory, double timeoutSeconds, bool force, CancellationToken cancellationToken)
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

        if (outDirectory is not null && !force)
        {
            var outFull = Path.GetFullPath(outDirectory);
            var inputs = paths.Where(p => string.Equals(Path.GetDirectoryName(p), outFull.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)).ToList();
            if (inputs.Count > 0)
            {
                throw new CourseUserException(
                    $"--out {outDirectory}: would overwrite the notebook(s) being run ({string.Join(", ", inputs.Select(Path.GetFileName))}) with their executed copies; choose another folder, or add --force");
            }
        }

        CourseLibraryCheck.Require(paths);

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

        var failures = batch.Runs.SelectMany(r => r.Result.Failures.Where(f => !IsStub(f.Run)).Select(f => (r.Name, Cell: f))).ToList();
        var stubs = batch.Runs.Sum(r => r.Result.Failures.Count(f => IsStub(f.Run)));
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{batch.Runs.Count} notebook(s), {batch.Runs.Sum(r => r.Result.CellsRun)} cells run, {failures.Count} error(s){NotAttempted(stubs)}, {batch.Elapsed.TotalSeconds:0.00} s"));
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
        var errors = result.Failures.Count(f => !IsStub(f.Run));
        var stubs = result.Failures.Count - errors;
        var notRun = result.NotRun.Count > 0 ? $", {result.NotRun.Count} not run" : string.Empty;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Name}: {result.CellsRun} cells run, {errors} error(s){NotAttempted(stubs)}{notRun}, {result.Elapsed.TotalSeconds:0.00} s");
        if (console.IsInteractive)
        {
            console.Output.MarkupLine((errors == 0 ? "[green]ok  [/] " : "[red]FAIL[/] ") + PlainLines.Markup(line));
        }
        else
        {
            // One unwrapped line per notebook for logs and scripts.
            console.WriteLine((errors == 0 ? "ok   " : "FAIL ") + line);
        }
        foreach (var warning in result.Notebook.Warnings)
        {
            console.WriteLine($"     {run.Name}: warning: {warning}");
        }

        foreach (var cell in result.Cells.Where(c => c.Run.Failed || c.Run.Status == CellStatus.NotRun))
        {
            console.WriteLine($"     {run.Name} cell {cell.Number}: {(IsStub(cell.Run) ? "not attempted (an exercise stub throws NotImplementedException)" : Describe(cell.Run))}");
        }
    }

    /// <summary>True when the cell failed only because an exercise stub threw NotImplementedException.</summary>
    private static bool IsStub(CellRun run) => run.Status == CellStatus.RuntimeError && run.Error?.Type == "System.NotImplementedException";

    private static string NotAttempted(int cells) => cells > 0 ? $", {cells} cell(s) not attempted (exercise stubs)" : string.Empty;

    private static string Describe(CellRun run) =>
        run.Status == CellStatus.NotRun ? $"not run: {run.NotRunReason}" : run.Error?.ToString() ?? run.Status.ToString();
}
