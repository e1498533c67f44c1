namespace Course.Notebooks;

/// <summary>
/// A notebook file that cannot be read: not JSON, not nbformat 4, or a cell or output of the wrong shape.
/// The message is one line, <c>"&lt;file&gt;: &lt;problem&gt;"</c>, so a command line can print it as is.
/// </summary>
public sealed class NotebookFormatException : Exception
{
    public NotebookFormatException(string sourceName, string problem, Exception? inner = null)
        : base($"{sourceName}: {OneLine(problem)}", inner)
    {
        SourceName = sourceName;
        Problem = OneLine(problem);
    }

    /// <summary>The file (or name) the notebook was read from.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
