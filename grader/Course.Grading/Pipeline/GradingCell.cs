using Course.Grading.Results;

namespace Course.Grading.Pipeline;

/// <summary>
/// A cell of the notebook that is graded: the submission's answers and own cells, with the instructor's
/// test and locked cells put back by grade_id.
/// </summary>
/// <param name="Index">0-based position in the graded notebook.</param>
/// <param name="Origin">Who wrote it.</param>
/// <param name="IsCode">True for a C# code cell (the only cells that run).</param>
/// <param name="Source">The source that runs (for a test cell: with its hidden tests).</param>
/// <param name="VisibleSource">What feedback may show (for a test cell: without hidden tests).</param>
/// <param name="GradeId">Its grade_id, for cells matched with the instructor's notebook.</param>
/// <param name="IsStub">An answer cell that still holds the release stub.</param>
/// <param name="Note">Why an answer is the stub although the student may have written one (e.g. the notebook lost its nbgrader metadata), for the student; null otherwise.</param>
public sealed record GradingCell(int Index, CellOrigin Origin, bool IsCode, string Source, string VisibleSource, string? GradeId, bool IsStub, string? Note = null)
{
    /// <summary>"cell 4" or "cell 4 (count-yes)", as messages name it (1-based).</summary>
    public string Name => GradeId is null ? $"cell {Index + 1}" : $"cell {Index + 1} ({GradeId})";
}
