using System.Text.RegularExpressions;
using Course.Grading.Policy;

namespace Course.Grading.Tests.Policy;

/// <summary>
/// The course library's file members are refused by name in <see cref="AllowedApis.RefusedMembers"/>: these tests
/// keep that list true (every name exists) and complete (a new file or environment use in the library fails here
/// until the table says whether students may call it).
/// </summary>
public sealed partial class CourseLibraryFilesTests
{
    /// <summary>
    /// The library sources that touch files or streams: the charts' public members that do are in the table;
    /// the dataset reader is internal and reads only the library's embedded resources.
    /// </summary>
    private static readonly string[] KnownFileUsers = ["Charts/Figure.cs", "Charts/FigureHtml.cs", "Charts/PlotlyScript.cs", "Data/DatasetReader.cs"];

    [Fact]
    public void Every_refused_library_member_exists()
    {
        var library = typeof(CollectiveSecurity.Charts.Figure).Assembly;
        var names = AllowedApis.RefusedMembers.Keys.Where(k => k.StartsWith("CollectiveSecurity.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            // A constructor is written "Type..ctor" (the policy joins the type and the member's name, ".ctor").
            var dot = name.EndsWith("..ctor", StringComparison.Ordinal) ? name.Length - ".ctor".Length - 1 : name.LastIndexOf('.');
            var type = library.GetType(name[..dot]);
            Assert.True(type is not null && type.GetMember(name[(dot + 1)..]).Length > 0, $"{name} is not a member of the course library");
        }
    }

    [Fact]
    public void Only_the_known_library_files_touch_files_or_the_environment()
    {
        var root = Path.Combine(RepositoryRoot(), "lib", "CollectiveSecurity");
        var users = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("obj/", StringComparison.Ordinal) && !p.StartsWith("bin/", StringComparison.Ordinal))
            .Where(p => FileOrEnvironment().IsMatch(File.ReadAllText(Path.Combine(root, p))))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(KnownFileUsers, users);
    }

    [GeneratedRegex(@"\b(File|Directory|FileInfo|DirectoryInfo|FileStream|StreamReader|StreamWriter|Environment|Process)\s*\.|Path\.GetFullPath|new\s+(FileStream|StreamReader|StreamWriter|FileInfo|DirectoryInfo)\b")]
    private static partial Regex FileOrEnvironment();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);
    }
}
