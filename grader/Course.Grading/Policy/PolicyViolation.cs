namespace Course.Grading.Policy;

/// <summary>
/// One use of something students may not do in a graded notebook, found before anything runs.
/// </summary>
/// <param name="Api">The API or construct, fully named (e.g. <c>System.IO.File.Delete</c>).</param>
/// <param name="Rule">Why it is refused, in words a student understands.</param>
/// <param name="Line">The 1-based line in the cell.</param>
public sealed record PolicyViolation(string Api, string Rule, int Line)
{
    /// <summary>
    /// For the last entry of a cell with more violations than are reported
    /// (<see cref="SubmissionPolicy.MaxViolationsPerCell"/>): how many were left out; 0 otherwise.
    /// </summary>
    public int More { get; init; }

    /// <summary>The entry that stands for <paramref name="count"/> violations left out, from <paramref name="line"/> on.</summary>
    public static PolicyViolation AndMore(int count, int line) =>
        new("...", $"and {count} more", line) { More = count };

    /// <summary>"line 3: System.IO.File.Delete is not allowed (...)", or "line 90: ... and 12 more not allowed".</summary>
    public override string ToString() =>
        More > 0 ? $"line {Line}: ... and {More} more not allowed" : $"line {Line}: {Api} is not allowed ({Rule})";
}
