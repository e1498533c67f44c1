using Course.Engine.Runtime;
using Course.Notebooks;

namespace Course.Engine.Tests;

public class NotebookRunnerTests
{
    [Fact]
    public async Task State_carries_across_cells_with_the_kernels_imports_and_trailing_values()
    {
        var result = await EngineTestHelpers.RunAsync("State.ipynb");
        var cells = result.Notebook.Cells;

        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.Run.Error)));
        Assert.Equal(CellKind.Markdown, cells[0].Kind);
        Assert.Empty(cells[1].Outputs);
        Assert.Equal("82", cells[3].PlainResult());
        Assert.StartsWith(
            "<details open=\"open\" class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>Point { X = 1, Y = 2 }</code></span></summary>",
            Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[5].Outputs)).Data[MimeBundle.Html],
            StringComparison.Ordinal);
        Assert.Equal("[ 1, 2, 3 ]", cells[6].PlainResult());
        Assert.Equal("imports: 16", cells[7].PlainResult());
        Assert.Equal(new StreamOutput("stdout", "after await\nsecond line\n"), Assert.Single(cells[8].Outputs));
        Assert.Collection(
            cells[9].Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "out "), o),
            o => Assert.Equal("42", EngineTestHelpers.ShownText(Assert.IsType<DisplayDataOutput>(o).Data)),
            o => Assert.Equal(new StreamOutput("stderr", "to stderr\n"), o),
            o => Assert.Equal("text", Assert.IsType<DisplayDataOutput>(o).Data[MimeBundle.PlainText]));
        Assert.Empty(cells[10].Outputs);
        Assert.Equal("b.txt", cells[11].PlainResult());
        Assert.Equal("41", cells[12].PlainResult());
        Assert.Equal("awaited value", cells[13].PlainResult());
        Assert.Empty(cells[14].Outputs);
        Assert.Equal("café — ünïcode", cells[15].PlainResult());
        Assert.Equal(Enumerable.Range(1, 15), cells.Skip(1).Select(c => c.ExecutionCount!.Value));
        Assert.Equal(12, Assert.IsType<ExecuteResultOutput>(cells[12].Outputs[0]).ExecutionCount);
    }

    [Fact]
    public async Task Compile_and_runtime_errors_name_the_line_and_later_cells_still_run()
    {
        var result = await EngineTestHelpers.RunAsync("Errors.ipynb");

        var compile = result.RunOf(2);
        Assert.Equal(CellStatus.CompileError, compile.Status);
        Assert.Equal(2, compile.Error!.Line);
        Assert.Equal("(2,9): error CS0103: The name 'undefinedName' does not exist in the current context", compile.Error.Message);
        var compileOutput = Assert.IsType<ErrorOutput>(Assert.Single(result.Notebook.Cells[1].Outputs));
        Assert.Equal("CompilationError", compileOutput.EName);

        var thrown = result.RunOf(3);
        Assert.Equal(CellStatus.RuntimeError, thrown.Status);
        Assert.Equal("System.InvalidOperationException", thrown.Error!.Type);
        Assert.Equal(3, thrown.Error.Line);
        Assert.Equal("boom (line 3 of the cell)", thrown.Error.Message);
        var thrownOutput = Assert.IsType<ErrorOutput>(Assert.Single(result.Notebook.Cells[2].Outputs));
        Assert.Equal("System.InvalidOperationException", thrownOutput.EName);
        Assert.Contains("   at line 3 of this cell", thrownOutput.Traceback);

        Assert.Equal("2", result.Notebook.Cells[3].PlainResult());
        Assert.Equal(5, result.RunOf(5).Error!.Line);
        // The cell that threw joined the chain, as with the kernel's ContinueWithAsync(catchException): its b is defined.
        Assert.Equal("42", result.Notebook.Cells[5].PlainResult());
        Assert.Equal([2, 3, 5], result.Failures.Select(f => f.Number));
    }

    [Fact]
    public async Task A_cell_that_never_ends_times_out_and_the_rest_of_the_notebook_is_not_run()
    {
        var result = await EngineTestHelpers.RunAsync("Timeout.ipynb", new NotebookRunOptions { CellTimeLimit = TimeSpan.FromSeconds(1) });

        Assert.Equal(CellStatus.Ok, result.RunOf(1).Status);
        var timedOut = result.RunOf(2);
        Assert.Equal(CellStatus.TimedOut, timedOut.Status);
        Assert.Contains("did not finish within its time limit of 1 s", timedOut.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new StreamOutput("stdout", "sleeping\n"), timedOut.Outputs[0]);
        Assert.Equal(CellStatus.NotRun, result.RunOf(3).Status);
        Assert.Empty(result.Notebook.Cells[2].Outputs);
        Assert.Null(result.Notebook.Cells[2].ExecutionCount);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Cancellation_stops_a_running_cell()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var result = await NotebookRunner.RunAsync(Notebook.Load(TestFiles.Notebook("Timeout.ipynb")), null, cancel.Token);

        // Cell 2 sleeps for ten minutes; on a slow machine the cancellation may already come while compiling.
        var cancelled = Assert.Single(result.Cells, c => c.Run.Status == CellStatus.Cancelled);
        Assert.True(cancelled.Number <= 2);
        Assert.All(result.Cells.Where(c => c.Number > cancelled.Number), c => Assert.Equal(CellStatus.NotRun, c.Run.Status));
        Assert.Equal(CellStatus.NotRun, result.RunOf(3).Status);
        Assert.True(result.Elapsed < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Types_with_the_formatter_source_convention_render_through_it()
    {
        var result = await EngineTestHelpers.RunAsync("Formatting.ipynb");
        var cells = result.Notebook.Cells;

        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.Run.Error)));
        var chart = Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[2].Outputs));
        Assert.Equal(["text/html"], chart.Data.Keys);
        Assert.Equal("<div class=\"chart\">Vetoes per decade</div>", chart.Data["text/html"]);
        var displayed = Assert.IsType<DisplayDataOutput>(Assert.Single(cells[3].Outputs));
        Assert.Equal("<div class=\"chart\">Displayed</div>", displayed.Data["text/html"]);
        var table = Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[4].Outputs));
        Assert.Equal("<table></table>", table.Data["text/html"]);
        Assert.Equal("(a table)", table.Data["text/plain"]);
        var points = Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[5].Outputs)).Data[MimeBundle.Html];
        Assert.StartsWith("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody><tr><td>0</td><td><details class=\"dni-treeview\"><summary><span class=\"dni-code-hint\"><code>Point2 { X = 1, Y = 2 }</code>", points, StringComparison.Ordinal);
        Assert.Contains("<code>Point2 { X = 3, Y = 4 }</code>", points, StringComparison.Ordinal);
        Assert.Equal("[ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 ... (5 more) ]", cells[6].PlainResult());
        Assert.Contains("<code>(1, two)</code>", Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[7].Outputs)).Data[MimeBundle.Html], StringComparison.Ordinal);
        Assert.Equal("<null>", cells[8].PlainResult());
        Assert.Equal("<b>bold</b>", Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[9].Outputs)).Data["text/html"]);
    }

    [Fact]
    public async Task Other_kernels_display_html_or_are_reported_not_run_and_directives_keep_line_numbers()
    {
        var result = await EngineTestHelpers.RunAsync("Kernels.ipynb");
        var cells = result.Notebook.Cells;

        Assert.Equal("<p>Hello from <b>HTML</b></p>", Assert.IsType<DisplayDataOutput>(Assert.Single(cells[1].Outputs)).Data["text/html"]);
        Assert.Equal("html", result.ResultFor(2).Kernel);
        var javascript = result.RunOf(3);
        Assert.Equal(CellStatus.NotRun, javascript.Status);
        Assert.Contains("'javascript' kernel", javascript.NotRunReason, StringComparison.Ordinal);
        Assert.Equal(4, result.RunOf(4).Error!.Line);
        Assert.Equal("(4,5): error CS0103: The name 'missing' does not exist in the current context", result.RunOf(4).Error!.Message);
        Assert.Equal("csharp directive", cells[4].PlainResult());
        var offline = result.RunOf(6).Error!;
        Assert.Equal(1, offline.Line);
        Assert.Contains("package 'Course.Nonexistent.Package' is not in the local NuGet cache", offline.Message, StringComparison.Ordinal);
        Assert.Contains("offline", offline.Message, StringComparison.Ordinal);
        Assert.Equal("CsvReader", cells[6].PlainResult());
        Assert.Equal(CellStatus.NotRun, result.RunOf(8).Status);
        Assert.Equal("<script type=\"text/javascript\">console.log(1);</script>", Assert.IsType<DisplayDataOutput>(Assert.Single(cells[8].Outputs)).Data["text/html"]);
        Assert.Equal(cells[0].Source, Notebook.Load(TestFiles.Notebook("Kernels.ipynb")).Cells[0].Source);
    }

    [Fact]
    public async Task A_notebook_run_twice_is_written_byte_for_byte_the_same()
    {
        using var temp = TestFiles.NewTempFolder();
        var first = Path.Combine(temp.Path, "first.ipynb");
        var second = Path.Combine(temp.Path, "second.ipynb");

        (await EngineTestHelpers.RunAsync("State.ipynb")).Notebook.Save(first);
        var rerun = await NotebookRunner.RunAsync(Notebook.Load(first));
        rerun.Notebook.Save(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(File.ReadAllText(first), Notebook.Load(first).ToJson());
    }

    [Fact]
    public async Task Notebooks_running_in_parallel_keep_their_console_output_apart()
    {
        var template = Notebook.Load(TestFiles.Notebook("Output.ipynb"));
        var names = Enumerable.Range(1, 4).Select(i => $"nb{i}").ToArray();

        var results = await Task.WhenAll(names.Select(name =>
        {
            var notebook = template.Clone();
            notebook.Cells[0].Source = notebook.Cells[0].Source.Replace("{NAME}", name, StringComparison.Ordinal);
            return Task.Run(() => NotebookRunner.RunAsync(notebook));
        }));

        for (var i = 0; i < names.Length; i++)
        {
            var text = Assert.IsType<StreamOutput>(Assert.Single(results[i].Notebook.Cells[0].Outputs)).Text;
            Assert.Equal(string.Concat(Enumerable.Range(0, 200).Select(n => $"{names[i]} line {n}\n")), text);
        }
    }

    [Fact]
    public async Task Notebooks_compiled_in_parallel_keep_their_own_framework_types()
    {
        // Regression: chains sharing Roslyn's assembly symbols saw two System.String types under parallel load.
        var notebook = Notebook.Load(TestFiles.Notebook("Formatting.ipynb"));

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => NotebookRunner.RunAsync(notebook))));

        Assert.All(results, result => Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.Run.Error))));
    }

    [Fact]
    public async Task One_compiler_serves_parallel_chains_as_the_grader_uses_it()
    {
        var compiler = new CellCompiler();
        var sources = Notebook.Load(TestFiles.Notebook("Formatting.ipynb")).Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.Source).ToList();

        var chains = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            CellCompilation? previous = null;
            var results = new List<CellCompilation>();
            foreach (var source in sources)
            {
                previous = compiler.Compile(source, previous);
                results.Add(previous);
            }

            return results;
        })));

        Assert.All(chains.SelectMany(chain => chain), c => Assert.True(c.Succeeded, string.Join(" ", c.Errors)));
        Assert.Equal(3, chains.Select(chain => chain[0].Compiled!.AssemblyName.Split('#')[0]).Distinct().Count());
    }

    [Fact]
    public async Task The_input_notebook_is_not_changed_by_a_run()
    {
        var notebook = Notebook.Load(TestFiles.Notebook("State.ipynb"));
        var before = notebook.ToJson();

        await NotebookRunner.RunAsync(notebook);

        Assert.Equal(before, notebook.ToJson());
    }
}
