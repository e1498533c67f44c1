using Course.Engine;
using Course.Engine.Runtime;
using Course.Grading.Pipeline;
using Course.Grading.Results;
using Course.Grading.Sandbox;
using Course.Notebooks;

namespace Course.Grading.Tests.Sandbox;

/// <summary>
/// Probe cells compiled straight with the engine's <see cref="CellCompiler"/>, bypassing the grader's
/// policy check (the first wall), and run in real workers: what they cannot do is what the operating
/// system (the second wall) stops.
/// </summary>
internal static class ProbeCells
{
    /// <summary>The course library's folder, shared into sandboxes as <c>course grade</c> shares it.</summary>
    public static string CourseLibFolder => CourseDirectory.TryFind(AppContext.BaseDirectory)!.CourseLibDirectory;

    /// <summary>The repository's root (the folder holding Course.sln).</summary>
    public static string RepositoryRoot => CourseDirectory.TryFind(AppContext.BaseDirectory)!.Root;

    public static async Task<(IReadOnlyList<CellRun?> Runs, SubmissionRunner Runner)> RunAsync(WorkerOptions options, params string[] sources)
    {
        var compiler = new CellCompiler();
        var prepared = new List<PreparedCell>();
        CellCompilation? previous = null;
        for (var i = 0; i < sources.Length; i++)
        {
            var compilation = compiler.Compile(sources[i], previous);
            Assert.True(compilation.Succeeded, $"probe cell {i + 1} does not compile: {compilation.Error?.Message}");
            prepared.Add(new PreparedCell(new GradingCell(i, CellOrigin.Student, true, sources[i], sources[i], null, false), compilation.Compiled, null));
            previous = compilation;
        }

        await using var runner = new SubmissionRunner(options);
        var runs = await runner.RunAsync(new PreparedSubmission(prepared, []), CancellationToken.None);
        return (runs, runner);
    }

    public static string Text(CellRun? run) =>
        string.Concat(run!.Outputs.Select(o => o switch
        {
            StreamOutput s => s.Text,
            ExecuteResultOutput r => r.Data.TryGetValue(MimeBundle.PlainText, out var plain) ? plain : PreText(r.Data[MimeBundle.Html]),
            ErrorOutput e => e.EName + ": " + e.EValue,
            _ => string.Empty,
        }));

    /// <summary>The text inside the kernel's <c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;</c> HTML, as values are shown.</summary>
    public static string PreText(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<pre>(.*?)</pre>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);

    /// <summary>A C# string literal of <paramref name="text"/>.</summary>
    public static string Literal(string text) => "@\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
