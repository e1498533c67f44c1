namespace CollectiveSecurity.Data;

/// <summary>
/// A row of a course dataset that could not be read or failed validation.
/// The message is one line, <c>file:line: reason</c>, so a learner or maintainer can open the CSV and fix that row.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception for one bad row.</summary>
    /// <param name="file">The dataset file name, e.g. <c>unsc_vetoes.csv</c>.</param>
    /// <param name="line">The 1-based line in that file (line 1 is the header).</param>
    /// <param name="reason">What is wrong with the row, in plain words.</param>
    public DatasetException(string file, int line, string reason)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}:{line}: {reason}"))
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>Creates the exception for one bad row, keeping the error that revealed it.</summary>
    /// <param name="file">The dataset file name.</param>
    /// <param name="line">The 1-based line in that file.</param>
    /// <param name="reason">What is wrong with the row.</param>
    /// <param name="inner">The parser's own error.</param>
    public DatasetException(string file, int line, string reason, Exception inner)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}:{line}: {reason}"), inner)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The dataset file name, e.g. <c>unsc_vetoes.csv</c>.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the bad row (line 1 is the header).</summary>
    public int Line { get; }

    /// <summary>Why the row was rejected.</summary>
    public string Reason { get; }
}
