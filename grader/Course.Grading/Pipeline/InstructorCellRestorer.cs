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
/// the student's source, and take their cell type and kernel from the instructor's notebook, as nbgrader
/// does (an answer switched to markdown in the editor still runs as code). An answer the student split
/// into several cells sharing its grade_id is one answer spread over those cells. A cell whose nbgrader
/// metadata an editor stripped is matched by the cell id that release keeps. Cells the student added,
/// and cells whose grade_id is unknown or repeats a test or locked cell, are plain student cells:
/// faking a test's metadata earns nothing.
/// </summary>
public static class InstructorCellRestorer
{
    /// <summary>The note on restored answers when the submission has no nbgrader metadata left to match.</summary>
    public const string MetadataGone =
        "your notebook has lost its nbgrader metadata (an editor may have stripped it), and its cells do not carry the cell ids of the released notebook, so your answers could not be found; hand in the released notebook with your answers in its answer cells";

    public static IReadOnlyList<GradingCell> Restore(Assignment assignment, Notebook submission)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(submission);
        var sourceCells = assignment.Source.Cells;
        var graded = sourceCells
            .Select((cell, index) => (cell, index, nb: TryNbgrader(cell)))
            .Where(x => x.nb is not null)
            .ToList();
        var sourceById = graded
            .GroupBy(x => x.nb!.GradeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().cell, g.First().index, g.First().nb!), StringComparer.Ordinal);
        var gradeIdByCellId = graded
            .Where(x => x.cell.Id is not null)
            .GroupBy(x => x.cell.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().nb!.GradeId, StringComparer.Ordinal);

        var built = new List<(GradingCell Cell, int? SourceIndex)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var matchedAny = false;
        foreach (var cell in submission.Cells)
        {
            var gradeId = TryNbgrader(cell)?.GradeId
                ?? (cell.Id is { } id && gradeIdByCellId.TryGetValue(id, out var byCellId) ? byCellId : null);
            if (gradeId is not null && sourceById.TryGetValue(gradeId, out var match))
            {
                var (sourceCell, sourceIndex, sourceNb) = match;
                var fromInstructor = !sourceNb.Solution && (sourceNb.IsTest || sourceNb.Locked);
                if (seen.Add(gradeId))
                {
                    matchedAny = true;
                    built.Add((fromInstructor
                        ? FromInstructor(sourceCell, sourceNb)
                        : Answer(sourceCell, cell.Source, sourceNb), sourceIndex));
                    continue;
                }

                if (sourceNb.Solution)
                {
                    // A split answer: the next part of the same answer.
                    built.Add((Answer(sourceCell, cell.Source, sourceNb), sourceIndex));
                    continue;
                }
            }

            built.Add((Student(cell), null));
        }

        // Put back what the student deleted, after the grade cell that precedes it in the instructor's notebook.
        for (var i = 0; i < sourceCells.Count; i++)
        {
            var nb = TryNbgrader(sourceCells[i]);
            if (nb is null || seen.Contains(nb.GradeId))
            {
                continue;
            }

            var restored = !nb.Solution && (nb.IsTest || nb.Locked)
                ? FromInstructor(sourceCells[i], nb)
                : nb.Solution ? Answer(sourceCells[i], StudentVersion.StubFor(sourceCells[i]), nb) with { Note = matchedAny ? null : MetadataGone } : null;
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

    // The instructor's cell decides the type and kernel: the student's source runs as the instructor's cell would.
    private static GradingCell Answer(NotebookCell sourceCell, string studentSource, NbgraderCell nb) => new(
        0,
        CellOrigin.Answer,
        IsCSharp(sourceCell),
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
