using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Course.Grading.Pipeline;
using Course.Notebooks;

namespace Course.Grading.Tests.Pipeline;

/// <summary>
/// The reader never trusts a submission: special files, links, hostile sizes and JSON of any shape give
/// that student's row a reason (never an exception, a hang or a large allocation).
/// </summary>
public sealed class SubmissionReaderTests
{
    private const string FileName = "council-votes.ipynb";

    private static string Honest => File.ReadAllText(Path.Combine(TestPaths.Scenarios, "all-correct", "submission", FileName));

    private static string StudentFolder()
    {
        var folder = TestPaths.NewTempFolder("reader");
        return folder;
    }

    [Fact]
    public void An_honest_notebook_reads_and_its_outputs_are_dropped()
    {
        var folder = StudentFolder();
        var json = JsonNode.Parse(Honest)!;
        json["cells"]![1]!["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "stored" });
        File.WriteAllText(Path.Combine(folder, FileName), json.ToJsonString());
        var read = SubmissionReader.Read(folder, FileName);
        Assert.Null(read.Problem);
        Assert.Equal(11, read.Notebook!.Cells.Count);
        Assert.All(read.Notebook.Cells, cell => Assert.Empty(cell.Outputs));
    }

    [Fact]
    public void A_notebook_that_is_a_symbolic_link_to_the_instructors_notebook_is_refused()
    {
        var folder = StudentFolder();
        File.CreateSymbolicLink(Path.Combine(folder, FileName), TestPaths.SourceNotebook);
        var read = SubmissionReader.Read(folder, FileName);
        Assert.Null(read.Notebook);
        Assert.Equal("council-votes.ipynb is a symbolic link, which is refused: hand in the notebook itself", read.Problem);
        Assert.Empty(read.Bytes);
    }

    [Fact]
    public void A_student_folder_that_is_a_symbolic_link_is_refused()
    {
        var real = StudentFolder();
        File.WriteAllText(Path.Combine(real, FileName), Honest);
        var link = Path.Combine(TestPaths.NewTempFolder("reader-links"), "eve");
        Directory.CreateSymbolicLink(link, real);
        var read = SubmissionReader.Read(link, FileName);
        Assert.Null(read.Notebook);
        Assert.StartsWith("the student's folder is a symbolic link", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_in_place_of_the_notebook_is_refused_without_opening_it()
    {
        var folder = StudentFolder();
        var fifo = Path.Combine(folder, FileName);
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening a FIFO for reading waits for a writer: the reader must answer at once, not hang.
        var read = await Task.Run(() => SubmissionReader.Read(folder, FileName)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("council-votes.ipynb is empty (or not a regular file)", read.Problem);
    }

    [Fact]
    public void A_folder_named_like_the_notebook_is_refused()
    {
        var folder = StudentFolder();
        Directory.CreateDirectory(Path.Combine(folder, FileName));
        Assert.Equal("council-votes.ipynb is a folder, not a notebook file", SubmissionReader.Read(folder, FileName).Problem);
    }

    [Fact]
    public void An_oversized_file_is_refused_by_its_size_before_it_is_read()
    {
        var folder = StudentFolder();
        using (var file = File.Create(Path.Combine(folder, FileName)))
        {
            file.SetLength(SubmissionReader.MaxBytes + 1);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = SubmissionReader.Read(folder, FileName);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("council-votes.ipynb is 20 MB, more than the 20 MB a notebook may have", read.Problem);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated to refuse an oversized file");
    }

    [Fact]
    public void A_missing_notebook_names_what_was_handed_in_instead()
    {
        var folder = StudentFolder();
        File.WriteAllText(Path.Combine(folder, "answers.cs"), "x");
        var read = SubmissionReader.Read(folder, FileName);
        Assert.True(read.Missing);
        Assert.Equal("no council-votes.ipynb was handed in (found: answers.cs)", read.Problem);
    }

    [Fact]
    public void A_hostile_6000_cell_notebook_is_refused_for_little_memory()
    {
        // The notebook that once drove the grader to 24 GB: 6,000 tiny code cells.
        var folder = StudentFolder();
        var cells = string.Join(",", Enumerable.Range(0, 6000).Select(i => $"{{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{{}},\"outputs\":[],\"source\":\"var x{i} = {i};\"}}"));
        File.WriteAllText(Path.Combine(folder, FileName), $"{{\"cells\":[{cells}],\"metadata\":{{}},\"nbformat\":4,\"nbformat_minor\":5}}");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = SubmissionReader.Read(folder, FileName);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("council-votes.ipynb is not a readable Jupyter notebook: 6000 cells, more than the 1000 a notebook may have", read.Problem);
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated / 1024} KB allocated to refuse it");
    }

    [Fact]
    public void A_notebook_of_a_million_tiny_json_values_is_refused_before_a_tree_is_built()
    {
        var folder = StudentFolder();
        var zeros = string.Join(",", Enumerable.Repeat("0", 1_200_000));
        File.WriteAllText(Path.Combine(folder, FileName), $"{{\"cells\":[],\"metadata\":{{\"z\":[{zeros}]}},\"nbformat\":4,\"nbformat_minor\":5}}");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = SubmissionReader.Read(folder, FileName);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("council-votes.ipynb is not a readable Jupyter notebook: more than the 1000000 JSON values a notebook may have", read.Problem);
        // The file's own bytes (2.4 MB, read in chunks and copied once) and nothing in proportion to its values.
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated / 1024} KB allocated to refuse it");
    }

    [Theory]
    [InlineData("1", "not a notebook (the file must hold a JSON object)")]
    [InlineData("[]", "not a notebook (the file must hold a JSON object)")]
    [InlineData("{\"nbformat\":\"4\"}", "not a notebook ('nbformat' is missing)")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":[],\"cells\":[]}", "'metadata' must be an object")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":{}}", "'cells' must be a list")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"code\",\"metadata\":{},\"source\":[1]}]}", "cell 1: 'source' must be a string or a list of strings")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"code\",\"metadata\":{\"nbgrader\":[]},\"source\":\"\"}]}", "cell 1: metadata.nbgrader must be an object")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"code\",\"metadata\":{\"nbgrader\":{\"grade_id\":7}},\"source\":\"\"}]}", "cell 1: metadata.nbgrader.grade_id must be a string")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"code\",\"metadata\":{\"nbgrader\":{\"grade_id\":\"a\",\"solution\":\"yes\"}},\"source\":\"\"}]}", "cell 1: metadata.nbgrader.solution must be true or false")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"code\",\"metadata\":{\"nbgrader\":{\"grade_id\":\"a\\tb\"}},\"source\":\"\"}]}", "cell 1: metadata.nbgrader.grade_id holds control, invisible or line-breaking characters")]
    [InlineData("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"code\",\"metadata\":{\"nbgrader\":{\"grade_id\":\"a\\u2066b\"}},\"source\":\"\"}]}", "cell 1: metadata.nbgrader.grade_id holds control, invisible or line-breaking characters")]
    public void Malformed_json_gives_one_line_reasons(string json, string problem)
    {
        var folder = StudentFolder();
        File.WriteAllText(Path.Combine(folder, FileName), json);
        Assert.Equal("council-votes.ipynb is not a readable Jupyter notebook: " + problem, SubmissionReader.Read(folder, FileName).Problem);
    }

    /// <summary>
    /// Every member of an honest notebook, anywhere (notebook, cell and nbgrader metadata, sources, ids),
    /// replaced in turn by a value of every JSON type: reading either succeeds or gives a reason, and what
    /// grading does next with a notebook that reads (kernel names, nbgrader metadata, restoring the
    /// instructor's cells) throws nothing either.
    /// </summary>
    [Fact]
    public void Any_value_of_any_type_anywhere_gives_a_notebook_or_a_reason_never_an_exception()
    {
        var assignment = Course.Grading.Assignments.Assignment.Load(TestPaths.SourceNotebook);
        var honest = JsonNode.Parse(Honest)!;
        var paths = new List<List<object>>();
        CollectPaths(honest, [], paths);
        JsonNode?[] replacements = [JsonValue.Create(42), JsonValue.Create(-1.5e300), JsonValue.Create("csharp"), JsonValue.Create(true), null, new JsonObject { ["kernelName"] = 1 }, new JsonArray(1, "x", new JsonArray())];
        var read = 0;
        var refused = 0;
        foreach (var path in paths)
        {
            foreach (var replacement in replacements)
            {
                var mutated = honest.DeepClone();
                Set(mutated, path, replacement?.DeepClone());
                Notebook notebook;
                try
                {
                    notebook = Notebook.Parse(Encoding.UTF8.GetBytes(mutated.ToJsonString()), FileName, SubmissionReader.Limits);
                }
                catch (NotebookFormatException)
                {
                    refused++;
                    continue;
                }

                read++;
                _ = notebook.DefaultKernelName;
                foreach (var cell in notebook.Cells)
                {
                    _ = cell.KernelName;
                    try
                    {
                        _ = cell.Nbgrader;
                    }
                    catch (NotebookFormatException)
                    {
                        // The one documented failure of this property.
                    }
                }

                Assert.NotEmpty(InstructorCellRestorer.Restore(assignment, notebook));
            }
        }

        // Both outcomes happen: the test explores reading, not only refusing.
        Assert.True(read > 100 && refused > 100, $"{read} read, {refused} refused of {paths.Count * replacements.Length}");
    }

    private static void CollectPaths(JsonNode? node, List<object> at, List<List<object>> paths)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (key, value) in json)
                {
                    List<object> next = [.. at, key];
                    paths.Add(next);
                    CollectPaths(value, next, paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    List<object> next = [.. at, i];
                    paths.Add(next);
                    CollectPaths(array[i], next, paths);
                }

                break;
        }
    }

    private static void Set(JsonNode root, List<object> path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path.SkipLast(1))
        {
            parent = step is string key ? parent[key]! : parent[(int)step]!;
        }

        if (path[^1] is string last)
        {
            parent[last] = value;
        }
        else
        {
            parent[(int)path[^1]] = value;
        }
    }
}
