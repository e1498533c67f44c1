using System.Diagnostics;
using Course.Cli;
using Course.Cli.Infrastructure;
using Course.Engine.Runtime;
using Course.Notebooks;
using Spectre.Console;

namespace Course.Engine.Tests.RealWorld;

/// <summary>
/// Kernel semantics as Polyglot Notebooks' (issue 10): the shared cases under <c>RealWorld/</c> as given
/// (<c>06-...</c>, <c>07-...</c>, <c>16-...</c>) and further instances of each kind, run through the real
/// engine and the real <c>course run</c> command line (in process).
/// </summary>
public sealed class RealWorldKernelTests
{
    private static string Case(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "RealWorld", .. parts]);

    [Fact]
    public async Task Console_ReadLine_gets_end_of_input_at_once_in_course_run_even_when_stdin_stays_open()
    {
        // The real `course run` process, its stdin a pipe that stays open and never gets a line (a terminal
        // nobody types into): reading the console must not wait for it.
        using var temp = TestFiles.NewTempFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "course.dll"), "run", Case("06-console-readline", "ask.ipynb"), "--out", temp.Path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("course run waited on its open stdin");
        }

        Assert.True(process.ExitCode == 0, await output + await error);
        var executed = Notebook.Load(Path.Combine(temp.Path, "ask.ipynb"));
        Assert.Equal("Your country? got: (nothing)\n", Assert.IsType<StreamOutput>(Assert.Single(executed.Cells[0].Outputs)).Text);
        Assert.Equal("next cell ran", executed.Cells[1].PlainResult());
    }

    [Fact]
    public async Task Every_way_of_reading_console_input_sees_end_of_input()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(NotebookCell.Code("$\"{Console.Read()} [{Console.In.ReadToEnd()}] {Console.In.Peek()} {await Console.In.ReadLineAsync() is null}\""));
        var result = await NotebookRunner.RunAsync(notebook);
        Assert.True(result.Succeeded);
        Assert.Equal("-1 [] -1 True", result.Notebook.Cells[0].PlainResult());
    }

    [Fact]
    public async Task Relative_paths_start_at_the_notebooks_folder_whatever_the_current_folder()
    {
        var lesson = Case("07-relative-file-next-to-notebook", "lesson");
        using var temp = TestFiles.NewTempFolder();
        var before = Directory.GetCurrentDirectory();
        var (exit, _, error) = await RunCourseAsync("run", Path.Combine(lesson, "read-data.ipynb"), "--out", temp.Path);
        Assert.True(exit == 0, error);
        var executed = Notebook.Load(Path.Combine(temp.Path, "read-data.ipynb"));
        Assert.Equal(Path.GetFullPath(lesson), executed.Cells[0].PlainResult());
        Assert.Equal("3", executed.Cells[1].PlainResult());
        Assert.Equal(before, Directory.GetCurrentDirectory());
    }

    [Fact]
    public async Task Notebooks_of_different_folders_run_at_once_each_read_their_own_files()
    {
        using var temp = TestFiles.NewTempFolder();
        var paths = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(temp.Path, $"lesson{i % 2}")).FullName;
            File.WriteAllText(Path.Combine(folder, "data.txt"), $"folder {i % 2}");
            var notebook = Notebook.CreateCSharp();
            notebook.Cells.Add(NotebookCell.Code("await Task.Delay(200);\nSystem.IO.File.ReadAllText(\"data.txt\")"));
            var path = Path.Combine(folder, $"n{i}.ipynb");
            notebook.Save(path);
            paths.Add(path);
        }

        var batch = await NotebookBatch.RunAsync(paths, maxParallel: 4);
        Assert.Equal(["folder 0", "folder 1", "folder 0", "folder 1"], batch.Runs.Select(r => r.Result.Notebook.Cells[0].PlainResult()));
    }

    [Fact]
    public async Task Load_pulls_a_script_file_next_to_the_notebook_in_course_run()
    {
        using var temp = TestFiles.NewTempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "helpers.csx"), "int Triple(int x) => 3 * x;\nvar loadedFrom = \"helpers\";\n");
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(NotebookCell.Code("#load \"helpers.csx\"\nvar nine = Triple(3);"));
        notebook.Cells.Add(NotebookCell.Code("$\"{nine} {Triple(4)} {loadedFrom}\""));
        var path = Path.Combine(temp.Path, "uses-load.ipynb");
        notebook.Save(path);
        var result = await NotebookRunner.RunAsync(Notebook.Load(path));
        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.Run.Error)));
        Assert.Equal("9 12 helpers", result.Notebook.Cells[1].PlainResult());
    }

    [Fact]
    public void Load_is_refused_with_one_clear_line_when_not_allowed()
    {
        using var temp = TestFiles.NewTempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "helpers.csx"), "int Triple(int x) => 3 * x;\n");
        var compiler = new CellCompiler(new CellCompilerOptions { BaseDirectory = temp.Path, AllowLoad = false });
        var compilation = compiler.Compile("#load \"helpers.csx\"\nTriple(1)", null);
        Assert.False(compilation.Succeeded);
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("(1,1): error COURSE: #load is not allowed in a graded notebook: put the code of the script file into the cell", error.ToString());
    }

    [Fact]
    public async Task An_async_void_exception_is_a_cell_error_and_the_rest_of_the_folder_still_runs()
    {
        var lessons = Case("16-async-void-throws", "lessons");
        using var temp = TestFiles.NewTempFolder();
        var (exit, output, error) = await RunCourseAsync("run", lessons, "--out", temp.Path);
        Assert.True(exit == 1, output + error);
        Assert.Contains("FAIL a-async-void.ipynb", output, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: quorum lost", output, StringComparison.Ordinal);
        Assert.Contains("ok   b-plain.ipynb", output, StringComparison.Ordinal);
        var executed = Notebook.Load(Path.Combine(temp.Path, "a-async-void.ipynb"));
        Assert.Equal("second cell", executed.Cells[1].PlainResult());
        Assert.Equal("2", Notebook.Load(Path.Combine(temp.Path, "b-plain.ipynb")).Cells[0].PlainResult());
    }

    [Fact]
    public async Task An_async_void_exception_after_its_cell_ended_is_the_next_cells_error()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(NotebookCell.Code("async void Later() { await Task.Delay(100); throw new ArgumentException(\"too late\"); }\nLater();\n\"started\""));
        notebook.Cells.Add(NotebookCell.Code("await Task.Delay(1000);\n\"waited\""));
        notebook.Cells.Add(NotebookCell.Code("\"third\""));
        var result = await NotebookRunner.RunAsync(notebook);
        Assert.Equal(CellStatus.Ok, result.RunOf(1).Status);
        var second = result.RunOf(2);
        Assert.Equal(CellStatus.RuntimeError, second.Status);
        Assert.Equal("System.ArgumentException", second.Error!.Type);
        Assert.Contains("too late", second.Error.Message, StringComparison.Ordinal);
        Assert.Contains("an earlier cell started", second.Error.Message, StringComparison.Ordinal);
        Assert.Equal("third", result.Notebook.Cells[2].PlainResult());
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
