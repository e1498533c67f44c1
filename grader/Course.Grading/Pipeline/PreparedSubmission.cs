using Course.Engine.Runtime;
using Course.Grading.Policy;

namespace Course.Grading.Pipeline;

/// <summary>A graded cell after compilation: its image, or the run that says why it cannot run.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Compiled">Its compiled image, when it compiled (null for markdown and failed cells).</param>
/// <param name="CompileFailure">The compile error as a failed run, when it did not compile.</param>
/// <param name="DependsOn">The earlier cells (indices) whose declarations it uses, directly or through them.</param>
public sealed record PreparedCell(GradingCell Cell, CompiledCell? Compiled, CellRun? CompileFailure, IReadOnlySet<int>? DependsOn = null);

/// <summary>A policy violation with the cell it is in.</summary>
public sealed record CellViolation(GradingCell Cell, PolicyViolation Violation)
{
    /// <summary>"cell 4 (count-yes), line 3: System.IO.File.Delete is not allowed (...)".</summary>
    public override string ToString() => $"{Cell.Name}, {Violation}";
}

/// <summary>The whole submission, compiled and checked, ready for a worker (or refused).</summary>
public sealed record PreparedSubmission(IReadOnlyList<PreparedCell> Cells, IReadOnlyList<CellViolation> Violations)
{
    /// <summary>What each compiled instructor cell (by index) binds to; see <see cref="TestBinding"/>.</summary>
    public IReadOnlyDictionary<int, BindingFingerprint> Fingerprints { get; init; } = new Dictionary<int, BindingFingerprint>();

    /// <summary>True when the policy refused the submission: nothing of it runs.</summary>
    public bool Refused => Violations.Count > 0;

    /// <summary>One line naming every violation (API, cell and line).</summary>
    public string RefusalReason => "refused before running, because it uses what a graded notebook may not: " + string.Join("; ", Violations.Select(v => v.ToString()));
}

/// <summary>What the instructor's own test and locked cells bind to in the instructor's notebook, by grade_id.</summary>
/// <param name="Fingerprints">One per instructor cell that compiled.</param>
public sealed record BindingReference(IReadOnlyDictionary<string, BindingFingerprint> Fingerprints);
