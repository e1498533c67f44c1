using System.Diagnostics;
using Course.Engine.Runtime;
using Course.Notebooks;

namespace Course.Engine;

/// <summary>Settings of a headless notebook run.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The default wall-time limit per cell.</summary>
    public static readonly TimeSpan DefaultCellTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>How long one cell may run; a cell still running then is reported as timed out and the rest of its notebook is not run.</summary>
    public TimeSpan CellTimeLimit { get; init; } = DefaultCellTimeLimit;

    /// <summary>Where relative <c>#r</c> paths start; default: the notebook's folder (else the current folder).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Decides each file reference (see <see cref="CellCompilerOptions.ReferencePolicy"/>); null allows all.</summary>
    public Func<ReferenceRequest, ReferenceDecision>? ReferencePolicy { get; init; }

    /// <summary>
    /// The working directory of the notebook's code while it runs (see <see cref="NotebookWorkingDirectory"/>);
    /// default: the notebook's folder when it was loaded from a file, else the process's as it is.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Stop at the first failing cell (Jupyter's "Run All" without allow-errors); default: run every cell.</summary>
    public bool StopOnError { get; init; }
}

/// <summary>One code cell's outcome in a notebook run.</summary>
/// <param name="Index">0-based position among all the notebook's cells.</param>
/// <param name="CellId">The cell's id, when it has one.</param>
/// <param name="Kernel">The kernel the cell was for (<c>csharp</c>, <c>html</c>, ...).</param>
/// <param name="Run">What happened.</param>
/// <param name="Compilation">The C# compilation, for C# cells that were compiled.</param>
public sealed record CellResult(int Index, string? CellId, string Kernel, CellRun Run, CellCompilation? Compilation)
{
    /// <summary>1-based position among all the notebook's cells, as people count them.</summary>
    public int Number => Index + 1;
}

/// <summary>The outcome of running a notebook.</summary>
/// <param name="Notebook">A copy of the notebook with the new outputs and execution counts.</param>
/// <param name="Cells">One result per code cell, in order.</param>
/// <param name="Elapsed">Wall time of the whole run, compiling included.</param>
public sealed record NotebookRunResult(Notebook Notebook, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed)
{
    /// <summary>Cells that ran (successfully or not).</summary>
    public int CellsRun => Cells.Count(c => c.Run.Status != CellStatus.NotRun);

    /// <summary>Cells that failed: compile errors, exceptions, time-outs, cancellation.</summary>
    public IReadOnlyList<CellResult> Failures => [.. Cells.Where(c => c.Run.Failed)];

    /// <summary>Cells not run, with the reason in <see cref="CellRun.NotRunReason"/>.</summary>
    public IReadOnlyList<CellResult> NotRun => [.. Cells.Where(c => c.Run.Status == CellStatus.NotRun)];

    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>
/// Runs a notebook top to bottom, headless, as "Run All" in Polyglot Notebooks would: C# cells on one
/// <see cref="NotebookKernel"/>, <c>#!html</c> cells displayed as HTML, markdown and raw cells untouched,
/// cells for kernels the engine does not have reported as not run. Works on a copy; the input is not changed.
/// </summary>
public static class NotebookRunner
{
    public static async Task<NotebookRunResult> RunAsync(Notebook notebook, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new NotebookRunOptions();
        var clock = Stopwatch.StartNew();
        var executed = notebook.Clone();
        var baseDirectory = options.BaseDirectory
            ?? (notebook.SourcePath is { } path ? Path.GetDirectoryName(path) : null)
            ?? Directory.GetCurrentDirectory();
        var name = notebook.SourcePath is { } source ? Path.GetFileNameWithoutExtension(source) : "notebook";
        var workingDirectory = options.WorkingDirectory ?? (notebook.SourcePath is { } file ? Path.GetDirectoryName(file) : null);
        using var lease = workingDirectory is null ? null : await NotebookWorkingDirectory.EnterAsync(workingDirectory).ConfigureAwait(false);
        using var kernel = new NotebookKernel(new CellCompilerOptions { BaseDirectory = baseDirectory, ReferencePolicy = options.ReferencePolicy, Name = name });
        var results = new List<CellResult>();
        var executionCount = 0;
        string? stopReason = null;
        for (var index = 0; index < executed.Cells.Count; index++)
        {
            var cell = executed.Cells[index];
            if (cell.Kind != CellKind.Code)
            {
                continue;
            }

            var kernelName = NormalizeKernel(cell.KernelName ?? executed.DefaultKernelName);
            cell.ClearOutputs();
            CellRun run;
            CellCompilation? compilation = null;
            if (stopReason is not null || kernel.AbandonedBecause is not null)
            {
                run = CellRun.NotRun(stopReason ?? kernel.AbandonedBecause!);
            }
            else if (string.IsNullOrWhiteSpace(cell.Source))
            {
                run = new CellRun(CellStatus.Ok, [], null, TimeSpan.Zero);
            }
            else if (kernelName == NotebookCell.CSharpKernel)
            {
                var submission = await kernel.SubmitAsync(cell.Source, options.CellTimeLimit, executionCount + 1, cancellationToken).ConfigureAwait(false);
                (compilation, run) = (submission.Compilation, submission.Run);
            }
            else if (kernelName == "html")
            {
                run = new CellRun(CellStatus.Ok, [new DisplayDataOutput(new Dictionary<string, string> { [MimeBundle.Html] = WithoutDirective(cell.Source) })], null, TimeSpan.Zero);
            }
            else
            {
                run = CellRun.NotRun($"cell for the '{kernelName}' kernel: the course engine runs only C# and HTML cells");
            }

            if (run.Status != CellStatus.NotRun && !string.IsNullOrWhiteSpace(cell.Source))
            {
                cell.ExecutionCount = ++executionCount;
                foreach (var output in run.Outputs)
                {
                    cell.Outputs.Add(output);
                }
            }

            results.Add(new CellResult(index, cell.Id, kernelName, run, compilation));
            if (run.Failed && options.StopOnError)
            {
                stopReason = $"an earlier cell (cell {index + 1}) failed";
            }
        }

        return new NotebookRunResult(executed, results, clock.Elapsed);
    }

    private static string NormalizeKernel(string name) => name switch
    {
        "csharp" or "C#" or "c#" or "cs" => NotebookCell.CSharpKernel,
        _ => KernelDirective.Leading("#!" + name)?.Kernel ?? name,
    };

    private static string WithoutDirective(string source)
    {
        var directive = KernelDirective.Leading(source);
        if (directive is null)
        {
            return source;
        }

        var at = source.IndexOf(directive.Line, StringComparison.Ordinal);
        var rest = source[(at + directive.Line.Length)..];
        return rest.StartsWith('\n') ? rest[1..] : rest;
    }
}
