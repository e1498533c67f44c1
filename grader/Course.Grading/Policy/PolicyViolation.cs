namespace Course.Grading.Policy;

/// <summary>
/// One use of something students may not do in a graded notebook, found before anything runs.
/// </summary>
/// <param name="Api">The API or construct, fully named (e.g. <c>System.IO.File.Delete</c>).</param>
/// <param name="Rule">Why it is refused, in words a student understands.</param>
/// <param name="Line">The 1-based line in the cell.</param>
public sealed record PolicyViolation(string Api, string Rule, int Line)
{
    /// <summary>"line 3: System.IO.File.Delete is not allowed (...)".</summary>
    public override string ToString() => $"line {Line}: {Api} is not allowed ({Rule})";
}
