using Course.Engine;
using Course.Engine.Runtime;
using Course.Grading.Assignments;
using Course.Grading.Pipeline;
using Course.Grading.Results;
using Course.Notebooks;

namespace Course.Grading.Check;

/// <summary>
/// <c>course check</c>: the learner's safety net. Runs their notebook top to bottom in this process
/// (their own machine, so no sandbox) with the engine's kernel, then scores its visible tests the same
/// way grading does: passed, failed with the test's own message, or not attempted.
/// </summary>
public static class SelfCheck
{
    /// <summary>The error type an exercise stub throws: a cell failing with it waits for an answer, it is not broken.</summary>
    public const string StubErrorType = "System.NotImplementedException";

    /// <summary>Runs the notebook and scores its visible tests (see <see cref="RunWithCellsAsync"/> for the teaching cells too).</summary>
    public static async Task<SubmissionResult> RunAsync(string notebookPath, TimeSpan cellTimeLimit, CancellationToken cancellationToken, Action<string>? warn = null) =>
        (await RunWithCellsAsync(notebookPath, cellTimeLimit, cancellationToken, warn).ConfigureAwait(false)).Result;

    /// <summary>
    /// Runs the notebook and scores its visible tests, and lists the teaching cells (neither answer nor test
    /// cells) that failed for a reason other than an exercise stub's <c>NotImplementedException</c>.
    /// Throws <see cref="AssignmentFormatException"/> for a notebook that cannot be read; <paramref name="warn"/>
    /// hears what reading it repaired (e.g. a duplicate cell id).
    /// </summary>
    public static async Task<SelfCheckReport> RunWithCellsAsync(string notebookPath, TimeSpan cellTimeLimit, CancellationToken cancellationToken, Action<string>? warn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(notebookPath);
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(notebookPath);
        }
        catch (NotebookFormatException ex)
        {
            throw new AssignmentFormatException(ex.Message);
        }

        foreach (var warning in notebook.Warnings)
        {
            warn?.Invoke(warning);
        }

        var assignment = Assignment.FromStudentNotebook(notebook, notebookPath);
        var cells = InstructorCellRestorer.Restore(assignment, notebook);
        var options = new CellCompilerOptions
        {
            Name = assignment.Name,
            BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!,
        };
        using var lease = await NotebookWorkingDirectory.EnterAsync(options.BaseDirectory).ConfigureAwait(false);
        using var kernel = new NotebookKernel(options);
        var prepared = new List<PreparedCell>();
        var runs = new List<CellRun?>();
        var count = 0;
        foreach (var cell in cells)
        {
            if (!cell.IsCode)
            {
                prepared.Add(new PreparedCell(cell, null, null));
                runs.Add(null);
                continue;
            }

            var submission = await kernel.SubmitAsync(cell.Source, cellTimeLimit, ++count, cancellationToken).ConfigureAwait(false);
            prepared.Add(new PreparedCell(cell, submission.Compilation?.Compiled, submission.Run.Status == CellStatus.CompileError ? submission.Run : null));
            runs.Add(submission.Run);
        }

        var result = Scorer.Score(Environment.UserName, assignment, new PreparedSubmission(prepared, []), runs);
        var broken = new List<BrokenCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (runs[i] is { Failed: true } run && cells[i].Origin is CellOrigin.Instructor or CellOrigin.Student && run.Error?.Type != StubErrorType)
            {
                broken.Add(new BrokenCell(cells[i].Index + 1, run.Error?.ToString() ?? run.Status.ToString()));
            }
        }

        return new SelfCheckReport(result, broken);
    }
}

/// <summary>A teaching cell that failed: its 1-based number in the notebook and the error ("Type: message").</summary>
public sealed record BrokenCell(int Number, string Error);

/// <summary>What <see cref="SelfCheck.RunWithCellsAsync"/> found: the visible tests' outcomes and the broken teaching cells.</summary>
public sealed record SelfCheckReport(SubmissionResult Result, IReadOnlyList<BrokenCell> BrokenCells);
