using System.Security.Cryptography;
using System.Text;

namespace CollectiveSecurity.Charts;

/// <summary>
/// A chart: data series (<see cref="Traces"/>) plus their presentation (<see cref="Layout"/>), exactly the two
/// halves of a plotly.js figure. Build one with <see cref="Chart"/>, refine it with the <c>With…</c> methods (each
/// returns a new figure; a figure never changes), then show it: as the last expression of a notebook cell it renders
/// as an interactive chart, and <see cref="SaveHtml(string, StandaloneHtmlOptions?)"/> writes a page you can open in a browser.
/// </summary>
/// <example>
/// <code>
/// Chart.Bar(["France", "UK"], [12, 9], name: "Vetoes")
///      .WithTitle("Vetoes cast")
///      .WithYAxis("Vetoes")
/// </code>
/// </example>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed record Figure
{
    internal Figure(IReadOnlyList<Trace> traces, Layout layout)
    {
        Traces = traces;
        Layout = layout;
    }

    /// <summary>The data series, drawn in order (later series on top).</summary>
    public IReadOnlyList<Trace> Traces { get; private init; }

    /// <summary>Title, axes and other presentation settings.</summary>
    public Layout Layout { get; private init; }

    /// <summary>
    /// The id of the chart's <c>div</c> in HTML: <c>chart-</c> and the first 16 hex digits of the SHA-256 of
    /// <see cref="ToJson"/>, so the same figure always gets the same id (no random ids, repeatable output).
    /// </summary>
    public string DivId => "chart-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())), 0, 8).ToLowerInvariant();

    /// <summary>Puts several figures on one chart: all their series, with the first figure's layout.</summary>
    /// <param name="figures">The figures to overlay; at least one.</param>
    /// <returns>A figure with every series of <paramref name="figures"/>, in order.</returns>
    /// <exception cref="ArgumentException">No figure was given.</exception>
    public static Figure Combine(params Figure[] figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Length == 0)
        {
            throw new ArgumentException("Figure.Combine needs at least one figure.", nameof(figures));
        }

        return new Figure([.. figures.SelectMany(f => f.Traces)], figures[0].Layout);
    }

    /// <summary>Adds the series of another figure on top of this one, keeping this figure's layout.</summary>
    /// <param name="other">The figure whose series are added.</param>
    /// <returns>A figure with both figures' series.</returns>
    public Figure Combine(Figure other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Combine(this, other);
    }

    /// <summary>Adds one series on top of this figure's series.</summary>
    /// <param name="trace">The series to add.</param>
    /// <returns>A figure with one more series.</returns>
    public Figure WithTrace(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new Figure([.. Traces, trace], Layout);
    }

    /// <summary>Sets the chart title.</summary>
    /// <param name="title">The title text.</param>
    /// <returns>The same chart with that title.</returns>
    public Figure WithTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return new Figure(Traces, Layout with { Title = new PlotText(title) });
    }

    /// <summary>Sets the horizontal axis title, with room reserved so that long or tilted tick labels never run into it.</summary>
    /// <param name="title">The axis title, such as <c>Year</c>.</param>
    /// <returns>The same chart with that axis title.</returns>
    public Figure WithXAxis(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return new Figure(Traces, Layout with { XAxis = (Layout.XAxis ?? new Axis()) with { Title = AxisTitle(title), AutoMargin = true } });
    }

    /// <summary>Sets the vertical axis title, with room reserved so that long tick labels never run into it.</summary>
    /// <param name="title">The axis title, such as <c>Personnel deployed</c>.</param>
    /// <returns>The same chart with that axis title.</returns>
    public Figure WithYAxis(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return new Figure(Traces, Layout with { YAxis = (Layout.YAxis ?? new Axis()) with { Title = AxisTitle(title), AutoMargin = true } });
    }

    /// <summary>An axis title kept 10 px clear of the tick labels as drawn (see <see cref="PlotText.Standoff"/>).</summary>
    private static PlotText AxisTitle(string title) => new(title) { Standoff = 10 };

    /// <summary>Sets the chart height; the width always follows the page.</summary>
    /// <param name="pixels">Height in pixels, from 100 to 4000.</param>
    /// <returns>The same chart with that height.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixels"/> is outside 100–4000.</exception>
    public Figure WithHeight(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixels, 4000);
        return new Figure(Traces, Layout with { Height = pixels });
    }

    /// <summary>Stacks bar series on top of each other instead of side by side (plotly <c>barmode: "stack"</c>).</summary>
    /// <returns>The same chart with stacked bars.</returns>
    public Figure Stacked() => new(Traces, Layout with { BarMode = "stack" });

    /// <summary>
    /// The figure as plotly.js JSON, <c>{"data":[…],"layout":{…}}</c>: compact, fixed property order, numbers in
    /// invariant form, characters that matter to HTML escaped (<c>\u003C</c>), so the same figure always gives the same bytes.
    /// </summary>
    /// <returns>The JSON text, ready for <c>Plotly.newPlot(div, figure.data, figure.layout)</c>.</returns>
    public string ToJson() => PlotlyJson.Serialize(this);

    /// <summary>
    /// The notebook fragment: a <c>div</c> and a script that draws the figure. The script loads plotly.js from the
    /// plotly CDN once per page (one guarded script tag shared by every chart; charts shown before it has loaded wait in a queue).
    /// A page without internet can set <c>window.collectiveSecurityPlotlyUrl</c> to a local <c>plotly.min.js</c> address first.
    /// </summary>
    /// <returns>HTML for a notebook output (<c>text/html</c>).</returns>
    public string ToHtml() => FigureHtml.Fragment(this);

    /// <summary>A complete HTML page showing the figure, for opening in a browser.</summary>
    /// <param name="options">Where plotly.js and map outlines come from; <see langword="null"/> uses the CDN.</param>
    /// <returns>The page's HTML.</returns>
    public string ToStandaloneHtml(StandaloneHtmlOptions? options = null) => FigureHtml.Page(this, options ?? new StandaloneHtmlOptions());

    /// <summary>Writes <see cref="ToStandaloneHtml"/> to a file (UTF-8, creating the folder if needed).</summary>
    /// <param name="path">The <c>.html</c> file to write.</param>
    /// <param name="options">Where plotly.js and map outlines come from; <see langword="null"/> uses the CDN.</param>
    public void SaveHtml(string path, StandaloneHtmlOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var html = ToStandaloneHtml(options);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Writes a standalone page that gets plotly.js as <paramref name="plotly"/> says.</summary>
    /// <param name="path">The <c>.html</c> file to write.</param>
    /// <param name="plotly">Where plotly.js comes from, for example <see cref="PlotlyScript.Inline"/> for offline use.</param>
    public void SaveHtml(string path, PlotlyScript plotly)
    {
        ArgumentNullException.ThrowIfNull(plotly);
        SaveHtml(path, new StandaloneHtmlOptions { Plotly = plotly });
    }

    /// <summary>Two figures are equal when they produce the same plotly JSON.</summary>
    /// <param name="other">The figure to compare with.</param>
    /// <returns><see langword="true"/> if both draw the same chart.</returns>
    public bool Equals(Figure? other) => other is not null && string.Equals(ToJson(), other.ToJson(), StringComparison.Ordinal);

    /// <summary>A hash consistent with <see cref="Equals(Figure)"/>.</summary>
    /// <returns>The hash of the figure's JSON.</returns>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    /// <summary>A one-line description, shown where HTML cannot be (plain-text outputs).</summary>
    /// <returns>For example <c>Figure "Vetoes cast": 2 series (bar, bar)</c>.</returns>
    public override string ToString()
    {
        var title = Layout.Title is { } t ? $" \"{t.Text}\"" : string.Empty;
        var kinds = string.Join(", ", Traces.Select(trace => trace.Type));
        return $"Figure{title}: {Traces.Count} series ({kinds})";
    }
}
