using Course.Grading.Release;
using Course.Notebooks;

namespace Course.Grading.Assignments;

/// <summary>
/// One graded cell of an assignment: a test cell (0 points for a practice test), or a manually graded
/// answer (<paramref name="Manual"/>), which the grader never scores. Points are decimal, as written.
/// </summary>
public sealed record AssignmentTest(string GradeId, decimal Points, bool HasHiddenTests, bool Manual = false);

/// <summary>
/// An instructor's source notebook, validated, as grading uses it: its name (the file name without
/// <c>.ipynb</c>, the same as every student's submission), its test cells in notebook order and the
/// total points. Hidden tests and solutions stay in <see cref="Source"/>, which never leaves the grader.
/// </summary>
public sealed class Assignment
{
    private Assignment(string name, string path, Notebook source, string sourceText)
    {
        Name = name;
        SourcePath = path;
        Source = source;
        SourceText = sourceText;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Tests = source.Cells
            .Select(c => (Cell: c, Nb: TryNbgrader(c)))
            .Where(x => x.Nb is { IsTest: true } or { IsManuallyGraded: true } && seen.Add(x.Nb.GradeId))
            .Select(x => new AssignmentTest(x.Nb!.GradeId, ToDecimal(x.Nb.Points!.Value), x.Nb.IsTest && StudentVersion.HasHiddenTests(x.Cell.Source), x.Nb.IsManuallyGraded))
            .ToList();
    }

    /// <summary>The assignment's name: the notebook's file name without extension.</summary>
    public string Name { get; }

    /// <summary>The notebook's file name, as students hand it in.</summary>
    public string FileName => Name + ".ipynb";

    /// <summary>Where the instructor's notebook was read from.</summary>
    public string SourcePath { get; }

    /// <summary>The instructor's notebook, with solutions and hidden tests.</summary>
    public Notebook Source { get; }

    /// <summary>The instructor's notebook's exact text (part of each result's cache key).</summary>
    public string SourceText { get; }

    /// <summary>The test cells, in notebook order.</summary>
    public IReadOnlyList<AssignmentTest> Tests { get; }

    /// <summary>Total points, manually graded answers included.</summary>
    public decimal MaxScore => Tests.Sum(t => t.Points);

    /// <summary>
    /// Points as the notebook wrote them: JSON's 0.1 is read as the double nearest to it, which converts
    /// back to exactly 0.1m (15 significant digits), so sums print as people expect (0.1 + 0.2 = 0.3).
    /// </summary>
    public static decimal ToDecimal(double points) => (decimal)points;

    private static NbgraderCell? TryNbgrader(NotebookCell cell)
    {
        try
        {
            return cell.Nbgrader;
        }
        catch (NotebookFormatException)
        {
            return null;
        }
    }

    /// <summary>Reads and validates an instructor's notebook; bad input throws a one-line <see cref="AssignmentFormatException"/>.</summary>
    public static Assignment Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Notebook notebook;
        string text;
        try
        {
            text = File.ReadAllText(path);
            notebook = Notebook.Parse(text, Path.GetFileName(path));
        }
        catch (NotebookFormatException ex)
        {
            throw new AssignmentFormatException(ex.Message);
        }
        catch (IOException ex)
        {
            throw new AssignmentFormatException($"{path}: {ex.Message}");
        }

        ExerciseMetadataValidator.Validate(notebook, Path.GetFileName(path));
        var assignment = new Assignment(Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path), notebook, text);
        if (assignment.Tests.Count == 0)
        {
            throw new AssignmentFormatException($"{Path.GetFileName(path)}: no test cells (grade: true, solution: false, points >= 0) and no manually graded answers, nothing to grade");
        }

        return assignment;
    }

    /// <summary>
    /// A student's own notebook as an assignment (for <c>course check</c>): its tests are the visible ones it
    /// holds. Not validated as an instructor's notebook is: <c>check</c> accepts every notebook that
    /// <c>grade</c> accepts (a split answer repeating its grade_id, stray markers, a repeated test: the
    /// first cell of a grade_id counts, as at grading).
    /// </summary>
    public static Assignment FromStudentNotebook(Notebook notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new Assignment(Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path), notebook, string.Empty);
    }

    /// <summary>Every <c>.ipynb</c> in a file or folder (not recursive, sorted), as assignments.</summary>
    public static IReadOnlyList<Assignment> LoadAll(string fileOrFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileOrFolder);
        if (File.Exists(fileOrFolder))
        {
            return [Load(fileOrFolder)];
        }

        if (!Directory.Exists(fileOrFolder))
        {
            throw new AssignmentFormatException($"{fileOrFolder}: no such notebook or folder");
        }

        var files = Directory.GetFiles(fileOrFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new AssignmentFormatException($"{fileOrFolder}: no .ipynb notebooks in this folder");
        }

        return files.Select(Load).ToList();
    }
}
