using Course.Cli;
using Course.Cli.Infrastructure;
using Course.Notebooks;
using Spectre.Console;

namespace Course.Engine.Tests;

public class RunVerbTests
{
    [Fact]
    public async Task Course_run_writes_executed_copies_and_exits_zero_when_every_cell_succeeds()
    {
        using var temp = TestFiles.NewTempFolder();
        var (exit, output, error) = await RunCourseAsync("run", TestFiles.Notebook("State.ipynb"), "--out", temp.Path);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Matches(@"^ok   State\.ipynb: 15 cells run, 0 error\(s\), \d+\.\d\d s$", output.Split('\n')[0]);
        var executed = Notebook.Load(Path.Combine(temp.Path, "State.ipynb"));
        Assert.Equal("82", executed.Cells[3].PlainResult());
    }

    [Fact]
    public async Task Course_run_exits_one_naming_notebook_cell_and_error()
    {
        var (exit, output, error) = await RunCourseAsync("run", TestFiles.Notebook("Errors.ipynb"));

        Assert.Equal(1, exit);
        Assert.Contains("Errors.ipynb cell 3: System.InvalidOperationException: boom (line 3 of the cell)", output, StringComparison.Ordinal);
        Assert.Equal(
            "course: 3 cell(s) failed; first: Errors.ipynb cell 2: CompilationError: (2,9): error CS0103: The name 'undefinedName' does not exist in the current context",
            error.Trim());
    }

    [Fact]
    public async Task Course_run_on_a_malformed_notebook_says_so_in_one_line_and_writes_nothing()
    {
        using var temp = TestFiles.NewTempFolder();
        var bad = Path.Combine(temp.Path, "in", "Bad.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        File.Copy(TestFiles.Notebook("State.ipynb"), Path.Combine(temp.Path, "in", "Good.ipynb"));
        await File.WriteAllTextAsync(bad, "{ \"cells\": [");
        var outFolder = Path.Combine(temp.Path, "out");

        var (exit, _, error) = await RunCourseAsync("run", Path.Combine(temp.Path, "in"), "--out", outFolder);

        Assert.Equal(1, exit);
        Assert.Equal($"course: {bad}: not valid JSON (line 1, column 13)", error.Trim());
        Assert.False(Directory.Exists(outFolder));
    }

    [Theory]
    [InlineData("no-such-notebook.ipynb", "course: no-such-notebook.ipynb: no such file or folder")]
    [InlineData("--timeout", "course: --timeout must be a positive number of seconds (got -1)")]
    public async Task Course_run_rejects_bad_input_in_one_line(string argument, string expected)
    {
        string[] args = argument == "--timeout" ? ["run", TestFiles.Notebook("State.ipynb"), "--timeout", "-1"] : ["run", argument];

        var (exit, _, error) = await RunCourseAsync(args);

        Assert.Equal(1, exit);
        Assert.Equal(expected, error.Trim());
    }

    private static async Task<(int Exit, string Output, string Error)> RunCourseAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var exit = await CourseApp.RunAsync(args, new CliConsole(console, error));
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }
}
