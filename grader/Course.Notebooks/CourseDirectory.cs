namespace Course.Notebooks;

/// <summary>
/// Every path the course uses, computed in one place (like nbgrader's <c>CourseDirectory</c>).
/// The root is the folder that holds <c>Course.sln</c>.
/// </summary>
public sealed record CourseDirectory
{
    /// <summary>The file name that marks the course root.</summary>
    public const string SolutionFileName = "Course.sln";

    /// <summary>The course library's file name, as notebooks reference it.</summary>
    public const string CourseLibFileName = "CollectiveSecurity.dll";

    /// <summary>The <c>#r</c> path that every course notebook uses, relative to <c>notebooks/</c> or <c>source/</c>.</summary>
    public const string CourseLibReference = "../artifacts/course-lib/" + CourseLibFileName;

    public CourseDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The course root (holds <c>Course.sln</c>).</summary>
    public string Root { get; }

    /// <summary>Instructor's source notebooks, with solutions and hidden tests.</summary>
    public string SourceNotebooks => Path.Combine(Root, "source");

    /// <summary>Released student notebooks: what <c>course release</c> writes from <see cref="SourceNotebooks"/>.</summary>
    public string StudentNotebooks => Path.Combine(Root, "notebooks");

    /// <summary>The course's CSV datasets (also embedded in the course library).</summary>
    public string Datasets => Path.Combine(Root, "datasets");

    /// <summary>Where the build puts the course library and its dependencies.</summary>
    public string CourseLibDirectory => Path.Combine(Root, "artifacts", "course-lib");

    /// <summary>The built course library.</summary>
    public string CourseLibAssembly => Path.Combine(CourseLibDirectory, CourseLibFileName);

    /// <summary>npm packages (plotly.js) installed by the set-up.</summary>
    public string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>
    /// Finds the course root by walking up from <paramref name="start"/> (default: the current
    /// directory, then the running program's folder). Returns null when no <c>Course.sln</c> is found.
    /// </summary>
    public static CourseDirectory? TryFind(string? start = null)
    {
        foreach (var candidate in start is null
                     ? new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
                     : new[] { start })
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(candidate)); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    return new CourseDirectory(dir.FullName);
                }
            }
        }

        return null;
    }
}
