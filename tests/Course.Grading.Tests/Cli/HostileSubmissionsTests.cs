using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Cli.Infrastructure;
using Spectre.Console;

namespace Course.Grading.Tests.Cli;

/// <summary>
/// The real <c>course grade</c> on a class whose folders attack the grader's parent process rather than the
/// worker: links to the instructor's notebook, a linked folder, a FIFO, a folder for a notebook, names made of
/// console markup, terminal escapes and spreadsheet formulas, a reserved name and an output folder that
/// cannot be written. The batch completes, honest work keeps full marks, every attack gets its row and reason.
/// </summary>
public sealed class HostileSubmissionsTests
{
    private const string Notebook = "council-votes.ipynb";

    private static string Honest => Path.Combine(TestPaths.Scenarios, "all-correct", "submission", Notebook);

    private static void HonestStudent(string submissions, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(submissions, name)).FullName;
        File.Copy(Honest, Path.Combine(folder, Notebook));
    }

    private static string Output(string output, string student) =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(output, student, "council-votes", "results.json")))!["output"]!;

    [Fact]
    public async Task Links_special_files_and_odd_names_each_get_a_row_and_the_batch_completes()
    {
        var submissions = TestPaths.NewTempFolder("hostile-submissions");
        var output = TestPaths.NewTempFolder("hostile-out");
        HonestStudent(submissions, "alice");
        Directory.CreateSymbolicLink(Path.Combine(submissions, "eve"), Path.Combine(submissions, "alice"));
        Directory.CreateDirectory(Path.Combine(submissions, "mallory"));
        File.CreateSymbolicLink(Path.Combine(submissions, "mallory", Notebook), TestPaths.SourceNotebook);
        Directory.CreateDirectory(Path.Combine(submissions, "fifo"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(submissions, "fifo", Notebook)]))
        {
            await mkfifo.WaitForExitAsync();
        }

        Directory.CreateDirectory(Path.Combine(submissions, "folder", Notebook));
        HonestStudent(submissions, "[red]markup");
        HonestStudent(submissions, "[");
        HonestStudent(submissions, "=1+2");
        HonestStudent(submissions, "@SUM(A1)");
        HonestStudent(submissions, "esc\u001b]0;owned\u0007\u001b[2J\r");
        HonestStudent(submissions, "gradebook.csv");
        HonestStudent(submissions, "zed");
        File.WriteAllText(Path.Combine(output, "zed"), "a file where zed's folder should be");

        var (exit, stdout, stderr) = await TestConsole.RunAsync(GradedClassArgs(submissions, output));

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.DoesNotContain('\r', stdout);
        Assert.True(stdout.Contains("esc\\u001B]0;owned\\u0007\\u001B[2J\\u000D/council-votes: 6/6", StringComparison.Ordinal), stdout);
        Assert.True(stdout.Contains("[red]markup/council-votes: 6/6", StringComparison.Ordinal), stdout);

        var rows = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        Assert.Equal(13, rows.Length);
        void Row(string prefix) => Assert.Contains(rows, row => row.StartsWith(prefix, StringComparison.Ordinal));
        Row("alice,council-votes,6,6,");
        Row("eve,council-votes,0,6,");
        Row("mallory,council-votes,0,6,");
        Row("fifo,council-votes,0,6,");
        Row("folder,council-votes,0,6,");
        Row("[red]markup,council-votes,6,6,");
        Row("[,council-votes,6,6,");
        Row("\"'=1+2\",council-votes,6,6,");
        Row("\"'@SUM(A1)\",council-votes,6,6,");
        Row("esc\\u001B]0;owned\\u0007\\u001B[2J\\u000D,council-votes,6,6,");
        Row("gradebook.csv,council-votes,0,6,");
        Row("zed,council-votes,0,6,");

        Assert.Equal("Could not be graded: council-votes.ipynb is a symbolic link, which is refused: hand in the notebook itself", Output(output, "mallory"));
        Assert.StartsWith("Could not be graded: the student's folder is a symbolic link", Output(output, "eve"), StringComparison.Ordinal);
        Assert.Equal("Could not be graded: council-votes.ipynb is empty (or not a regular file)", Output(output, "fifo"));
        Assert.Equal("Could not be graded: council-votes.ipynb is a folder, not a notebook file", Output(output, "folder"));
        Assert.False(File.Exists(Path.Combine(output, "gradebook.csv", "council-votes", "results.json")));
        Assert.True(File.Exists(Path.Combine(output, "gradebook.csv")));

        // Nothing was written through the links: alice's folder holds only her notebook.
        Assert.Equal([Notebook], Directory.GetFileSystemEntries(Path.Combine(submissions, "alice")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_progress_bar_shows_markup_and_escape_names_without_crashing()
    {
        var submissions = TestPaths.NewTempFolder("markup-submissions");
        var output = TestPaths.NewTempFolder("markup-out");
        HonestStudent(submissions, "[");
        HonestStudent(submissions, "[bold red on blue]x[link=https://evil.example]y]");
        HonestStudent(submissions, "\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007");
        var screen = new StringWriter();
        var errors = new StringWriter();
        var console = new CliConsole(
            AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Standard,
                Interactive = InteractionSupport.Yes,
                Out = new AnsiConsoleOutput(screen),
            }),
            errors);
        Assert.True(console.IsInteractive);

        var exit = await Course.Cli.CourseApp.RunAsync(GradedClassArgs(submissions, output), console);

        Assert.True(exit == 0, errors.ToString());
        Assert.Equal(string.Empty, errors.ToString());
        Assert.Contains("graded 3 submissions", screen.ToString(), StringComparison.Ordinal);
        // The student's OSC 8 hyperlink never reaches the terminal; Spectre's own styling may.
        Assert.DoesNotContain("\u001b]8;;https://evil.example", screen.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil.example\u001b", screen.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(output, "gradebook.csv")).Length);
    }

    // A generous cell time limit: these tests are about the parent process, not about slow cells on a busy machine.
    private static string[] GradedClassArgs(string submissions, string output) =>
        [.. Golden.GradedClass.GradeArgs(submissions, output).Select(arg => arg == Golden.GradedClass.CellTimeout ? "30" : arg)];
}
