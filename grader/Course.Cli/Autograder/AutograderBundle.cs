using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Course.Cli.Infrastructure;
using Course.Grading.Assignments;

namespace Course.Cli.Autograder;

/// <summary>What goes into a Gradescope autograder bundle besides the two scripts.</summary>
/// <param name="Assignment">The instructor's notebook, validated (its hidden tests go into the bundle, and nowhere else).</param>
/// <param name="GraderDirectory">A framework-dependent build of the course CLI: <c>course.dll</c>, <c>Course.Worker.dll</c> and their dependencies.</param>
/// <param name="CourseLibDirectory">The built course library folder (<c>artifacts/course-lib</c>), or null when the course has none built.</param>
/// <param name="CellTimeoutSeconds">Seconds one cell may run (<c>course grade --timeout</c>).</param>
/// <param name="SubmissionTimeoutSeconds">Seconds the whole submission may run (<c>--submission-timeout</c>).</param>
/// <param name="MemoryMegabytes">Managed heap limit per submission, MB (<c>--memory</c>).</param>
public sealed record AutograderBundleRequest(
    Assignment Assignment,
    string GraderDirectory,
    string? CourseLibDirectory,
    double CellTimeoutSeconds,
    double SubmissionTimeoutSeconds,
    int MemoryMegabytes);

/// <summary>
/// Writes a Gradescope autograder bundle (a zip in the layout of
/// https://gradescope-autograders.readthedocs.io/en/latest/specs/): <c>setup.sh</c> and
/// <c>run_autograder</c> at the root, and under <c>course/</c> a small course tree that the bundled
/// grader recognises as a course root: <c>Course.sln</c> (a marker with no projects),
/// <c>source/&lt;assignment&gt;.ipynb</c> (the instructor's notebook), <c>artifacts/course-lib/</c>,
/// <c>grader/</c> (the course CLI) and <c>autograder.conf</c> (the settings run_autograder reads).
/// Entries are sorted, dated 2000-01-01 and carry Unix modes (0755 for the scripts), so the same
/// inputs give the same bytes.
/// </summary>
public static partial class AutograderBundle
{
    /// <summary>The files the grader folder must hold to be usable.</summary>
    public static readonly IReadOnlyList<string> RequiredGraderFiles = ["course.dll", "course.runtimeconfig.json", "course.deps.json", "Course.Worker.dll", "Course.Worker.runtimeconfig.json"];

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the bundle to <paramref name="zipPath"/> through a temporary file in the same folder, so
    /// that a failure leaves nothing behind. Throws <see cref="CourseUserException"/> for bad input.
    /// </summary>
    /// <returns>The number of files in the bundle.</returns>
    public static int Write(AutograderBundleRequest request, string zipPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(zipPath);
        var fileName = request.Assignment.FileName;
        if (!SafeFileName().IsMatch(fileName))
        {
            throw new CourseUserException($"--source {fileName}: the notebook's file name may hold only letters, digits, '.', '_' and '-' (students submit it under this name)");
        }

        var missing = RequiredGraderFiles.Where(f => !File.Exists(Path.Combine(request.GraderDirectory, f))).ToList();
        if (missing.Count > 0)
        {
            throw new CourseUserException($"--grader {request.GraderDirectory}: not a built course CLI (missing {string.Join(", ", missing)})");
        }

        var entries = new SortedDictionary<string, (Func<Stream> Open, bool Executable)>(StringComparer.Ordinal)
        {
            ["setup.sh"] = (() => Script("setup.sh"), true),
            ["run_autograder"] = (() => Script("run_autograder"), true),
            ["course/Course.sln"] = (() => Text(SolutionMarker), false),
            ["course/autograder.conf"] = (() => Text(Settings(request)), false),
            ["course/source/" + fileName] = (() => File.OpenRead(request.Assignment.SourcePath), false),
        };
        AddFolder(entries, request.GraderDirectory, "course/grader/");
        if (request.CourseLibDirectory is { } lib && Directory.Exists(lib))
        {
            AddFolder(entries, lib, "course/artifacts/course-lib/");
        }

        var full = Path.GetFullPath(zipPath);
        var temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var (name, (open, executable)) in entries)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = FixedTime;
                    entry.ExternalAttributes = (executable ? 0b1_000_111_101_101 : 0b1_000_110_100_100) << 16; // regular file, 0755 or 0644
                    using var target = entry.Open();
                    using var source = open();
                    source.CopyTo(target);
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CourseUserException($"--out {zipPath}: {ex.Message}", ex);
        }

        return entries.Count;
    }

    /// <summary>The text of one of the bundle's scripts, as embedded in this assembly (LF line ends).</summary>
    public static string ScriptText(string name)
    {
        using var reader = new StreamReader(Script(name));
        return reader.ReadToEnd();
    }

    private const string SolutionMarker =
        "Microsoft Visual Studio Solution File, Format Version 12.00\n" +
        "# Marks the course root for the bundled grader, which finds artifacts/course-lib from here. No projects.\n";

    private static string Settings(AutograderBundleRequest request) => string.Create(
        CultureInfo.InvariantCulture,
        $"# Written by `course autograder`; read by run_autograder.\n" +
        $"notebook={request.Assignment.FileName}\n" +
        $"max_score={request.Assignment.MaxScore}\n" +
        $"timeout={request.CellTimeoutSeconds}\n" +
        $"submission_timeout={request.SubmissionTimeoutSeconds}\n" +
        $"memory={request.MemoryMegabytes}\n");

    private static void AddFolder(SortedDictionary<string, (Func<Stream> Open, bool Executable)> entries, string folder, string prefix)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (new FileInfo(file).LinkTarget is not null)
            {
                continue; // never follow a link out of the folder into the bundle
            }

            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            entries[prefix + relative] = (() => File.OpenRead(file), false);
        }
    }

    private static Stream Text(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static Stream Script(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("Course.Cli.Autograder." + name)
        ?? throw new InvalidOperationException($"the embedded script {name} is missing from the course CLI");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeFileName();
}
