using System.Text.Json.Nodes;
using Course.Notebooks;

namespace Course.Engine.Tests;

public class NotebookModelTests
{
    [Theory]
    [InlineData("RoundTrip.ipynb")]
    [InlineData("RoundTripIndent4.ipynb")]
    public void A_notebook_loaded_and_saved_unchanged_is_byte_identical(string name)
    {
        var path = TestFiles.Notebook(name);
        using var temp = TestFiles.NewTempFolder();
        var copy = Path.Combine(temp.Path, name);

        Notebook.Load(path).Save(copy);

        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(copy));
    }

    [Fact]
    public void Reading_interprets_cells_outputs_kernels_and_nbgrader_metadata()
    {
        var notebook = Notebook.Load(TestFiles.Notebook("RoundTrip.ipynb"));

        Assert.Equal(7, notebook.Cells.Count);
        Assert.Equal("csharp", notebook.DefaultKernelName);
        var intro = notebook.Cells[0];
        Assert.Equal(CellKind.Markdown, intro.Kind);
        Assert.Equal("intro", intro.Id);
        Assert.StartsWith("# Collective security — «Sécurité collective» 🌍\n\nTabs\t", intro.Source, StringComparison.Ordinal);
        Assert.Null(intro.KernelName);

        var code = notebook.Cells[2];
        Assert.Equal(CellKind.Code, code.Kind);
        Assert.Equal("var x = 40;\nConsole.WriteLine(\"hello\\nworld\");\nx + 2", code.Source);
        Assert.Equal("csharp", code.KernelName);
        Assert.Equal(1, code.ExecutionCount);
        Assert.Equal(new NbgraderCell("ex1-answer", Grade: false, Solution: true, Locked: false, Points: null), code.Nbgrader);
        Assert.True(code.Nbgrader!.IsAnswer);
        Assert.Collection(
            code.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "hello\nworld\n"), o),
            o => Assert.Equal("42", Assert.IsType<ExecuteResultOutput>(o).Data["text/plain"]),
            o =>
            {
                var display = Assert.IsType<DisplayDataOutput>(o);
                Assert.Equal("<b>hi</b>\n<i>there</i>", display.Data["text/html"]);
                Assert.Equal("{\"a\":null,\"b\":[1,2.5]}", display.Data["application/json"]);
                Assert.Equal("d1", display.Extra!["transient"]!["display_id"]!.GetValue<string>());
            },
            o =>
            {
                var error = Assert.IsType<ErrorOutput>(o);
                Assert.Equal("Error", error.EName);
                Assert.Equal(["line one", "line two"], error.Traceback);
            });

        var test = notebook.Cells[3];
        Assert.Equal("csharp", test.KernelName);
        Assert.True(test.Nbgrader!.IsTest);
        Assert.Equal(2.5, test.Nbgrader.Points);
        Assert.Null(test.ExecutionCount);

        Assert.Equal("html", notebook.Cells[4].KernelName);
        Assert.Null(notebook.Cells[5].KernelName);
        Assert.Equal(string.Empty, notebook.Cells[5].Source);
        Assert.Equal("raw\r\nwindows\rmac\u2028sep", notebook.Cells[6].Source);
    }

    [Fact]
    public void Exercise_metadata_set_in_code_reads_back_from_the_same_cell()
    {
        var cell = NotebookCell.Code("// test", id: "t1");
        cell.Nbgrader = new NbgraderCell("ex1-tests", Grade: true, Solution: false, Locked: true, Points: 2);

        Assert.Equal(2, cell.Nbgrader!.Points);
        Assert.Equal(3, cell.Nbgrader.SchemaVersion);
        Assert.True(cell.Nbgrader.IsTest);
    }

    [Fact]
    public void Changes_are_written_and_read_back()
    {
        var notebook = Notebook.Load(TestFiles.Notebook("RoundTrip.ipynb"));
        var cell = notebook.Cells[3];
        cell.Source = "// new\nvar y = 1;\n";
        cell.Nbgrader = cell.Nbgrader! with { Points = 3 };
        cell.Outputs.Add(new StreamOutput(StreamOutput.StandardError, "oops\n"));
        cell.ExecutionCount = 7;
        notebook.Cells.Add(NotebookCell.Code("display(1);", id: "new1"));

        var again = Notebook.Parse(notebook.ToJson(), "again.ipynb");

        var reread = again.Cells[3];
        Assert.Equal("// new\nvar y = 1;\n", reread.Source);
        Assert.Equal(3, reread.Nbgrader!.Points);
        Assert.Equal(7, reread.ExecutionCount);
        Assert.Equal(new StreamOutput("stderr", "oops\n"), Assert.Single(reread.Outputs));
        Assert.Equal("csharp", again.Cells[^1].KernelName);
        Assert.Contains("\"points\": 3,", notebook.ToJson(), StringComparison.Ordinal);
        Assert.Equal(notebook.ToJson(), again.ToJson());
    }

    [Fact]
    public void Unknown_metadata_survives_and_clone_is_deep()
    {
        var notebook = Notebook.Load(TestFiles.Notebook("RoundTrip.ipynb"));
        var clone = notebook.Clone();
        clone.Cells[0].Source = "changed";
        clone.Metadata["custom_tool"]!["keep"] = false;

        Assert.NotEqual("changed", notebook.Cells[0].Source);
        Assert.True(notebook.Metadata["custom_tool"]!["keep"]!.GetValue<bool>());
        Assert.Contains("\"big\": 12345678901234567890", clone.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_notebook_carries_polyglot_metadata()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(NotebookCell.Markdown("# Title", id: "m"));
        notebook.Cells.Add(NotebookCell.Code("1 + 1", id: "c"));

        var json = JsonNode.Parse(notebook.ToJson())!;

        Assert.Equal(".net-csharp", json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("C#", json["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal("csharp", json["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.EndsWith("}\n", notebook.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"cells\": [", "bad.ipynb: not valid JSON")]
    [InlineData("[1, 2]", "bad.ipynb: not a notebook (the file must hold a JSON object)")]
    [InlineData("{\"cells\": [], \"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0}", "bad.ipynb: nbformat 3 is not supported (only nbformat 4)")]
    [InlineData("{\"cells\": {}, \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: 'cells' must be a list")]
    [InlineData("{\"cells\": [{\"cell_type\": \"python\", \"metadata\": {}, \"source\": \"\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cell 1: unknown cell_type 'python' (expected code, markdown or raw)")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"x\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cell 1: a code cell needs an 'outputs' list")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [1], \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cell 1: 'source' must be a string or a list of strings")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\", \"outputs\": [{\"output_type\": \"picture\"}]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cell 1, output 1: unknown output_type 'picture'")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {\"nbgrader\": {\"grade\": true}}, \"source\": \"\", \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", "bad.ipynb: cell 1: metadata.nbgrader has no grade_id")]
    public void Malformed_notebooks_give_one_line_naming_file_and_problem(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "bad.ipynb"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load("/no/such/folder/n.ipynb"));

        Assert.Equal("/no/such/folder/n.ipynb: file not found", error.Message);
    }
}
