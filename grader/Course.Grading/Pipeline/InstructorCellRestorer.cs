using Course.Grading.Assignments;
using Course.Grading.Release;
using Course.Grading.Results;
using Course.Notebooks;

namespace Course.Grading.Pipeline;

/// <summary>
/// Step 2 (nbgrader's <c>OverwriteCells</c> with <c>add_missing_cells</c>): builds the notebook that is
/// graded. Every test and locked cell comes from the instructor's notebook by grade_id, with its hidden
/// tests, whatever the submission holds there; a deleted one is put back after the grade cell that
/// preceded it in the instructor's notebook; a deleted answer comes back as the stub. Answer cells keep
/// the student's source. Cells the student added, and cells whose grade_id is unknown or repeated,
/// are plain student cells: faking a test's metadata earns nothing.
/// </summary>
public static class InstructorCellRestorer
{
    public static IReadOnlyList<GradingCell> Restore(Assignment assignment, Notebook submission)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(submission);
        var sourceCells = assignment.Source.Cells;
        var sourceById = sourceCells
            .Select((cell, index) => (cell, index, nb: cell.Nbgrader))
            .Where(x => x.nb is not null)
            .ToDictionary(x => x.nb!.GradeId, x => (x.cell, x.index, x.nb!), StringComparer.Ordinal);

        var built = new List<(GradingCell Cell, int? SourceIndex)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in submission.Cells)
        {
            var nb = TryNbgrader(cell);
            if (nb is not null && sourceById.TryGetValue(nb.GradeId, out var match) && seen.Add(nb.GradeId))
            {
                var (sourceCell, sourceIndex, sourceNb) = match;
                var fromInstructor = !sourceNb.Solution && (sourceNb.IsTest || sourceNb.Locked);
                built.Add((fromInstructor
                    ? FromInstructor(sourceCell, sourceNb)
                    : Answer(sourceCell.Kind, cell.Source, cell, sourceNb), sourceIndex));
            }
            else
            {
                built.Add((Student(cell), null));
            }
        }

        // Put back what the student deleted, after the grade cell that precedes it in the instructor's notebook.
        for (var i = 0; i < sourceCells.Count; i++)
        {
            var nb = sourceCells[i].Nbgrader;
            if (nb is null || seen.Contains(nb.GradeId))
            {
                continue;
            }

            var restored = !nb.Solution && (nb.IsTest || nb.Locked)
                ? FromInstructor(sourceCells[i], nb)
                : nb.Solution ? Answer(sourceCells[i].Kind, StudentVersion.StubFor(sourceCells[i]), sourceCells[i], nb) : null;
            if (restored is null)
            {
                continue;
            }

            var at = 0;
            for (var k = built.Count - 1; k >= 0; k--)
            {
                if (built[k].SourceIndex is { } s && s < i)
                {
                    at = k + 1;
                    break;
                }
            }

            built.Insert(at, (restored, i));
            seen.Add(nb.GradeId);
        }

        return built.Select((x, index) => x.Cell with { Index = index }).ToList();
    }

    private static NbgraderCell? TryNbgrader(NotebookCell cell)
    {
        try
        {
            return cell.Nbgrader;
        }
        catch (NotebookFormatException)
        {
            return null;
        }
    }

    private static GradingCell FromInstructor(NotebookCell source, NbgraderCell nb) => new(
        0,
        nb.IsTest ? CellOrigin.Test : CellOrigin.Instructor,
        IsCSharp(source),
        source.Source,
        nb.IsTest ? StudentVersion.VisiblePart(source.Source) : source.Source,
        nb.GradeId,
        IsStub: false);

    private static GradingCell Answer(CellKind kind, string studentSource, NotebookCell cell, NbgraderCell nb) => new(
        0,
        CellOrigin.Answer,
        kind == CellKind.Code && IsCSharp(cell),
        studentSource,
        studentSource,
        nb.GradeId,
        IsStub(studentSource));

    private static GradingCell Student(NotebookCell cell) => new(
        0, CellOrigin.Student, IsCSharp(cell), cell.Source, cell.Source, null, IsStub: false);

    private static bool IsCSharp(NotebookCell cell) =>
        cell.Kind == CellKind.Code && (cell.KernelName ?? NotebookCell.CSharpKernel) == NotebookCell.CSharpKernel;

    /// <summary>True when the release stub is still there: "// YOUR CODE HERE" then "throw new NotImplementedException();".</summary>
    public static bool IsStub(string source)
    {
        var lines = Markers.Lines(source).Select(l => l.Trim()).ToList();
        var at = lines.IndexOf(Markers.YourCodeHere);
        return at >= 0 && at + 1 < lines.Count && lines[at + 1] == Markers.NotImplementedStub;
    }
}
