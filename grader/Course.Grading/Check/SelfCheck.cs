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
    /// <summary>Checks one notebook; <paramref name="warn"/> hears what reading it repaired (e.g. a duplicate cell id).</summary>
    public static async Task<SubmissionResult> RunAsync(string notebookPath, TimeSpan cellTimeLimit, CancellationToken cancellationToken, Action<string>? warn = null)
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

        return Scorer.Score(Environment.UserName, assignment, new PreparedSubmission(prepared, []), runs);
    }
}
