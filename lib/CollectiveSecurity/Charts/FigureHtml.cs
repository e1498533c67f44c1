using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollectiveSecurity.Charts;

/// <summary>Writes the two HTML forms of a figure: the notebook fragment and the standalone page.</summary>
internal static class FigureHtml
{
    /// <summary>Global array of draw callbacks waiting for plotly.js, shared by every chart on the page.</summary>
    internal const string QueueName = "collectiveSecurityPlotlyQueue";

    /// <summary>A page-level variable that, when set before the first chart, replaces the CDN address (for offline notebook servers).</summary>
    internal const string UrlOverrideName = "collectiveSecurityPlotlyUrl";

    /// <summary>The id of the single script tag that loads plotly.js into a notebook page.</summary>
    internal const string LoaderId = "collective-security-plotly-loader";

    /// <summary>plotly's topojson name for a world map at the figure's resolution, as plotly builds it (<c>world_50m</c>, <c>world_110m</c>).</summary>
    internal static string WorldTopojsonName(Figure figure) =>
        string.Create(CultureInfo.InvariantCulture, $"world_{figure.Layout.Geo?.Resolution ?? 110}m");

    /// <summary>
    /// A div, then a script that draws into it. plotly.js is loaded once per page: the first chart adds one script
    /// tag (id <see cref="LoaderId"/>) pointing at the plotly CDN, or at <c>window.collectiveSecurityPlotlyUrl</c> if the page set it; every chart drawn before it has loaded pushes its
    /// draw onto <see cref="QueueName"/>, which the tag's onload runs. If loading fails, the tag is removed (the next
    /// chart retries) and every empty chart says why. The script finds its div as its own previous
    /// sibling, so the same figure shown twice (same id) still draws twice.
    /// <paramref name="elementId"/> replaces the div's id (default <see cref="Figure.DivId"/>).
    /// </summary>
    public static string Fragment(Figure figure, string? elementId = null)
    {
        var id = elementId ?? figure.DivId;
        var config = Config(topojsonUrl: null);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" class=\"collective-security-chart\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n");
        html.Append("(function () {\n");
        html.Append(CultureInfo.InvariantCulture, $"  var figure = {figure.ToJson()};\n");
        html.Append(CultureInfo.InvariantCulture, $"  var config = {config};\n");
        html.Append("  var script = document.currentScript;\n");
        html.Append("  var previous = script ? script.previousElementSibling : null;\n");
        html.Append(CultureInfo.InvariantCulture, $"  var target = previous && previous.id === \"{id}\" ? previous : document.getElementById(\"{id}\");\n");
        html.Append("  function draw() { window.Plotly.newPlot(target, figure.data, figure.layout, config); }\n");
        html.Append("  if (window.Plotly && window.Plotly.newPlot) { draw(); return; }\n");
        html.Append(CultureInfo.InvariantCulture, $"  var queue = window.{QueueName} = window.{QueueName} || [];\n");
        html.Append("  queue.push(draw);\n");
        html.Append(CultureInfo.InvariantCulture, $"  if (document.getElementById(\"{LoaderId}\")) {{ return; }}\n");
        html.Append("  var loader = document.createElement(\"script\");\n");
        html.Append(CultureInfo.InvariantCulture, $"  loader.id = \"{LoaderId}\";\n");
        html.Append(CultureInfo.InvariantCulture, $"  loader.src = window.{UrlOverrideName} || \"{PlotlyScript.CdnUrl}\";\n");
        html.Append("  loader.charset = \"utf-8\";\n");
        html.Append(CultureInfo.InvariantCulture, $"  loader.onload = function () {{ window.{QueueName}.splice(0).forEach(function (f) {{ f(); }}); }};\n");
        html.Append("  loader.onerror = function () {\n");
        html.Append("    loader.remove();\n");
        html.Append(CultureInfo.InvariantCulture, $"    window.{QueueName}.splice(0);\n");
        html.Append("    document.querySelectorAll(\".collective-security-chart:empty\").forEach(function (div) {\n");
        html.Append("      div.textContent = \"plotly.js could not be loaded from \" + loader.src + \"; charts need internet access here.\";\n");
        html.Append("    });\n");
        html.Append("  };\n");
        html.Append("  document.head.appendChild(loader);\n");
        html.Append("})();\n");
        html.Append("</script>\n");
        return html.ToString();
    }

    /// <summary>
    /// A full page: plotly.js in the head (referenced or inlined), the figure JSON in a
    /// <c>script type="application/json"</c> element (id <c>&lt;div id&gt;-figure</c>, so tools can read it), and a
    /// script that draws it. Pages with a world map can carry the world topojson so they draw offline.
    /// </summary>
    public static string Page(Figure figure, StandaloneHtmlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = figure.DivId;
        var title = figure.Layout.Title?.Text is { Length: > 0 } text ? text : "Chart";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>\n");
        if (options.WorldTopojsonPath is { } topojsonPath && figure.Traces.Any(t => t is ChoroplethTrace))
        {
            html.Append("<script>\n");
            html.Append("window.PlotlyGeoAssets = window.PlotlyGeoAssets || { topojson: {} };\n");
            html.Append(CultureInfo.InvariantCulture, $"window.PlotlyGeoAssets.topojson[\"{WorldTopojsonName(figure)}\"] = {ReadTopojson(topojsonPath)};\n");
            html.Append("</script>\n");
        }

        if (options.Plotly.InlineCode is { } code)
        {
            html.Append("<script>\n").Append(code.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("\n</script>\n");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<script src=\"{WebUtility.HtmlEncode(options.Plotly.Source)}\" charset=\"utf-8\"></script>\n");
        }

        html.Append("</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" class=\"collective-security-chart\"></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<script type=\"application/json\" id=\"{id}-figure\">{figure.ToJson()}</script>\n");
        html.Append("<script>\n");
        html.Append(CultureInfo.InvariantCulture, $"var figure = JSON.parse(document.getElementById(\"{id}-figure\").textContent);\n");
        html.Append(CultureInfo.InvariantCulture, $"window.Plotly.newPlot(\"{id}\", figure.data, figure.layout, {Config(options.TopojsonUrl)});\n");
        html.Append("</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Config(string? topojsonUrl)
    {
        var config = new JsonObject { ["responsive"] = true, ["displaylogo"] = false };
        if (topojsonUrl is not null)
        {
            config["topojsonURL"] = topojsonUrl;
        }

        return PlotlyJson.Serialize(config);
    }

    private static string ReadTopojson(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"World topojson not found at {fullPath}; run .ci/install-browser (npm ci) first.", fullPath);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(fullPath));
            return PlotlyJson.Reserialize(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fullPath}: not a topojson file ({e.Message})", e);
        }
    }
}
