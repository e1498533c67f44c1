namespace Course.Grading.Results;

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
    /// <summary>Points earned.</summary>
    public double Score => Tests.Sum(t => t.Score);

    /// <summary>Points available.</summary>
    public double MaxScore => Tests.Sum(t => t.MaxScore);

    /// <summary>True when the notebook ran (even with failing tests); false when it could not be read or was refused.</summary>
    public bool Ran => Tests.Any(t => t.Status is not TestStatus.NotRun) || Tests.Count == 0;
}
