namespace CollectiveSecurity.Charts;

/// <summary>
/// The formatter source named by <see cref="Figure"/>'s <see cref="TypeFormatterSourceAttribute"/>: a notebook kernel
/// instantiates it and calls <see cref="CreateTypeFormatters"/> by name.
/// </summary>
internal sealed class FigureFormatterSource
{
    /// <summary>Returns the one formatter a figure needs: its notebook HTML fragment.</summary>
    /// <returns>Formatter objects shaped as the convention expects (<c>MimeType</c>, <c>Type</c>, <c>Format</c>).</returns>
    public IEnumerable<object> CreateTypeFormatters() => [new FigureHtmlFormatter()];
}

/// <summary>
/// Writes a <see cref="Figure"/> as <c>text/html</c>: the fragment of <see cref="Figure.ToHtml"/>, with the div's id made
/// unique per showing (<see cref="Figure.DivId"/>, a dash, then how many figures this process has shown), so the same
/// figure shown twice on one page gets two distinct element ids.
/// </summary>
internal sealed class FigureHtmlFormatter
{
    private static int _shown;

    /// <summary>The MIME type this formatter produces.</summary>
    public string MimeType => "text/html";

    /// <summary>The .NET type this formatter handles.</summary>
    public Type Type => typeof(Figure);

    /// <summary>Writes the figure's HTML fragment.</summary>
    /// <param name="instance">The value to format; anything but a <see cref="Figure"/> is declined.</param>
    /// <param name="writer">Where the HTML goes.</param>
    /// <returns><see langword="true"/> when <paramref name="instance"/> was a figure and was written.</returns>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not Figure figure)
        {
            return false;
        }

        var showing = Interlocked.Increment(ref _shown);
        writer.Write(FigureHtml.Fragment(figure, figure.DivId + "-" + showing.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return true;
    }
}
