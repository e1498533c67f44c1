using Course.Grading.Assignments;
using Course.Notebooks;

namespace Course.Grading.Release;

/// <summary>
/// Checks an instructor's notebook before anything is released or graded from it (nbgrader's
/// <c>CheckCellMetadata</c>): unique grade_ids, points on every test cell, balanced solution and
/// hidden-test markers, markers only in the cells they belong to.
/// </summary>
public static class ExerciseMetadataValidator
{
    /// <summary>Every problem, in cell order; empty when the notebook can be released.</summary>
    public static IReadOnlyList<string> Problems(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            NbgraderCell? nb;
            try
            {
                nb = cell.Nbgrader;
            }
            catch (NotebookFormatException ex)
            {
                problems.Add($"cell {i + 1}: {ex.Problem}");
                continue;
            }

            var where = nb is null ? $"cell {i + 1}" : $"cell {i + 1} (grade_id '{nb.GradeId}')";
            void Problem(string text) => problems.Add($"{where}: {text}");

            var solutionMarkers = Markers.CheckBalanced(cell.Source, Markers.BeginSolution, Markers.EndSolution);
            if (solutionMarkers is not null)
            {
                Problem("unbalanced solution markers, " + solutionMarkers);
            }

            var hiddenMarkers = Markers.CheckBalanced(cell.Source, Markers.BeginHiddenTests, Markers.EndHiddenTests);
            if (hiddenMarkers is not null)
            {
                Problem("unbalanced hidden-test markers, " + hiddenMarkers);
            }

            var hasSolution = Markers.Lines(cell.Source).Any(l => Markers.Is(l, Markers.BeginSolution));
            var hasHidden = Markers.Lines(cell.Source).Any(l => Markers.Is(l, Markers.BeginHiddenTests));
            if (nb is null)
            {
                if (hasSolution)
                {
                    Problem("solution markers in a cell that is not an answer cell (metadata.nbgrader.solution is not true)");
                }

                if (hasHidden)
                {
                    Problem("hidden-test markers in a cell that is not a test cell");
                }

                continue;
            }

            if (seen.TryGetValue(nb.GradeId, out var first))
            {
                Problem($"duplicate grade_id, already used by cell {first}");
            }
            else
            {
                seen[nb.GradeId] = i + 1;
            }

            if (nb.Grade && nb.Points is null)
            {
                Problem(nb.Solution
                    ? "a manually graded answer (grade: true, solution: true) without points"
                    : "a test cell (grade: true) without points");
            }

            if (nb.Points is < 0)
            {
                Problem("negative points");
            }

            if (hasSolution && !nb.Solution)
            {
                Problem("solution markers in a cell that is not an answer cell (metadata.nbgrader.solution is not true)");
            }

            if (hasHidden && !nb.IsTest)
            {
                Problem("hidden-test markers in a cell that is not a test cell");
            }

            if (nb.IsTest && cell.Kind != CellKind.Code)
            {
                Problem("a test cell must be a code cell");
            }
        }

        return problems;
    }

    /// <summary>Throws <see cref="AssignmentFormatException"/> naming the file and the first problem.</summary>
    public static void Validate(Notebook notebook, string sourceName)
    {
        var problems = Problems(notebook);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" (and {problems.Count - 1} more)" : string.Empty;
            throw new AssignmentFormatException($"{sourceName}: {problems[0]}{more}");
        }
    }
}
