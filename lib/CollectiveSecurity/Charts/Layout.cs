using System.Text.Json.Serialization;

namespace CollectiveSecurity.Charts;

/// <summary>
/// Everything about a <see cref="Figure"/> that is not data: title, axes, map projection, size
/// (plotly.js's <c>layout</c> object). Unset parts are left out of the JSON so plotly uses its defaults.
/// </summary>
public sealed record Layout
{
    /// <summary>The chart title, or <see langword="null"/> for none.</summary>
    [JsonPropertyName("title")]
    public PlotText? Title { get; init; }

    /// <summary>The horizontal axis.</summary>
    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; init; }

    /// <summary>The vertical axis.</summary>
    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; init; }

    /// <summary>The map settings; set only for world maps.</summary>
    [JsonPropertyName("geo")]
    public Geo? Geo { get; init; }

    /// <summary>How several bar series share a category: <c>group</c> (side by side) or <c>stack</c>.</summary>
    [JsonPropertyName("barmode")]
    public string? BarMode { get; init; }

    /// <summary>The plot height in pixels, or <see langword="null"/> for plotly's default (450).</summary>
    [JsonPropertyName("height")]
    public int? Height { get; init; }

    /// <summary>Reserved space around the plot area, or <see langword="null"/> for plotly's default.</summary>
    [JsonPropertyName("margin")]
    public Margin? Margin { get; init; }
}

/// <summary>A piece of text with plotly's object form (<c>{"text": ...}</c>; plotly.js 3+ no longer takes bare strings).</summary>
/// <param name="Text">The text shown.</param>
public sealed record PlotText([property: JsonPropertyName("text")] string Text)
{
    /// <summary>
    /// For an axis title only: the gap in pixels between the tick labels and the title, or <see langword="null"/> for
    /// plotly's default. With <see cref="Axis.AutoMargin"/> on, a set gap makes plotly measure it from the labels as
    /// drawn, tilted ones included; plotly's own default does not, and lets tilted labels run into the title.
    /// </summary>
    [JsonPropertyName("standoff")]
    public int? Standoff { get; init; }
}

/// <summary>One axis of a cartesian chart.</summary>
public sealed record Axis
{
    /// <summary>The axis title, or <see langword="null"/>.</summary>
    [JsonPropertyName("title")]
    public PlotText? Title { get; init; }

    /// <summary>plotly's axis type (<c>category</c>, <c>linear</c>), or <see langword="null"/> to let plotly guess from the data.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary><c>reversed</c> draws the first category at the top (used by timelines); <see langword="null"/> is plotly's default.</summary>
    [JsonPropertyName("autorange")]
    public string? AutoRange { get; init; }

    /// <summary>Whether the axis reserves room for long tick labels; <see langword="null"/> is plotly's default.</summary>
    [JsonPropertyName("automargin")]
    public bool? AutoMargin { get; init; }
}

/// <summary>
/// Settings of a world map (plotly <c>layout.geo</c>). The defaults show the whole inhabited world, whichever countries
/// are shaded: from Cape Horn (56°S) to northern Greenland (84°N), with the map's edge at 169°W in the Bering Strait, so
/// that the Pacific island states on both sides of the date line (Fiji, Samoa, Tonga) sit whole beside New Zealand.
/// </summary>
public sealed record Geo
{
    /// <summary>The map projection; <c>natural earth</c> keeps areas and shapes readable, centred on 11°E.</summary>
    [JsonPropertyName("projection")]
    public Projection Projection { get; init; } = new("natural earth") { Rotation = new ProjectionRotation(11) };

    /// <summary>
    /// Always <see langword="false"/>: the map keeps its whole-world extent. plotly.js 4 otherwise zooms to the shaded
    /// countries (<c>fitbounds: "locations"</c>), which cuts off the rest of the world and, with countries on both sides
    /// of the date line, can take the long way round and cut off shaded countries too.
    /// </summary>
    [JsonPropertyName("fitbounds")]
    public bool FitBounds => false;

    /// <summary>
    /// The detail of the country outlines: <c>50</c> (1:50 million) or plotly's default <c>110</c>. At 1:110 million
    /// small states such as Malta and Samoa have no outline at all, so they could not be shaded.
    /// </summary>
    [JsonPropertyName("resolution")]
    public int Resolution { get; init; } = 50;

    /// <summary>The latitudes shown, in degrees north: 58°S to 85°N leaves out Antarctica's interior and nothing inhabited.</summary>
    [JsonPropertyName("lataxis")]
    public GeoAxis LatAxis { get; init; } = new([-58, 85]);

    /// <summary>Whether to draw a frame around the map.</summary>
    [JsonPropertyName("showframe")]
    public bool ShowFrame { get; init; }

    /// <summary>Whether to draw country borders, so countries without a value can be told apart.</summary>
    [JsonPropertyName("showcountries")]
    public bool ShowCountries { get; init; } = true;

    /// <summary>The colour of country borders.</summary>
    [JsonPropertyName("countrycolor")]
    public string CountryColor { get; init; } = "#b0b0b0";

    /// <summary>Whether to draw coastlines.</summary>
    [JsonPropertyName("showcoastlines")]
    public bool ShowCoastlines { get; init; } = true;
}

/// <summary>A map projection by plotly name.</summary>
/// <param name="Type">plotly's projection name, such as <c>natural earth</c>.</param>
public sealed record Projection([property: JsonPropertyName("type")] string Type)
{
    /// <summary>Which meridian the map is centred on, or <see langword="null"/> for plotly's default (0°).</summary>
    [JsonPropertyName("rotation")]
    public ProjectionRotation? Rotation { get; init; }
}

/// <summary>The longitude a map projection is centred on; the map's edges lie 180° away from it.</summary>
/// <param name="Lon">Degrees east (negative for west), from -180 to 180.</param>
public sealed record ProjectionRotation([property: JsonPropertyName("lon")] double Lon);

/// <summary>The range of one map axis (plotly <c>lataxis</c> or <c>lonaxis</c>).</summary>
/// <param name="Range">The first and last degree shown, such as <c>[-58, 85]</c> for latitudes.</param>
public sealed record GeoAxis([property: JsonPropertyName("range")] IReadOnlyList<double> Range);

/// <summary>Space around the plot area, in pixels.</summary>
/// <param name="Left">Left margin.</param>
/// <param name="Right">Right margin.</param>
/// <param name="Top">Top margin.</param>
/// <param name="Bottom">Bottom margin.</param>
public sealed record Margin(
    [property: JsonPropertyName("l")] int Left,
    [property: JsonPropertyName("r")] int Right,
    [property: JsonPropertyName("t")] int Top,
    [property: JsonPropertyName("b")] int Bottom);
