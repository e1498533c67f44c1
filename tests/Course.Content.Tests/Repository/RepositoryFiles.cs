using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Content.Tests.Repository;

/// <summary>Reads the repository's own files (README, solution, dev container) for the tests below.</summary>
internal static partial class RepositoryFiles
{
    public static CourseDirectory Course { get; } =
        CourseDirectory.TryFind(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Course.Root, relativePath));

    /// <summary>The contents of every fenced code block in README.md, in order.</summary>
    public static IReadOnlyList<string> ReadmeCodeBlocks() =>
        FencedBlock().Matches(Read("README.md")).Select(m => m.Groups["code"].Value.Trim()).ToList();

    [GeneratedRegex(@"^```[a-z]*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
