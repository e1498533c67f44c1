using Course.Grading.Assignments;
using Course.Notebooks;

namespace Course.Grading.Release;

/// <summary>One student version written by <see cref="ReleaseCommand"/>.</summary>
public sealed record ReleasedNotebook(string SourcePath, string StudentPath, int Answers, int Tests, int HiddenTests);

/// <summary>
/// <c>course release</c>: every source notebook is read and validated first; only when all are sound
/// is any student version written (atomically), so bad input changes nothing.
/// </summary>
public static class ReleaseCommand
{
    public static IReadOnlyList<ReleasedNotebook> Run(string sourceFileOrFolder, string outFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceFileOrFolder);
        ArgumentException.ThrowIfNullOrEmpty(outFolder);
        var sources = File.Exists(sourceFileOrFolder)
            ? [Path.GetFullPath(sourceFileOrFolder)]
            : Directory.Exists(sourceFileOrFolder)
                ? Directory.GetFiles(sourceFileOrFolder, "*.ipynb").Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList()
                : throw new AssignmentFormatException($"{sourceFileOrFolder}: no such notebook or folder");
        if (sources.Count == 0)
        {
            throw new AssignmentFormatException($"{sourceFileOrFolder}: no .ipynb notebooks in this folder");
        }

        var outFull = Path.GetFullPath(outFolder);
        var planned = new List<(string Source, string Target, Notebook Student, ReleasedNotebook Summary)>();
        foreach (var source in sources)
        {
            var target = Path.Combine(outFull, Path.GetFileName(source));
            if (string.Equals(target, source, StringComparison.Ordinal))
            {
                throw new AssignmentFormatException($"{source}: --out would overwrite the source notebook with its student version");
            }

            Notebook notebook;
            try
            {
                notebook = Notebook.Load(source);
            }
            catch (NotebookFormatException ex)
            {
                throw new AssignmentFormatException(ex.Message);
            }

            var student = StudentVersion.Create(notebook, Path.GetFileName(source));
            var cells = notebook.Cells.Select(c => c.Nbgrader).Where(n => n is not null).ToList();
            planned.Add((source, target, student, new ReleasedNotebook(
                source,
                target,
                cells.Count(n => n!.Solution),
                cells.Count(n => n!.IsTest),
                notebook.Cells.Count(c => c.Nbgrader is { IsTest: true } && StudentVersion.HasHiddenTests(c.Source)))));
        }

        Directory.CreateDirectory(outFull);
        foreach (var (_, target, student, _) in planned)
        {
            student.Save(target);
        }

        return planned.Select(p => p.Summary).ToList();
    }
}
