using Course.Engine.Runtime;
using Course.Notebooks;

namespace Course.Engine.Tests;

internal static class EngineTestHelpers
{
    public static Task<NotebookRunResult> RunAsync(string name, NotebookRunOptions? options = null) =>
        NotebookRunner.RunAsync(Notebook.Load(TestFiles.Notebook(name)), options);

    /// <summary>
    /// The text a cell's single value shows: its <c>text/plain</c> (strings), or the text inside the kernel's
    /// <c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;</c> HTML (numbers, sequences of scalars, null), decoded.
    /// </summary>
    public static string PlainResult(this NotebookCell cell) =>
        ShownText(Assert.IsType<ExecuteResultOutput>(Assert.Single(cell.Outputs)).Data);

    /// <summary>The text of a MIME bundle shown as plain text, or as the kernel's plain-text HTML (see <see cref="PlainResult"/>).</summary>
    public static string ShownText(IReadOnlyDictionary<string, string> bundle)
    {
        if (bundle.TryGetValue(MimeBundle.PlainText, out var text))
        {
            return text;
        }

        var match = System.Text.RegularExpressions.Regex.Match(bundle[MimeBundle.Html], "^<div class=\"dni-plaintext\"><pre>(.*?)</pre></div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "not the kernel's plain-text HTML: " + bundle[MimeBundle.Html]);
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static CellResult ResultFor(this NotebookRunResult result, int cellNumber) =>
        Assert.Single(result.Cells, c => c.Number == cellNumber);

    public static CellRun RunOf(this NotebookRunResult result, int cellNumber) => result.ResultFor(cellNumber).Run;
}
