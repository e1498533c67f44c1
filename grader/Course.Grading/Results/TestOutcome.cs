namespace Course.Grading.Results;

/// <summary>How one test cell ended.</summary>
public enum TestStatus
{
    /// <summary>Ran without throwing: full points.</summary>
    Passed,

    /// <summary>Threw, did not compile, timed out or crashed its worker: no points.</summary>
    Failed,

    /// <summary>Its exercise's answer still holds the release stub: no points.</summary>
    NotAttempted,

    /// <summary>Never ran (the notebook could not be read, was refused, or ran out of time): no points.</summary>
    NotRun,

    /// <summary>A manually graded answer: never scored by the grader, its points wait for the instructor.</summary>
    PendingManualGrade,
}

/// <summary>
/// One graded test cell (or manually graded answer): what it was worth, what it earned and why, in words
/// for the student. Points are decimal, as written in the notebook: 0.1 + 0.2 is 0.3.
/// </summary>
/// <param name="GradeId">The test cell's grade_id in the instructor's notebook.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points the test is worth.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">The test's own message when it failed (exception message), or why it did not run.</param>
/// <param name="HasHiddenTests">The test holds hidden tests, so its outcome is shown only once grades are published.</param>
public sealed record TestOutcome(string GradeId, decimal Score, decimal MaxScore, TestStatus Status, string Message, bool HasHiddenTests);
