using System.Text;
using Course.Grading.Release;
using Course.Notebooks;

namespace Course.Content.Tests.Notebooks;

/// <summary>
/// The released notebooks in <c>notebooks/</c> are exactly what the grader's release step makes from
/// <c>source/</c>: never hand-edited, no solutions, no hidden tests.
/// </summary>
public sealed class ReleasedNotebookTests
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Released_notebook_equals_a_fresh_release_byte_for_byte(string name)
    {
        var source = CourseNotebooks.Load("source", name);
        var released = File.ReadAllBytes(CourseNotebooks.RequirePath("notebooks", name));
        var fresh = Encoding.UTF8.GetBytes(StudentVersion.Create(source, name).ToJson());
        Assert.True(
            fresh.AsSpan().SequenceEqual(released),
            $"notebooks/{name} differs from a fresh release of source/{name}: run `dotnet run --project grader/Course.Cli -- release source --out notebooks` and commit the result");
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Released_notebook_has_no_solutions_or_hidden_tests(string name)
    {
        var text = File.ReadAllText(CourseNotebooks.RequirePath("notebooks", name));
        foreach (var marker in new[] { "BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS" })
        {
            Assert.False(text.Contains(marker, StringComparison.Ordinal), $"notebooks/{name} contains '{marker}'");
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Source_notebook_is_written_the_way_Jupyter_writes_it(string name)
    {
        var path = CourseNotebooks.RequirePath("source", name);
        Assert.True(
            File.ReadAllText(path) == Notebook.Load(path).ToJson(),
            $"source/{name} is not in Jupyter's layout (sorted keys, one-space indent, trailing newline): load and save it once");
    }

    [Fact]
    public void Source_and_released_folders_hold_exactly_the_course_notebooks()
    {
        foreach (var folder in CourseNotebooks.Folders)
        {
            var dir = CourseNotebooks.PathOf(folder, "x");
            var present = Directory.Exists(Path.GetDirectoryName(dir)!)
                ? Directory.GetFiles(Path.GetDirectoryName(dir)!, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
                : [];
            Assert.Equal(CourseNotebooks.FileNames.Order(StringComparer.Ordinal), present);
        }
    }
}
