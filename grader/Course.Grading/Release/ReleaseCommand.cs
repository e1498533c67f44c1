using Course.Grading.Assignments;
using Course.Notebooks;

namespace Course.Grading.Release;

/// <summary>One student version written by <see cref="ReleaseCommand"/>.</summary>
public sealed record ReleasedNotebook(string SourcePath, string StudentPath, int Answers, int Tests, int HiddenTests);

/// <summary>
/// <c>course release</c>: every source notebook is read and validated first; only when all are sound
/// is any student version written (atomically), so bad input changes nothing. A notebook already in the
/// output folder that differs from the student version about to replace it (a learner's answers, or a
/// release from an older source) is never overwritten unless <c>force</c> is set: the whole release is refused
/// and the message names those notebooks.
/// </summary>
public static class ReleaseCommand
{
    public static IReadOnlyList<ReleasedNotebook> Run(string sourceFileOrFolder, string outFolder, bool force = false)
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

        if (!force)
        {
            var edited = planned.Where(p => File.Exists(p.Target) && !SameNotebookText(File.ReadAllText(p.Target), p.Student.ToJson()))
                .Select(p => Path.GetFileName(p.Target))
                .ToList();
            if (edited.Count > 0)
            {
                throw new AssignmentFormatException(
                    $"{outFolder}: {string.Join(", ", edited)} differ{(edited.Count == 1 ? "s" : string.Empty)} from the student version " +
                    "(edited by a learner, or released from an older source); nothing written. Release into another folder, or add --force to replace them");
            }
        }

        Directory.CreateDirectory(outFull);
        foreach (var (_, target, student, _) in planned)
        {
            student.Save(target);
        }

        return planned.Select(p => p.Summary).ToList();
    }

    /// <summary>Equal as notebooks text, whatever the line endings (git may check out CRLF on Windows).</summary>
    private static bool SameNotebookText(string existing, string released) =>
        string.Equals(existing.Replace("\r\n", "\n", StringComparison.Ordinal), released.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
}
