namespace Course.Grading.Tests.Golden;

/// <summary>
/// The whole class of scenario submissions, graded once by the real <c>course grade</c> (in-process CLI,
/// real worker processes), then graded again to check that a rerun reuses every result and writes the
/// same bytes. Each scenario folder becomes one student: <c>Scenarios/&lt;name&gt;/submission/</c> is
/// copied to <c>&lt;submissions&gt;/&lt;name&gt;/</c> (an absent one makes an empty folder).
/// </summary>
public sealed class GradedClass : IAsyncLifetime
{
    public const string CellTimeout = "10";

    public string Submissions { get; } = TestPaths.NewTempFolder("submissions");

    public string Out { get; } = TestPaths.NewTempFolder("graded");

    public (int Exit, string Out, string Error) FirstRun { get; private set; }

    public (int Exit, string Out, string Error) SecondRun { get; private set; }

    public string FirstGradebook { get; private set; } = string.Empty;

    public Dictionary<string, string> FirstResults { get; } = new(StringComparer.Ordinal);

    public static IEnumerable<string> ScenarioNames() =>
        Directory.GetDirectories(TestPaths.Scenarios).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string[] GradeArgs(string submissions, string output, int jobs = 2) =>
    [
        "grade", "--source", TestPaths.SourceNotebook, "--submissions", submissions, "--out", output,
        "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", CellTimeout, "--submission-timeout", "60",
    ];

    public static void CopySubmissions(string into)
    {
        foreach (var name in ScenarioNames())
        {
            var target = Directory.CreateDirectory(Path.Combine(into, name)).FullName;
            var source = Path.Combine(TestPaths.Scenarios, name, "submission");
            if (Directory.Exists(source))
            {
                foreach (var file in Directory.GetFiles(source))
                {
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                }
            }
        }
    }

    public async Task InitializeAsync()
    {
        CopySubmissions(Submissions);
        FirstRun = await TestConsole.RunAsync(GradeArgs(Submissions, Out));
        FirstGradebook = await File.ReadAllTextAsync(Path.Combine(Out, "gradebook.csv"));
        foreach (var name in ScenarioNames())
        {
            FirstResults[name] = await File.ReadAllTextAsync(Path.Combine(Out, name, "council-votes", "results.json"));
        }

        SecondRun = await TestConsole.RunAsync(GradeArgs(Submissions, Out));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Submissions, recursive: true);
        Directory.Delete(Out, recursive: true);
        return Task.CompletedTask;
    }
}
