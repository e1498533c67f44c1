using Course.Notebooks;

namespace Course.Content.Tests.Notebooks;

/// <summary>
/// The seven course notebooks, in <c>source/</c> (instructor versions) and <c>notebooks/</c> (released student
/// versions), found through <see cref="CourseDirectory"/>. A missing notebook fails the test that asks for it,
/// with a message saying which file and how to produce it; nothing is skipped.
/// </summary>
internal static class CourseNotebooks
{
    /// <summary>The course's notebooks, in teaching order.</summary>
    public static readonly IReadOnlyList<string> FileNames =
    [
        "00-start-here.ipynb",
        "01-what-is-collective-security.ipynb",
        "02-league-of-nations.ipynb",
        "03-security-council.ipynb",
        "04-peacekeeping.ipynb",
        "05-burden-sharing.ipynb",
        "06-future-of-collective-security.ipynb",
    ];

    /// <summary>The folders that hold notebooks: instructor sources and released student versions.</summary>
    public static readonly IReadOnlyList<string> Folders = ["source", "notebooks"];

    /// <summary>The course root (the folder with Course.sln) above the test binaries.</summary>
    public static CourseDirectory Course { get; } =
        CourseDirectory.TryFind(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);

    /// <summary>Every notebook name, for theories over the source notebooks.</summary>
    public static TheoryData<string> Names => new(FileNames);

    /// <summary>Every (folder, notebook name) pair, for theories over source and released notebooks.</summary>
    public static TheoryData<string, string> All
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var folder in Folders)
            {
                foreach (var name in FileNames)
                {
                    data.Add(folder, name);
                }
            }

            return data;
        }
    }

    /// <summary>The full path of a notebook in <paramref name="folder"/> ("source" or "notebooks").</summary>
    public static string PathOf(string folder, string name) => folder switch
    {
        "source" => Path.Combine(Course.SourceNotebooks, name),
        "notebooks" => Path.Combine(Course.StudentNotebooks, name),
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "source or notebooks"),
    };

    /// <summary>The path of a notebook, failing the test with a clear message when the file is missing.</summary>
    public static string RequirePath(string folder, string name)
    {
        var path = PathOf(folder, name);
        if (!File.Exists(path))
        {
            Assert.Fail(folder == "source"
                ? $"missing source notebook {folder}/{name}: every course notebook must exist (see docs and CONTENT conventions)"
                : $"missing released notebook {folder}/{name}: run `dotnet run --project grader/Course.Cli -- release source --out notebooks`");
        }

        return path;
    }

    /// <summary>Loads a notebook with the course's own reader, failing clearly when it is missing.</summary>
    public static Notebook Load(string folder, string name) => Notebook.Load(RequirePath(folder, name));

    /// <summary>The text a learner reads: every markdown cell, and the comments of every code cell.</summary>
    public static IEnumerable<(string CellId, string Text)> ProseOf(Notebook notebook)
    {
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                yield return (cell.Id ?? "?", cell.Source);
            }
            else if (cell.Kind == CellKind.Code)
            {
                var comments = cell.Source.Split('\n')
                    .Select(line => line.IndexOf("//", StringComparison.Ordinal))
                    .Zip(cell.Source.Split('\n'))
                    .Where(p => p.First >= 0)
                    .Select(p => p.Second[(p.First + 2)..].TrimStart('/'));
                yield return (cell.Id ?? "?", string.Join('\n', comments));
            }
        }
    }
}
