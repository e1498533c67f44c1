namespace CollectiveSecurity.Charts;

/// <summary>
/// Where a standalone chart page gets plotly.js from: the plotly CDN (needs internet), a script address
/// (for example a local <c>plotly.min.js</c> next to the page), or the file's contents inlined into the page
/// (fully offline, about 5 MB per page).
/// </summary>
public sealed record PlotlyScript
{
    /// <summary>
    /// The plotly.js version the figures are written for; it matches the pinned npm package
    /// <c>plotly.js-dist-min</c> in the repository's <c>package.json</c>.
    /// </summary>
    public const string Version = "4.1.2";

    /// <summary>The plotly CDN address of <see cref="Version"/>.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    private PlotlyScript(string? source, string? inlineCode)
    {
        Source = source;
        InlineCode = inlineCode;
    }

    /// <summary>plotly.js from the plotly CDN (the default; the page needs internet).</summary>
    public static PlotlyScript Cdn { get; } = new(CdnUrl, null);

    /// <summary>The <c>src</c> address of the script tag, or <see langword="null"/> when the code is inlined.</summary>
    public string? Source { get; }

    /// <summary>The inlined plotly.js code, or <see langword="null"/> when the page references <see cref="Source"/>.</summary>
    public string? InlineCode { get; }

    /// <summary>References plotly.js by address: a URL, or a path relative to the saved page.</summary>
    /// <param name="source">The script address, for example <c>plotly.min.js</c> or <c>https://…/plotly.min.js</c>.</param>
    /// <returns>A script that the page loads from <paramref name="source"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is empty.</exception>
    public static PlotlyScript Reference(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new PlotlyScript(source, null);
    }

    /// <summary>References a local <c>plotly.min.js</c> by its absolute <c>file://</c> address.</summary>
    /// <param name="path">Path of <c>plotly.min.js</c>, such as <c>node_modules/plotly.js-dist-min/plotly.min.js</c>.</param>
    /// <returns>A script the page loads from that file.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static PlotlyScript LocalFile(string path)
    {
        var fullPath = RequireFile(path);
        return new PlotlyScript(new Uri(fullPath).AbsoluteUri, null);
    }

    /// <summary>Copies the contents of a local <c>plotly.min.js</c> into the page, so the page works with no network and no other file.</summary>
    /// <param name="path">Path of <c>plotly.min.js</c>.</param>
    /// <returns>A script inlined into the page.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static PlotlyScript Inline(string path) => new(null, File.ReadAllText(RequireFile(path)));

    private static string RequireFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        return File.Exists(fullPath)
            ? fullPath
            : throw new FileNotFoundException($"plotly.js not found at {fullPath}; run .ci/install-browser (npm ci) first.", fullPath);
    }
}
