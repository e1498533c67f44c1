using System.Text.Json.Nodes;

namespace Course.Notebooks;

/// <summary>
/// nbgrader's per-cell metadata (<c>metadata.nbgrader</c>, schema version 3): which exercise a cell
/// belongs to and what role it plays.
/// </summary>
/// <param name="GradeId">Unique name of the cell in its notebook (<c>grade_id</c>).</param>
/// <param name="Grade">The cell is graded (<c>grade</c>): a test cell, or a manually graded answer.</param>
/// <param name="Solution">The cell holds the student's answer (<c>solution</c>).</param>
/// <param name="Locked">The student may not change the cell (<c>locked</c>); the grader restores it.</param>
/// <param name="Points">Points the cell is worth (<c>points</c>), when graded.</param>
/// <param name="SchemaVersion">nbgrader's metadata schema (<c>schema_version</c>), 3 today.</param>
public sealed record NbgraderCell(string GradeId, bool Grade, bool Solution, bool Locked, double? Points, int SchemaVersion = 3)
{
    /// <summary>An answer cell: the student writes here.</summary>
    public bool IsAnswer => Solution;

    /// <summary>
    /// An autograded test cell: passes if it runs without throwing, worth <see cref="Points"/>. As in
    /// nbgrader and Otter, 0 points is allowed: a practice test that runs and is shown, scoring 0 of 0.
    /// </summary>
    public bool IsTest => Grade && !Solution && Points >= 0;

    /// <summary>
    /// nbgrader's manually graded answer (<c>solution: true</c>, <c>grade: true</c>, <c>points &gt; 0</c>, code
    /// or markdown): released with its stub, never scored by the autograder, left to the instructor.
    /// </summary>
    public bool IsManuallyGraded => Grade && Solution && Points > 0;

    /// <summary>Reads <c>metadata.nbgrader</c>; null when the cell has none.</summary>
    internal static NbgraderCell? From(JsonObject cellMetadata, Func<string, NotebookFormatException> error)
    {
        if (!cellMetadata.TryGetPropertyValue("nbgrader", out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonObject nb)
        {
            throw error("metadata.nbgrader must be an object");
        }

        var gradeId = nb["grade_id"] is JsonValue id && id.TryGetValue<string>(out var s) ? s : null;
        if (gradeId is null && nb["grade_id"] is not null)
        {
            throw error("metadata.nbgrader.grade_id must be a string");
        }

        if (string.IsNullOrEmpty(gradeId))
        {
            throw error("metadata.nbgrader has no grade_id");
        }

        return new NbgraderCell(
            gradeId,
            Bool(nb, "grade", error),
            Bool(nb, "solution", error),
            Bool(nb, "locked", error),
            Number(nb, "points", error),
            (int?)Number(nb, "schema_version", error) ?? 3);
    }

    /// <summary>Writes this record into <c>metadata.nbgrader</c>, keeping any other keys already there.</summary>
    internal void WriteTo(JsonObject cellMetadata)
    {
        var nb = cellMetadata["nbgrader"] as JsonObject ?? [];
        nb["grade_id"] = GradeId;
        nb["grade"] = Grade;
        nb["solution"] = Solution;
        nb["locked"] = Locked;
        if (Points is { } points)
        {
            nb["points"] = points == Math.Floor(points) && Math.Abs(points) < 1e15 ? JsonValue.Create((long)points) : JsonValue.Create(points);
        }
        else
        {
            nb.Remove("points");
        }

        nb["schema_version"] = SchemaVersion;
        cellMetadata["nbgrader"] = nb;
    }

    private static bool Bool(JsonObject nb, string key, Func<string, NotebookFormatException> error) => nb[key] switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw error($"metadata.nbgrader.{key} must be true or false"),
    };

    private static double? Number(JsonObject nb, string key, Func<string, NotebookFormatException> error) => nb[key] switch
    {
        null => null,
        // Parsed JSON holds a JsonElement (any number reads as double); values set in code hold the
        // CLR type they were created with, e.g. the long that writing a whole number of points stores.
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => throw error($"metadata.nbgrader.{key} must be a number"),
    };
}
