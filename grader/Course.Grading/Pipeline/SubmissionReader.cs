using Course.Notebooks;

namespace Course.Grading.Pipeline;

/// <summary>What reading a submission gave: a notebook, or why there is none (<paramref name="Missing"/>: none was handed in).</summary>
public sealed record SubmissionRead(Notebook? Notebook, string Text, string? Problem, bool Missing = false);

/// <summary>
/// Step 1: reads <c>&lt;submissions&gt;/&lt;student&gt;/&lt;assignment&gt;.ipynb</c>. A missing, oversized, corrupt
/// or non-notebook file is not an error of the grader: it becomes the reason on the student's row.
/// </summary>
public static class SubmissionReader
{
    /// <summary>Larger files are not read (a notebook of answers is a few hundred kilobytes).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Where the student's notebook is: <c>&lt;student&gt;/&lt;file&gt;</c>, else the only
    /// <c>&lt;student&gt;/&lt;one folder&gt;/&lt;file&gt;</c> (an archive unpacked into a folder of its own); null when neither.
    /// </summary>
    public static string? Locate(string studentFolder, string fileName)
    {
        ArgumentNullException.ThrowIfNull(studentFolder);
        ArgumentNullException.ThrowIfNull(fileName);
        var path = Path.Combine(studentFolder, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(studentFolder))
        {
            return null;
        }

        var deeper = Directory.GetDirectories(studentFolder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(d => Path.Combine(d, fileName))
            .Where(File.Exists)
            .ToList();
        return deeper.Count == 1 ? deeper[0] : null;
    }

    public static SubmissionRead Read(string studentFolder, string fileName)
    {
        ArgumentNullException.ThrowIfNull(studentFolder);
        ArgumentNullException.ThrowIfNull(fileName);
        var path = Locate(studentFolder, fileName);
        if (path is null)
        {
            var others = Directory.Exists(studentFolder)
                ? Directory.GetFiles(studentFolder).Select(Path.GetFileName)
                    .Concat(Directory.GetDirectories(studentFolder).SelectMany(d => Directory.GetFiles(d, "*.ipynb").Select(f => Path.GetFileName(d) + "/" + Path.GetFileName(f))))
                    .Order(StringComparer.Ordinal).ToList()
                : [];
            return new SubmissionRead(null, string.Empty, others.Count == 0
                ? $"no {fileName} was handed in (the folder is empty)"
                : $"no {fileName} was handed in (found: {string.Join(", ", others.Take(5))}; a notebook is graded only under its assignment's file name)", Missing: true);
        }

        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            return new SubmissionRead(null, string.Empty, $"{fileName} is {length / (1024 * 1024)} MB, more than the {MaxBytes / (1024 * 1024)} MB a notebook may have");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            return new SubmissionRead(null, string.Empty, $"{fileName} could not be read: {ex.Message}");
        }

        try
        {
            return new SubmissionRead(Notebook.Parse(text, fileName), text, null);
        }
        catch (NotebookFormatException ex)
        {
            return new SubmissionRead(null, text, $"{fileName} is not a readable Jupyter notebook: {ex.Problem}");
        }
    }
}
