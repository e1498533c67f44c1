namespace Course.Grading.Tests;

/// <summary>Where the test project's assignment and scenario folders are (copied next to the test assembly).</summary>
internal static class TestPaths
{
    public static string Root => AppContext.BaseDirectory;

    public static string SourceNotebook => Path.Combine(Root, "Assignment", "source", "council-votes.ipynb");

    public static string Scenarios => Path.Combine(Root, "Scenarios");

    /// <summary>The scenario folders in the repository (for UPDATE_GOLDEN=1), found by walking up to the project file.</summary>
    public static string RepositoryScenarios
    {
        get
        {
            for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Course.Grading.Tests.csproj")))
                {
                    return Path.Combine(dir.FullName, "Scenarios");
                }
            }

            throw new InvalidOperationException("tests/Course.Grading.Tests not found above " + Root);
        }
    }

    public static string NewTempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "course-grading-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
