namespace Course.Grading.Results;

/// <summary>
/// The gradebook's <c>status</c> of a submission (CONTRACT's vocabulary, written in snake case by
/// <see cref="SubmissionStatusNames.CsvName"/>).
/// </summary>
public enum SubmissionStatus
{
    /// <summary><c>graded</c>: the notebook ran and every point is decided.</summary>
    Graded,

    /// <summary><c>not_submitted</c>: no notebook was handed in for this assignment.</summary>
    NotSubmitted,

    /// <summary><c>unreadable</c>: the notebook could not be read, or none of its tests could be run.</summary>
    Unreadable,

    /// <summary><c>refused</c>: the policy refused it before anything ran.</summary>
    Refused,

    /// <summary><c>needs_manual_grade</c>: it ran, and answers wait for manual grading.</summary>
    NeedsManualGrade,
}

/// <summary>The gradebook's words for <see cref="SubmissionStatus"/>.</summary>
public static class SubmissionStatusNames
{
    /// <summary><c>graded</c>, <c>not_submitted</c>, <c>unreadable</c>, <c>refused</c> or <c>needs_manual_grade</c>.</summary>
    public static string CsvName(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Graded => "graded",
        SubmissionStatus.NotSubmitted => "not_submitted",
        SubmissionStatus.Unreadable => "unreadable",
        SubmissionStatus.Refused => "refused",
        _ => "needs_manual_grade",
    };
}

/// <summary>
/// The grade of one student's notebook for one assignment: every test's outcome, in the instructor's
/// cell order, a summary for the whole submission (e.g. why it could not run at all), and the graded
/// notebook's cells as feedback may show them.
/// </summary>
public sealed record SubmissionResult(
    string StudentId,
    string Assignment,
    IReadOnlyList<TestOutcome> Tests,
    string Summary,
    IReadOnlyList<GradedCell> Cells)
{
    /// <summary>Points earned (decimal: 0.1 + 0.2 is exactly 0.3).</summary>
    public decimal Score => Tests.Sum(t => t.Score);

    /// <summary>Points available, manually graded answers included.</summary>
    public decimal MaxScore => Tests.Sum(t => t.MaxScore);

    /// <summary>True when the notebook ran (even with failing tests); false when it could not be read or was refused.</summary>
    public bool Ran => Tests.Any(t => t.Status is not (TestStatus.NotRun or TestStatus.PendingManualGrade)) || Tests.All(t => t.Status == TestStatus.PendingManualGrade);

    /// <summary>Whether no notebook was handed in (set by the reader's verdict); decides <see cref="Status"/>.</summary>
    public bool NotSubmitted { get; init; }

    /// <summary>Whether the policy refused it; decides <see cref="Status"/>.</summary>
    public bool Refused { get; init; }

    /// <summary>The gradebook's status: not submitted, unreadable, refused, pending manual grading, or graded (first that applies).</summary>
    public SubmissionStatus Status =>
        NotSubmitted ? SubmissionStatus.NotSubmitted
        : Refused ? SubmissionStatus.Refused
        : !Ran ? SubmissionStatus.Unreadable
        : Tests.Any(t => t.Status == TestStatus.PendingManualGrade) ? SubmissionStatus.NeedsManualGrade
        : SubmissionStatus.Graded;
}
