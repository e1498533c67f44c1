using System.Security.Cryptography;

namespace Course.Grading.Tests.RedTeam;

/// <summary>
/// The red-team class: every folder of <c>RedTeam/Attacks/</c> is one student (an attack, or an honest student
/// graded beside them), graded together by the real <c>course grade</c> (in-process CLI, real sandboxed worker
/// processes), then graded again into a fresh folder to check that the same input writes the same bytes.
/// Before and after, it fingerprints what no submission may change: the instructor's notebook, a canary folder
/// beside the submissions, and the folders around the output.
/// </summary>
/// <remarks>
/// A submission folder may hold <c>&lt;file&gt;.link</c>: a symbolic link named <c>&lt;file&gt;</c> is made
/// in its place, pointing at the text of the file with <c>{source}</c> replaced by the instructor's notebook
/// and <c>{canary}</c> by the canary folder. <c>submission.link</c> beside <c>submission/</c> makes the whole
/// student folder such a link.
/// </remarks>
public sealed class RedTeamClass : IAsyncLifetime
{
    public const string Assignment = "veto-power";

    private readonly string _root = TestPaths.NewTempFolder("red-team");

    public string Submissions => Path.Combine(_root, "submissions");

    public string Out => Path.Combine(_root, "graded");

    public string RerunOut => Path.Combine(_root, "graded-again");

    public string Canary => Path.Combine(_root, "canary");

    public string Source => Path.Combine(_root, "instructor", Assignment + ".ipynb");

    public (int Exit, string Out, string Error) FirstRun { get; private set; }

    public (int Exit, string Out, string Error) SecondRun { get; private set; }

    public string Gradebook { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Before { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> After { get; private set; } = new Dictionary<string, string>();

    public static string AttacksFolder => Path.Combine(TestPaths.Root, "RedTeam", "Attacks");

    public static IEnumerable<string> Students() =>
        Directory.GetDirectories(AttacksFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static bool IsHonest(string student) => student.StartsWith("honest-", StringComparison.Ordinal);

    public string[] GradeArgs(string output) =>
    [
        "grade", "--source", Source, "--submissions", Submissions, "--out", output,
        "--jobs", "2", "--timeout", "5", "--submission-timeout", "60",
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Source)!);
        File.Copy(Path.Combine(TestPaths.Root, "RedTeam", "source", Assignment + ".ipynb"), Source);
        Directory.CreateDirectory(Canary);
        await File.WriteAllTextAsync(Path.Combine(Canary, "secret.txt"), "a file no submission may read or change\n");
        Directory.CreateDirectory(Submissions);
        foreach (var student in Students())
        {
            CopySubmission(student);
        }

        Before = Snapshot();
        FirstRun = await TestConsole.RunAsync(GradeArgs(Out));
        Gradebook = File.Exists(Path.Combine(Out, "gradebook.csv")) ? await File.ReadAllTextAsync(Path.Combine(Out, "gradebook.csv")) : string.Empty;
        SecondRun = await TestConsole.RunAsync(GradeArgs(RerunOut));
        After = Snapshot();
    }

    public string Results(string attack) => File.ReadAllText(Path.Combine(Out, StudentId(attack), Assignment, "results.json"));

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }

        return Task.CompletedTask;
    }

    /// <summary>The student id an attack hands in under: its folder name, or the JSON string in <c>student-id.json</c>.</summary>
    public static string StudentId(string attack)
    {
        var file = Path.Combine(AttacksFolder, attack, "student-id.json");
        return File.Exists(file) ? System.Text.Json.JsonSerializer.Deserialize<string>(File.ReadAllText(file))! : attack;
    }

    private void CopySubmission(string attack)
    {
        var from = Path.Combine(AttacksFolder, attack);
        var target = Path.Combine(Submissions, StudentId(attack));
        var folderLink = Path.Combine(from, "submission.link");
        if (File.Exists(folderLink))
        {
            Directory.CreateSymbolicLink(target, Expand(File.ReadAllText(folderLink)));
            return;
        }

        Directory.CreateDirectory(target);
        var submission = Path.Combine(from, "submission");
        if (!Directory.Exists(submission))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(submission))
        {
            var copy = Directory.CreateDirectory(Path.Combine(target, Path.GetFileName(folder)));
            foreach (var file in Directory.GetFiles(folder))
            {
                File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            }
        }

        foreach (var file in Directory.GetFiles(submission))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".link", StringComparison.Ordinal))
            {
                File.CreateSymbolicLink(Path.Combine(target, name[..^".link".Length]), Expand(File.ReadAllText(file)));
            }
            else if (name.EndsWith(".generate", StringComparison.Ordinal))
            {
                Generate(File.ReadAllText(file).Trim(), Path.Combine(target, name[..^".generate".Length]));
            }
            else
            {
                File.Copy(file, Path.Combine(target, name));
            }
        }
    }

    /// <summary>Writes a large notebook from the released one (stubs): <c>huge-cell N</c> adds a cell of N bytes, <c>huge-outputs N</c> N bytes of outputs.</summary>
    private static void Generate(string recipe, string path)
    {
        var parts = recipe.Split(' ');
        var bytes = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var notebook = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Root, "RedTeam", "stub", Assignment + ".ipynb")))!;
        var line = "// " + new string('x', 997) + "\n";
        var lines = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Repeat(line, bytes / line.Length).Select(l => (System.Text.Json.Nodes.JsonNode?)l)]);
        var cells = notebook["cells"]!.AsArray();
        switch (parts[0])
        {
            case "huge-cell":
                cells.Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["cell_type"] = "code",
                    ["execution_count"] = null,
                    ["id"] = "huge",
                    ["metadata"] = new System.Text.Json.Nodes.JsonObject(),
                    ["outputs"] = new System.Text.Json.Nodes.JsonArray(),
                    ["source"] = lines,
                });
                break;
            case "huge-outputs":
                cells[2]!["outputs"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["output_type"] = "stream",
                    ["name"] = "stdout",
                    ["text"] = lines,
                });
                break;
            default:
                throw new InvalidOperationException("unknown recipe " + recipe);
        }

        File.WriteAllText(path, notebook.ToJsonString());
    }

    private string Expand(string link) => link.Trim()
        .Replace("{source}", Source, StringComparison.Ordinal)
        .Replace("{canary}", Canary, StringComparison.Ordinal);

    /// <summary>A hash of every file outside the two output folders, by path: what no submission may change.</summary>
    private Dictionary<string, string> Snapshot()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(_root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (path.StartsWith(Out, StringComparison.Ordinal) || path.StartsWith(RerunOut, StringComparison.Ordinal))
            {
                continue;
            }

            var info = new FileInfo(path);
            files[Path.GetRelativePath(_root, path)] = info.LinkTarget is { } target
                ? "link:" + target
                : info.Attributes.HasFlag(FileAttributes.Directory) ? "folder" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }

        return files;
    }
}
