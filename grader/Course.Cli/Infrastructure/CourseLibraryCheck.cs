using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Cli.Infrastructure;

/// <summary>
/// Before any notebook runs: every <c>#r "…CollectiveSecurity.dll"</c> line in the notebooks must point at
/// a file that exists. Otherwise the verb stops with one line saying where it looked and how to build the
/// library or where the notebook belongs, instead of a compiler error such as <c>CS0246 VoteTally</c>.
/// </summary>
public static partial class CourseLibraryCheck
{
    /// <summary>How to build the course library, from the course root.</summary>
    public const string BuildHint = "build it with `./course` (or `dotnet build lib/CollectiveSecurity`) from the course folder";

    /// <summary>
    /// Throws <see cref="CourseUserException"/> naming the first notebook whose course-library reference
    /// does not resolve (relative paths are taken from the notebook's folder). Notebooks that cannot be
    /// read are left to the verb, which reports them in its own words.
    /// </summary>
    public static void Require(IEnumerable<string> notebookPaths)
    {
        ArgumentNullException.ThrowIfNull(notebookPaths);
        foreach (var notebook in notebookPaths)
        {
            string text;
            try
            {
                text = File.ReadAllText(notebook);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (Problem(notebook, text) is { } problem)
            {
                throw new CourseUserException(problem);
            }
        }
    }

    /// <summary>
    /// For <c>course grade</c>, which gives every worker the course library found from the course root whatever
    /// the <c>#r</c> path says: throws <see cref="CourseUserException"/> when a notebook references the library
    /// and <paramref name="courseLibAssembly"/> (null: no course root found) does not exist.
    /// </summary>
    public static void RequireBuilt(IEnumerable<string> notebookPaths, string? courseLibAssembly)
    {
        ArgumentNullException.ThrowIfNull(notebookPaths);
        if (courseLibAssembly is not null && File.Exists(courseLibAssembly))
        {
            return;
        }

        foreach (var notebook in notebookPaths)
        {
            if (File.Exists(notebook) && Reference().IsMatch(File.ReadAllText(notebook)))
            {
                throw new CourseUserException(
                    $"the course library is not built (looked for {courseLibAssembly ?? "artifacts/course-lib/" + CourseDirectory.CourseLibFileName + " above the current folder"}, which {Path.GetFileName(notebook)} loads): {BuildHint}");
            }
        }
    }

    /// <summary>The one-line problem with <paramref name="notebookPath"/>'s course-library reference, or null when it resolves.</summary>
    public static string? Problem(string notebookPath, string notebookText)
    {
        ArgumentNullException.ThrowIfNull(notebookText);
        var match = Reference().Match(notebookText);
        if (!match.Success)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var referenced = Path.GetFullPath(Path.Combine(folder, match.Groups["path"].Value.Replace("\\\\", "\\", StringComparison.Ordinal)));
        if (File.Exists(referenced))
        {
            return null;
        }

        var course = CourseDirectory.TryFind(folder) ?? CourseDirectory.TryFind();
        var name = Path.GetFileName(notebookPath);
        if (course is not null && File.Exists(course.CourseLibAssembly))
        {
            return $"{name}: the course library was not found at {referenced} (the notebook's #r line); " +
                   $"keep the notebook in {course.StudentNotebooks} or point that line at {course.CourseLibAssembly}";
        }

        return $"the course library is not built (looked for {referenced}, from {name}'s #r line): {BuildHint}";
    }

    // In the .ipynb's JSON the quotes around the path are escaped: #r \"../artifacts/course-lib/CollectiveSecurity.dll\"
    [GeneratedRegex("""#r\s+\\"(?<path>[^"\\]*(?:\\\\[^"\\]*)*CollectiveSecurity\.dll)\\"\s*""")]
    private static partial Regex Reference();
}
