namespace Course.Grading.Results;

/// <summary>Who wrote a cell of the graded notebook, which decides what feedback may show of it.</summary>
public enum CellOrigin
{
    /// <summary>Text or code the instructor wrote and the student had (markdown, locked and set-up cells).</summary>
    Instructor,

    /// <summary>An answer cell: the student's code.</summary>
    Answer,

    /// <summary>A test cell: feedback shows only its visible part and its outcome.</summary>
    Test,

    /// <summary>A cell the student added.</summary>
    Student,
}

/// <summary>
/// A cell of the graded notebook as feedback shows it: never a hidden test or a solution. Outputs are
/// plain text (student HTML is never rendered).
/// </summary>
/// <param name="Kind">"code" or "markdown" (raw cells are shown as code).</param>
/// <param name="Origin">Who wrote it.</param>
/// <param name="Source">What the student may see of its source.</param>
/// <param name="GradeId">Its grade_id, if any.</param>
/// <param name="Outputs">Its text outputs, capped.</param>
/// <param name="Error">Its error, if it failed.</param>
public sealed record GradedCell(string Kind, CellOrigin Origin, string Source, string? GradeId, IReadOnlyList<string> Outputs, string? Error);
