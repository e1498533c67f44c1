using System.Text.Json.Serialization;

namespace CollectiveSecurity.Charts;

/// <summary>
/// One data series of a <see cref="Figure"/>, serialized as one entry of plotly.js's <c>data</c> array.
/// </summary>
/// <remarks>
/// Each subclass mirrors one plotly.js trace type and carries only the attributes the course uses; the JSON names
/// are plotly's own (see https://plotly.com/javascript/reference/). Traces are built by <see cref="Chart"/>.
/// </remarks>
[JsonPolymorphic]
[JsonDerivedType(typeof(BarTrace))]
[JsonDerivedType(typeof(TimelineTrace))]
[JsonDerivedType(typeof(ScatterTrace))]
[JsonDerivedType(typeof(HeatmapTrace))]
[JsonDerivedType(typeof(ChoroplethTrace))]
public abstract record Trace
{
    private protected Trace(string type, string? name)
    {
        Type = type;
        Name = name;
    }

    /// <summary>plotly.js's trace type, such as <c>bar</c> or <c>choropleth</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public string Type { get; }

    /// <summary>The series name shown in the legend and on hover; <see langword="null"/> lets plotly number it.</summary>
    [JsonPropertyName("name")]
    [JsonPropertyOrder(-1)]
    public string? Name { get; init; }
}

/// <summary>Vertical bars: one labelled category per bar (plotly <c>bar</c>).</summary>
public sealed record BarTrace : Trace
{
    /// <summary>Creates a bar series.</summary>
    /// <param name="x">Category labels, one per bar.</param>
    /// <param name="y">Bar heights, one per label.</param>
    /// <param name="name">Series name, or <see langword="null"/>.</param>
    public BarTrace(IReadOnlyList<string> x, IReadOnlyList<double> y, string? name = null)
        : base("bar", name)
    {
        X = ChartArguments.Labels(x, nameof(x));
        Y = ChartArguments.Finite(y, nameof(y));
        ChartArguments.SameLength(X.Count, nameof(x), Y.Count, nameof(y));
    }

    /// <summary>Category labels along the horizontal axis.</summary>
    [JsonPropertyName("x")]
    public IReadOnlyList<string> X { get; }

    /// <summary>Bar heights.</summary>
    [JsonPropertyName("y")]
    public IReadOnlyList<double> Y { get; }
}

/// <summary>
/// Horizontal bars that start and end at given years, one row per label: a Gantt-style timeline (plotly <c>bar</c>
/// with <c>orientation: "h"</c>, the bar length in <c>x</c> and its start in <c>base</c>).
/// </summary>
public sealed record TimelineTrace : Trace
{
    /// <summary>Creates a timeline series.</summary>
    /// <param name="labels">Row labels, such as mission names.</param>
    /// <param name="starts">Where each bar starts (a year, possibly fractional).</param>
    /// <param name="lengths">How long each bar is (years).</param>
    /// <param name="name">Series name, or <see langword="null"/>.</param>
    public TimelineTrace(IReadOnlyList<string> labels, IReadOnlyList<double> starts, IReadOnlyList<double> lengths, string? name = null)
        : base("bar", name)
    {
        Labels = ChartArguments.Labels(labels, nameof(labels));
        Starts = ChartArguments.Finite(starts, nameof(starts));
        Lengths = ChartArguments.Finite(lengths, nameof(lengths));
        ChartArguments.SameLength(Labels.Count, nameof(labels), Starts.Count, nameof(starts));
        ChartArguments.SameLength(Labels.Count, nameof(labels), Lengths.Count, nameof(lengths));
        for (var i = 0; i < Lengths.Count; i++)
        {
            if (Lengths[i] < 0)
            {
                throw new ArgumentException($"Row \"{Labels[i]}\" ends before it starts; a timeline bar needs end >= start.", nameof(lengths));
            }
        }
    }

    /// <summary>Always <c>h</c>: bars run along the horizontal (year) axis.</summary>
    [JsonPropertyName("orientation")]
    public string Orientation => "h";

    /// <summary>Row labels along the vertical axis.</summary>
    [JsonPropertyName("y")]
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Bar lengths (end minus start).</summary>
    [JsonPropertyName("x")]
    public IReadOnlyList<double> Lengths { get; }

    /// <summary>Bar starts.</summary>
    [JsonPropertyName("base")]
    public IReadOnlyList<double> Starts { get; }
}

/// <summary>Points joined by lines, or markers alone (plotly <c>scatter</c>).</summary>
public sealed record ScatterTrace : Trace
{
    /// <summary>Creates a scatter series.</summary>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Vertical positions, one per <paramref name="x"/>.</param>
    /// <param name="mode">plotly's drawing mode: <c>lines</c>, <c>markers</c> or <c>lines+markers</c>.</param>
    /// <param name="text">Hover labels, one per point, or <see langword="null"/>.</param>
    /// <param name="name">Series name, or <see langword="null"/>.</param>
    public ScatterTrace(IReadOnlyList<double> x, IReadOnlyList<double> y, string mode, IReadOnlyList<string>? text = null, string? name = null)
        : base("scatter", name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mode);
        X = ChartArguments.Finite(x, nameof(x));
        Y = ChartArguments.Finite(y, nameof(y));
        ChartArguments.SameLength(X.Count, nameof(x), Y.Count, nameof(y));
        Mode = mode;
        if (text is not null)
        {
            Text = ChartArguments.Labels(text, nameof(text));
            ChartArguments.SameLength(X.Count, nameof(x), Text.Count, nameof(text));
        }
    }

    /// <summary>Drawing mode: <c>lines</c>, <c>markers</c> or <c>lines+markers</c>.</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; }

    /// <summary>Horizontal positions.</summary>
    [JsonPropertyName("x")]
    public IReadOnlyList<double> X { get; }

    /// <summary>Vertical positions.</summary>
    [JsonPropertyName("y")]
    public IReadOnlyList<double> Y { get; }

    /// <summary>Hover labels, one per point, or <see langword="null"/>.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<string>? Text { get; }
}

/// <summary>A grid of coloured cells: rows by <see cref="Y"/>, columns by <see cref="X"/> (plotly <c>heatmap</c>).</summary>
public sealed record HeatmapTrace : Trace
{
    /// <summary>Creates a heatmap.</summary>
    /// <param name="x">Column labels.</param>
    /// <param name="y">Row labels.</param>
    /// <param name="z">Cell values, <c>z[row][column]</c>; <see langword="null"/> leaves a cell blank.</param>
    /// <param name="name">Series name, or <see langword="null"/>.</param>
    public HeatmapTrace(IReadOnlyList<string> x, IReadOnlyList<string> y, IReadOnlyList<IReadOnlyList<double?>> z, string? name = null)
        : base("heatmap", name)
    {
        ArgumentNullException.ThrowIfNull(z);
        X = ChartArguments.Labels(x, nameof(x));
        Y = ChartArguments.Labels(y, nameof(y));
        ChartArguments.SameLength(Y.Count, nameof(y), z.Count, "z rows");
        var rows = new IReadOnlyList<double?>[z.Count];
        for (var row = 0; row < z.Count; row++)
        {
            var rowName = $"z[{row}]";
            rows[row] = ChartArguments.FiniteOrGap(z[row], rowName);
            ChartArguments.SameLength(X.Count, nameof(x), rows[row].Count, rowName);
        }

        Z = rows;
    }

    /// <summary>Column labels.</summary>
    [JsonPropertyName("x")]
    public IReadOnlyList<string> X { get; }

    /// <summary>Row labels.</summary>
    [JsonPropertyName("y")]
    public IReadOnlyList<string> Y { get; }

    /// <summary>Cell values by row, then column; <see langword="null"/> is a blank cell.</summary>
    [JsonPropertyName("z")]
    public IReadOnlyList<IReadOnlyList<double?>> Z { get; }

    /// <summary>The colour scale name (plotly's <c>Viridis</c>): readable in greyscale and by colour-blind readers.</summary>
    [JsonPropertyName("colorscale")]
    public string ColorScale => "Viridis";

    /// <summary>The colour legend, titled with the series name when there is one.</summary>
    [JsonPropertyName("colorbar")]
    public ColorBar? ColorBar => Name is null ? null : new ColorBar(new PlotText(Name));
}

/// <summary>Countries shaded by a value, located by ISO 3166-1 alpha-3 code (plotly <c>choropleth</c>).</summary>
public sealed record ChoroplethTrace : Trace
{
    /// <summary>Creates a world choropleth.</summary>
    /// <param name="locations">ISO-3 country codes, such as <c>NOR</c>.</param>
    /// <param name="z">One value per country.</param>
    /// <param name="name">Series name, or <see langword="null"/>.</param>
    public ChoroplethTrace(IReadOnlyList<string> locations, IReadOnlyList<double> z, string? name = null)
        : base("choropleth", name)
    {
        Locations = ChartArguments.Labels(locations, nameof(locations));
        Z = ChartArguments.Finite(z, nameof(z));
        ChartArguments.SameLength(Locations.Count, nameof(locations), Z.Count, nameof(z));
        for (var i = 0; i < Locations.Count; i++)
        {
            var code = Locations[i];
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                throw new ArgumentException($"locations[{i}] is \"{code}\"; world maps locate countries by ISO 3166-1 alpha-3 code, three capital letters such as \"NOR\".", nameof(locations));
            }
        }
    }

    /// <summary>Always <c>ISO-3</c>: <see cref="Locations"/> are ISO 3166-1 alpha-3 codes.</summary>
    [JsonPropertyName("locationmode")]
    public string LocationMode => "ISO-3";

    /// <summary>ISO-3 country codes.</summary>
    [JsonPropertyName("locations")]
    public IReadOnlyList<string> Locations { get; }

    /// <summary>One value per country; the colour encodes it.</summary>
    [JsonPropertyName("z")]
    public IReadOnlyList<double> Z { get; }

    /// <summary>The colour scale name (plotly's <c>Viridis</c>).</summary>
    [JsonPropertyName("colorscale")]
    public string ColorScale => "Viridis";

    /// <summary>The colour legend, titled with the series name when there is one.</summary>
    [JsonPropertyName("colorbar")]
    public ColorBar? ColorBar => Name is null ? null : new ColorBar(new PlotText(Name));
}

/// <summary>The colour legend of a heatmap or map.</summary>
/// <param name="Title">The legend title.</param>
public sealed record ColorBar([property: JsonPropertyName("title")] PlotText Title);
