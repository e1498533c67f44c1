using Course.Notebooks;

namespace Course.Engine.Tests.RealWorld;

/// <summary>Notebook files as older Jupyter versions and other editors write them (issue 10).</summary>
public sealed class NotebookVariantTests
{
    // One notebook per nbformat 4 minor version, each with what that version added.
    public static TheoryData<int, string> Minors() => new()
    {
        { 0, """{"cell_type": "raw", "metadata": {"format": "text/plain"}, "source": "raw text"}""" },
        { 1, """{"attachments": {"a.png": {"image/png": "iVBORw0KGgo="}}, "cell_type": "markdown", "metadata": {}, "source": ["![a](attachment:a.png)"]}""" },
        { 2, """{"cell_type": "markdown", "metadata": {"deletable": false, "editable": false}, "source": ["locked prose"]}""" },
        { 3, """{"cell_type": "markdown", "metadata": {"name": "intro", "tags": ["setup"]}, "source": "tagged"}""" },
        { 4, """{"cell_type": "markdown", "metadata": {"jupyter": {"source_hidden": true}}, "source": "hidden source"}""" },
        { 5, """{"cell_type": "markdown", "id": "prose-1", "metadata": {}, "source": "with an id"}""" },
    };

    [Theory]
    [MemberData(nameof(Minors))]
    public async Task Nbformat_4_minor_versions_0_to_5_are_read_run_and_written_back_unchanged(int minor, string extraCell)
    {
        var id = minor >= 5 ? "\"id\": \"code-1\",\n" : string.Empty;
        var json = """
            {
             "cells": [
              EXTRA,
              {
               "cell_type": "code",
               "execution_count": 1,
               ID   "metadata": {"collapsed": false},
               "outputs": [
                {"name": "stdout", "output_type": "stream", "text": ["old output\n"]},
                {"data": {"text/plain": ["4"]}, "execution_count": 1, "metadata": {}, "output_type": "execute_result"}
               ],
               "source": ["Console.WriteLine(\"now\");\n", "2 + 2"]
              }
             ],
             "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "language_info": {"name": "C#"}},
             "nbformat": 4,
             "nbformat_minor": MINOR
            }
            """.Replace("EXTRA", extraCell, StringComparison.Ordinal).Replace("ID", id, StringComparison.Ordinal)
            .Replace("MINOR", minor.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var notebook = Notebook.Parse(Notebook.Parse(json, "old.ipynb").ToJson(), "old.ipynb");
        Assert.Equal(minor, notebook.FormatMinor);
        Assert.Empty(notebook.Warnings);
        Assert.Equal(notebook.ToJson(), Notebook.Parse(notebook.ToJson(), "again.ipynb").ToJson());
        var result = await NotebookRunner.RunAsync(notebook);
        Assert.True(result.Succeeded);
        var outputs = result.Notebook.Cells[1].Outputs;
        Assert.Equal("now\n", Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Contains("<pre>4</pre>", Assert.IsType<ExecuteResultOutput>(outputs[1]).Data[MimeBundle.Html], StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_cell_id_is_repaired_on_the_later_cell_with_a_warning_as_jupyters_reader_does()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(NotebookCell.Markdown("first", "q1"));
        notebook.Cells.Add(NotebookCell.Code("1", "a"));
        notebook.Cells.Add(NotebookCell.Code("2", "q1"));
        notebook.Cells.Add(NotebookCell.Code("3", "q1"));
        var json = notebook.ToJson();
        var read = Notebook.Parse(json, "pasted.ipynb");
        Assert.Equal("q1", read.Cells[0].Id);
        Assert.Equal("a", read.Cells[1].Id);
        Assert.Matches("^[0-9a-f]{8}$", read.Cells[2].Id);
        Assert.Matches("^[0-9a-f]{8}$", read.Cells[3].Id);
        Assert.Equal(4, read.Cells.Select(c => c.Id).Distinct().Count());
        Assert.Equal(
            [$"cell 3: non-unique cell id 'q1' detected. Corrected to '{read.Cells[2].Id}'.", $"cell 4: non-unique cell id 'q1' detected. Corrected to '{read.Cells[3].Id}'."],
            read.Warnings);

        // Reading the same file again gives the same ids: runs and releases stay repeatable.
        Assert.Equal(read.ToJson(), Notebook.Parse(json, "pasted.ipynb").ToJson());
    }

    [Theory]
    [InlineData("a\nb\r\nc\rd", new[] { "a", "b", "c", "d" })]
    [InlineData("one\r\r\ntwo\n", new[] { "one", "", "two", "" })]
    [InlineData("", new[] { "" })]
    public void Every_line_end_ends_a_line_and_the_text_comes_back_whole(string text, string[] lines)
    {
        Assert.Equal(lines, LineEnds.Split(text));
        Assert.Equal(text, string.Concat(LineEnds.SplitKeepingEnds(text).Select(l => l.Text + l.End)));
    }

    [Fact]
    public async Task A_cell_with_lone_carriage_returns_still_sees_its_directives_per_line()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(NotebookCell.Code("#!csharp\rvar x = 20;\rx + 1"));
        var result = await NotebookRunner.RunAsync(notebook);
        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.Run.Error)));
        Assert.Equal("21", result.Notebook.Cells[0].PlainResult());
    }
}
