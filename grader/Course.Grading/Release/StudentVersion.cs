using Course.Grading.Assignments;
using Course.Notebooks;

namespace Course.Grading.Release;

/// <summary>
/// Makes the student version of an instructor's notebook, like nbgrader's <c>generate_assignment</c>:
/// solutions become stubs, hidden tests disappear, outputs and execution counts are cleared, and the
/// nbgrader metadata stays so that grading can match cells by grade_id. Pure: the same source always
/// gives the same bytes. Before a version is returned, <see cref="ReleaseVerifier"/> reads it back and
/// refuses it if any solution or hidden-test line, or a marker, would reach the student.
/// </summary>
public static class StudentVersion
{
    private static readonly string[] CodeStub = [Markers.YourCodeHere, Markers.NotImplementedStub];

    /// <summary>The student version of a validated source notebook (the source is not changed).</summary>
    public static Notebook Create(Notebook source, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ExerciseMetadataValidator.Validate(source, sourceName);
        var student = source.Clone();
        foreach (var cell in student.Cells)
        {
            ReleaseCell(cell);
        }

        var leaks = ReleaseVerifier.Leaks(source, student);
        if (leaks.Count > 0)
        {
            var more = leaks.Count > 1 ? $" (and {leaks.Count - 1} more)" : string.Empty;
            throw new AssignmentFormatException($"{sourceName}: release refused, nothing written: {leaks[0]}{more}");
        }

        return student;
    }

    /// <summary>One cell's student version (answer → stub, test → visible part, outputs cleared).</summary>
    public static void ReleaseCell(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var nb = cell.Nbgrader;
        if (nb is { Solution: true })
        {
            cell.Source = StubFor(cell);
        }
        else if (nb is { IsTest: true })
        {
            cell.Source = VisiblePart(cell.Source);
        }

        if (cell.Kind == CellKind.Code)
        {
            cell.ClearOutputs();
        }
    }

    /// <summary>The answer cell's source with each solution region replaced by the stub (the whole source when it has none).</summary>
    public static string StubFor(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var stub = cell.Kind == CellKind.Code ? CodeStub : [Markers.YourAnswerHere];
        var hasRegion = Markers.Lines(cell.Source).Any(l => Markers.Is(l, Markers.BeginSolution));
        return hasRegion
            ? Markers.ReplaceRegions(cell.Source, Markers.BeginSolution, Markers.EndSolution, stub)
            : string.Join('\n', stub);
    }

    /// <summary>A test cell's source without its hidden tests.</summary>
    public static string VisiblePart(string source) =>
        Markers.ReplaceRegions(source, Markers.BeginHiddenTests, Markers.EndHiddenTests, []);

    /// <summary>True when a test cell has hidden tests.</summary>
    public static bool HasHiddenTests(string source) =>
        Markers.Lines(source).Any(l => Markers.Is(l, Markers.BeginHiddenTests));
}
