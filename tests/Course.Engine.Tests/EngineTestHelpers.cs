using Course.Engine.Runtime;
using Course.Notebooks;

namespace Course.Engine.Tests;

internal static class EngineTestHelpers
{
    public static Task<NotebookRunResult> RunAsync(string name, NotebookRunOptions? options = null) =>
        NotebookRunner.RunAsync(Notebook.Load(TestFiles.Notebook(name)), options);

    public static string PlainResult(this NotebookCell cell) =>
        Assert.IsType<ExecuteResultOutput>(Assert.Single(cell.Outputs)).Data[MimeBundle.PlainText];

    public static CellResult ResultFor(this NotebookRunResult result, int cellNumber) =>
        Assert.Single(result.Cells, c => c.Number == cellNumber);

    public static CellRun RunOf(this NotebookRunResult result, int cellNumber) => result.ResultFor(cellNumber).Run;
}
