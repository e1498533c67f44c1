using Course.Notebooks;

namespace Course.Grading.Pipeline;

/// <summary>What reading a submission gave: a notebook, or why there is none.</summary>
/// <param name="Notebook">The notebook, when it could be read.</param>
/// <param name="Bytes">The file's bytes as read (empty when nothing was read): part of the result's cache key.</param>
/// <param name="Problem">Why there is no notebook, in one line for the student's row.</param>
/// <param name="Missing">True when nothing was handed in under the assignment's file name.</param>
public sealed record SubmissionRead(Notebook? Notebook, byte[] Bytes, string? Problem, bool Missing = false);

/// <summary>
/// Step 1: reads <c>&lt;submissions&gt;/&lt;student&gt;/&lt;assignment&gt;.ipynb</c> without trusting it. A missing,
/// linked, special, oversized, unreadable, corrupt or hostile file is not an error of the grader: it becomes
/// the reason on the student's row. Symbolic links (the folder or the notebook) are refused, so a link to
/// the instructor's notebook or to a file of the grader's is never read; anything but a regular, non-empty
/// file is refused before it is opened, so a FIFO or a device cannot stall the batch; the size is checked
/// before reading, and the notebook must keep to <see cref="Limits"/>. Never throws for bad input.
/// </summary>
public static class SubmissionReader
{
    /// <summary>Larger files are not read (a notebook of answers is a few hundred kilobytes).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Names of other files quoted in the "not handed in" reason, and their length.</summary>
    private const int QuotedNames = 5;
    private const int QuotedNameChars = 60;

    /// <summary>
    /// What a submitted notebook may hold (the course's own notebooks have at most about 40 cells, 25 of
    /// them code, 4,000 characters in a cell and 40,000 in all): 1,000 cells, 300 code cells, 100,000
    /// characters of source per cell and 1,000,000 in all, 1,000,000 JSON values, 64 levels of nesting,
    /// grade_ids of at most 128 printable characters. Outputs are dropped unread: every cell is rerun.
    /// </summary>
    public static NotebookLimits Limits { get; } = new()
    {
        MaxDepth = 64,
        MaxJsonTokens = 1_000_000,
        MaxCells = 1_000,
        MaxCodeCells = 300,
        MaxCellSourceChars = 100_000,
        MaxTotalSourceChars = 1_000_000,
        MaxGradeIdLength = 128,
        PrintableGradeIds = true,
        KeepOutputs = false,
    };

    /// <summary>
    /// Where the student's notebook is: <c>&lt;student&gt;/&lt;file&gt;</c>, else the only
    /// <c>&lt;student&gt;/&lt;one folder&gt;/&lt;file&gt;</c> (an archive unpacked into a folder of its own; a
    /// folder that is a symbolic link is not looked into); null when neither.
    /// </summary>
    public static string? Locate(string studentFolder, string fileName)
    {
        ArgumentNullException.ThrowIfNull(studentFolder);
        ArgumentNullException.ThrowIfNull(fileName);
        var path = Path.Combine(studentFolder, fileName);
        if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            return path;
        }

        if (!Directory.Exists(studentFolder))
        {
            return null;
        }

        var deeper = new DirectoryInfo(studentFolder).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.') && d.LinkTarget is null)
            .Take(50)
            .Select(d => Path.Combine(d.FullName, fileName))
            .Where(File.Exists)
            .ToList();
        return deeper.Count == 1 ? deeper[0] : null;
    }

    /// <summary>Reads the notebook <paramref name="fileName"/> in <paramref name="studentFolder"/> (or one folder deeper); never throws for bad input.</summary>
    public static SubmissionRead Read(string studentFolder, string fileName)
    {
        ArgumentNullException.ThrowIfNull(studentFolder);
        ArgumentNullException.ThrowIfNull(fileName);
        try
        {
            return ReadChecked(studentFolder, fileName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // The file system changed or refused between two checks: still the submission's row, never a crash.
            return Unreadable($"{fileName} could not be read ({Describe(ex)})");
        }
    }

    private static SubmissionRead ReadChecked(string studentFolder, string fileName)
    {
        if (new DirectoryInfo(studentFolder).LinkTarget is not null)
        {
            return Unreadable("the student's folder is a symbolic link, which is refused: hand in a folder holding the notebook itself");
        }

        if (!Directory.Exists(studentFolder))
        {
            return new SubmissionRead(null, [], "the student's folder is not a folder", Missing: true);
        }

        var path = Locate(studentFolder, fileName) ?? Path.Combine(studentFolder, fileName);
        var file = new FileInfo(path);
        if (file.LinkTarget is not null)
        {
            return Unreadable($"{fileName} is a symbolic link, which is refused: hand in the notebook itself");
        }

        if (Directory.Exists(path))
        {
            return Unreadable($"{fileName} is a folder, not a notebook file");
        }

        if (!file.Exists)
        {
            var others = Directory.EnumerateFileSystemEntries(studentFolder)
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .Take(QuotedNames + 1)
                .Select(name => name!.Length <= QuotedNameChars ? name : name[..QuotedNameChars] + "...")
                .ToList();
            return new SubmissionRead(null, [], others.Count == 0
                ? $"no {fileName} was handed in (the folder is empty)"
                : $"no {fileName} was handed in (found: {string.Join(", ", others.Take(QuotedNames))}{(others.Count > QuotedNames ? ", ..." : string.Empty)})", Missing: true);
        }

        // A FIFO, socket or device reports no size: refusing every empty entry before opening it means
        // nothing but a regular file with content is ever opened (opening a FIFO would wait for a writer).
        var length = file.Length;
        if (length == 0)
        {
            return Unreadable($"{fileName} is empty (or not a regular file)");
        }

        if (length > MaxBytes)
        {
            return Unreadable($"{fileName} is {length / (1024 * 1024)} MB, more than the {MaxBytes / (1024 * 1024)} MB a notebook may have");
        }

        var bytes = ReadAtMost(path, MaxBytes);
        if (bytes is null)
        {
            return Unreadable($"{fileName} grew past {MaxBytes / (1024 * 1024)} MB while it was read");
        }

        try
        {
            return new SubmissionRead(Notebook.Parse(bytes, fileName, Limits), bytes, null);
        }
        catch (NotebookFormatException ex)
        {
            return new SubmissionRead(null, bytes, $"{fileName} is not a readable Jupyter notebook: {ex.Problem}");
        }
    }

    // Reads the whole file but never more than `limit` bytes (null when it holds more).
    private static byte[]? ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0 });
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static SubmissionRead Unreadable(string problem) => new(null, [], problem);

    // Fixed words, never the exception's message: it names the grader's own paths, and a rerun must give the same words.
    private static string Describe(Exception ex) => ex switch
    {
        UnauthorizedAccessException or System.Security.SecurityException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it disappeared while it was read",
        PathTooLongException => "its path is too long",
        _ => "an input/output error",
    };
}
