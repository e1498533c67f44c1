using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>
/// Instruments an exported chart page so the page reports on itself in its DOM: the problems
/// <c>Plotly.validate(data, layout)</c> finds in the figure JSON, script errors, and how many of the elements that
/// prove the plot drew (an SVG root, bars, points, heatmap image, map shapes) exist. The report is a
/// <c>&lt;pre id="chart-probe"&gt;</c> holding JSON, read back from chromium's <c>--dump-dom</c>.
/// </summary>
internal static partial class PlotProbe
{
    private const string ErrorCapture = """
        <script>
        window.chartProbeErrors = [];
        window.addEventListener("error", function (e) { window.chartProbeErrors.push(String(e.message)); });
        window.addEventListener("unhandledrejection", function (e) { window.chartProbeErrors.push("unhandled rejection: " + String(e.reason)); });
        </script>
        """;

    // Waits (in virtual time) until the expected element appears, then writes the report.
    private const string Reporter = """
        <script>
        (function () {
          var selectors = {
            mainSvg: "svg.main-svg",
            bars: "g.trace.bars g.point path",
            lines: "g.trace.scatter path.js-line",
            points: "g.trace.scatter path.point",
            heatmapImages: "g.hm image",
            countries: "g.geo path.choroplethlocation",
            geoLayers: "g.geo g.layer"
          };
          var tries = 0;
          function count() {
            var counts = {};
            Object.keys(selectors).forEach(function (k) { counts[k] = document.querySelectorAll(selectors[k]).length; });
            return counts;
          }
          function report() {
            var figureElement = document.querySelector("script[type='application/json']");
            var figure = JSON.parse(figureElement.textContent);
            var problems = window.Plotly ? (window.Plotly.validate(figure.data, figure.layout) || []) : [{ msg: "window.Plotly is missing" }];
            var result = {
              plotlyVersion: window.Plotly ? window.Plotly.version : null,
              problems: problems.map(function (p) { return p.msg || JSON.stringify(p); }),
              errors: window.chartProbeErrors,
              counts: count(),
              waitedTicks: tries
            };
            var pre = document.createElement("pre");
            pre.id = "chart-probe";
            pre.textContent = JSON.stringify(result);
            document.body.appendChild(pre);
          }
          function poll() {
            tries++;
            if (document.querySelectorAll(__EXPECTED__).length > 0 || tries > 200) { setTimeout(report, 100); return; }
            setTimeout(poll, 50);
          }
          poll();
        })();
        </script>
        """;

    /// <summary>Adds the probe to a page written by <c>Figure.SaveHtml</c>; <paramref name="expectedSelector"/> is what the probe waits for.</summary>
    public static void Instrument(string htmlPath, string expectedSelector)
    {
        var html = File.ReadAllText(htmlPath);
        Assert.Contains("<head>\n", html, StringComparison.Ordinal);
        Assert.Contains("</body>", html, StringComparison.Ordinal);
        html = html.Replace("<head>\n", "<head>\n" + ErrorCapture + "\n", StringComparison.Ordinal);
        var reporter = Reporter.Replace("__EXPECTED__", JsonSerializer.Serialize(expectedSelector), StringComparison.Ordinal);
        html = html.Replace("</body>", reporter + "\n</body>", StringComparison.Ordinal);
        File.WriteAllText(htmlPath, html);
    }

    /// <summary>Reads the probe's report out of a dumped DOM.</summary>
    public static ProbeReport Read(string dom)
    {
        var match = ProbeElement().Match(dom);
        Assert.True(match.Success, $"the page wrote no probe report; the DOM was:\n{Shorten(dom)}");
        using var json = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = json.RootElement;
        return new ProbeReport(
            root.GetProperty("plotlyVersion").GetString(),
            [.. root.GetProperty("problems").EnumerateArray().Select(p => p.GetString() ?? string.Empty)],
            [.. root.GetProperty("errors").EnumerateArray().Select(p => p.GetString() ?? string.Empty)],
            root.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            root.GetProperty("waitedTicks").GetInt32());
    }

    private static string Shorten(string dom) =>
        dom.Length <= 2000 ? dom : string.Create(CultureInfo.InvariantCulture, $"{dom[..2000]}… ({dom.Length} characters)");

    [GeneratedRegex("<pre id=\"chart-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeElement();
}

internal sealed record ProbeReport(
    string? PlotlyVersion,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Errors,
    IReadOnlyDictionary<string, int> Counts,
    int WaitedTicks);
