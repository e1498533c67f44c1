using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>
/// Instruments an exported world-map page so that it reports, in its DOM, where plotly drew the map: the geo
/// subplot's clip rectangle (what the viewer can see), the bounding box of every shaded country, and where the map puts given places (through the d3 projection
/// plotly.js keeps on the geo subplot, <c>_fullLayout.geo._subplot.projection</c>, which plotly's own tests read too: a
/// place outside the visible area draws nothing a DOM query could find), all in page pixels. Read back with chromium's <c>--dump-dom</c>.
/// </summary>
internal static partial class MapProbe
{
    private const string Reporter = """
        <script>
        (function () {
          var errors = [];
          window.addEventListener("error", function (e) { errors.push(String(e.message)); });
          function box(r) { return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }
          function report() {
            var out = { errors: errors, clip: null, countries: {}, places: {} };
            var geo = document.querySelector("g.geo");
            if (geo) {
              var svg = geo.ownerSVGElement.getBoundingClientRect();
              var ref = (geo.getAttribute("clip-path") || "").match(/#([^)"']+)/);
              var clip = ref && document.getElementById(ref[1]);
              var rect = clip && clip.querySelector("rect");
              if (rect) {
                // The clip path is in the svg's own pixels; the svg's offset turns it into page pixels.
                var x = svg.left + Number(rect.getAttribute("x")), y = svg.top + Number(rect.getAttribute("y"));
                out.clip = { left: x, top: y, right: x + Number(rect.getAttribute("width")), bottom: y + Number(rect.getAttribute("height")) };
              }
              document.querySelectorAll("g.geo path.choroplethlocation").forEach(function (p) {
                // d3 binds each shape to its calc point; loc is the ISO-3 code it stands for.
                var code = p.__data__ && p.__data__.loc;
                if (code) { out.countries[code] = box(p.getBoundingClientRect()); }
              });
              var plot = geo.closest(".js-plotly-plot");
              var subplot = plot && plot._fullLayout && plot._fullLayout.geo && plot._fullLayout.geo._subplot;
              if (subplot && subplot.projection) {
                __PLACES__.forEach(function (place) {
                  var xy = subplot.projection([place.lon, place.lat]);
                  out.places[place.name] = xy ? { x: svg.left + xy[0], y: svg.top + xy[1] } : null;
                });
              }
            }
            var pre = document.createElement("pre");
            pre.id = "map-probe";
            pre.textContent = JSON.stringify(out);
            document.body.appendChild(pre);
          }
          var tries = 0;
          function poll() {
            tries++;
            if (document.querySelectorAll("g.geo path.choroplethlocation").length >= __EXPECTED__ || tries > 200) { setTimeout(report, 200); return; }
            setTimeout(poll, 50);
          }
          poll();
        })();
        </script>
        """;

    /// <summary>
    /// Adds the reporter to a page written by <c>Figure.SaveHtml</c>; it waits until <paramref name="countries"/> shapes
    /// exist, then also reports where each of <paramref name="places"/> lands.
    /// </summary>
    public static void Instrument(string htmlPath, int countries, IEnumerable<Place> places)
    {
        var html = File.ReadAllText(htmlPath);
        Assert.Contains("</body>", html, StringComparison.Ordinal);
        var placesJson = JsonSerializer.Serialize(places.Select(p => new { name = p.Name, lon = p.Lon, lat = p.Lat }));
        var reporter = Reporter
            .Replace("__EXPECTED__", countries.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__PLACES__", placesJson, StringComparison.Ordinal);
        File.WriteAllText(htmlPath, html.Replace("</body>", reporter + "\n</body>", StringComparison.Ordinal));
    }

    /// <summary>Reads the report out of a dumped DOM.</summary>
    public static MapReport Read(string dom)
    {
        var match = ProbeElement().Match(dom);
        Assert.True(match.Success, "the map page wrote no probe report");
        using var json = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = json.RootElement;
        return new MapReport(
            [.. root.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? string.Empty)],
            Box(root.GetProperty("clip")),
            root.GetProperty("countries").EnumerateObject().ToDictionary(p => p.Name, p => Box(p.Value)!, StringComparer.Ordinal),
            root.GetProperty("places").EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.Null ? null : new PagePoint(p.Value.GetProperty("x").GetDouble(), p.Value.GetProperty("y").GetDouble()),
                StringComparer.Ordinal));
    }

    private static PageBox? Box(JsonElement element) => element.ValueKind == JsonValueKind.Null
        ? null
        : new PageBox(
            element.GetProperty("left").GetDouble(),
            element.GetProperty("top").GetDouble(),
            element.GetProperty("right").GetDouble(),
            element.GetProperty("bottom").GetDouble());

    [GeneratedRegex("<pre id=\"map-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeElement();
}

/// <summary>A rectangle in page pixels (y grows downwards).</summary>
internal sealed record PageBox(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Left:F0}..{Right:F0}] × [{Top:F0}..{Bottom:F0}]");
}

/// <summary>A point in page pixels.</summary>
internal sealed record PagePoint(double X, double Y)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({X:F0}, {Y:F0})");
}

/// <summary>A named place, in degrees (east and north positive).</summary>
internal sealed record Place(string Name, double Lon, double Lat);

/// <summary>What <see cref="MapProbe"/> found: script errors, the visible area, each shaded country, each place.</summary>
internal sealed record MapReport(
    IReadOnlyList<string> Errors,
    PageBox? Clip,
    IReadOnlyDictionary<string, PageBox> Countries,
    IReadOnlyDictionary<string, PagePoint?> Places);
