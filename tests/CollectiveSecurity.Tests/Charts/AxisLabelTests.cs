using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollectiveSecurity.Charts;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>
/// Renders cartesian charts with long, tilted category labels in real headless Chromium and measures the drawn text:
/// every tick label lies inside the chart (none clipped), the horizontal axis title lies wholly below the lowest tick
/// label, and the vertical axis title wholly left of the leftmost one. Screenshots are kept in <c>artifacts/chart-screenshots/</c>.
/// </summary>
public sealed partial class AxisLabelTests : IDisposable
{
    // Text boxes are measured in fractional pixels; half a pixel is rounding, not a collision.
    private const double Tolerance = 0.5;

    private const string Reporter = """
        <script>
        (function () {
          function box(e) { var r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }
          function all(selector) { return Array.prototype.map.call(document.querySelectorAll(selector), box); }
          var tries = 0;
          function poll() {
            tries++;
            if (document.querySelectorAll("g.xtick text").length === 0 && tries < 200) { setTimeout(poll, 50); return; }
            setTimeout(function () {
              var pre = document.createElement("pre");
              pre.id = "label-probe";
              pre.textContent = JSON.stringify({
                svg: box(document.querySelector("svg.main-svg")),
                xticks: all("g.xtick text"), yticks: all("g.ytick text"),
                xtitle: all(".g-xtitle text"), ytitle: all(".g-ytitle text")
              });
              document.body.appendChild(pre);
            }, 200);
          }
          poll();
        })();
        </script>
        """;

    private readonly DirectoryInfo _pages = Directory.CreateTempSubdirectory("cs-axis-pages-");

    public static TheoryData<string, int> Cases => new()
    {
        // figure, window width (the chart tests' window, and a narrower notebook column)
        { "fiscal-periods", 1000 },
        { "fiscal-periods", 700 },
        { "council-designs", 700 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tick_labels_are_not_clipped_and_never_run_into_the_axis_titles(string sample, int width)
    {
        HeadlessChromium.RequirePrerequisites();
        var figure = sample == "fiscal-periods" ? FiscalPeriods() : CouncilDesigns();
        var page = Path.Combine(_pages.FullName, $"{sample}-{width}.html");
        figure.SaveHtml(page, PlotlyScript.LocalFile(RepoPaths.PlotlyMinJs));
        File.WriteAllText(page, File.ReadAllText(page).Replace("</body>", Reporter + "\n</body>", StringComparison.Ordinal));
        HeadlessChromium.Screenshot(page, Path.Combine(RepoPaths.ScreenshotFolder, $"axis-{sample}-{width}.png"), width, 560);

        var dom = HeadlessChromium.DumpDom(page, extraArguments: string.Create(CultureInfo.InvariantCulture, $"--window-size={width},560"));

        var match = ProbeElement().Match(dom);
        Assert.True(match.Success, "the chart page wrote no label report");
        using var json = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var report = json.RootElement;
        var svg = Box(report.GetProperty("svg"));
        var xTicks = Boxes(report.GetProperty("xticks"));
        var yTicks = Boxes(report.GetProperty("yticks"));
        Assert.NotEmpty(xTicks);
        Assert.NotEmpty(yTicks);
        var problems = new List<string>();
        foreach (var tick in xTicks.Concat(yTicks))
        {
            if (tick.Left < svg.Left - Tolerance || tick.Right > svg.Right + Tolerance || tick.Top < svg.Top - Tolerance || tick.Bottom > svg.Bottom + Tolerance)
            {
                problems.Add($"tick label \"{tick.Text}\" {tick} is clipped by the chart {svg}");
            }
        }

        foreach (var title in Boxes(report.GetProperty("xtitle")))
        {
            problems.AddRange(xTicks.Where(t => t.Bottom > title.Top + Tolerance)
                .Select(t => $"tick label \"{t.Text}\" reaches down to {t.Bottom:F0}, below the top of the axis title \"{title.Text}\" at {title.Top:F0}"));
        }

        foreach (var title in Boxes(report.GetProperty("ytitle")))
        {
            problems.AddRange(yTicks.Where(t => t.Left < title.Right - Tolerance)
                .Select(t => $"tick label \"{t.Text}\" starts at {t.Left:F0}, left of the right edge of the axis title \"{title.Text}\" at {title.Right:F0}"));
        }

        Assert.True(problems.Count == 0, $"{sample} at {width} px:\n" + string.Join("\n", problems));
    }

    public void Dispose() => _pages.Delete(recursive: true);

    /// <summary>Like notebook 4's budget chart: one long label among short ones, so plotly tilts them all.</summary>
    private static Figure FiscalPeriods()
    {
        string[] periods = ["1994 (calendar year)", .. Enumerable.Range(2005, 21).Select(y => $"{y}/{(y + 1) % 100:00}")];
        return Chart.Bar(periods, periods.Select((_, i) => 3.5 + (i % 7)), "US$ billions")
            .WithTitle("UN peacekeeping budget by fiscal period")
            .WithXAxis("fiscal period (July to June, except the 1994 calendar year)")
            .WithYAxis("US$ billions");
    }

    /// <summary>Like notebook 3's council designs: long labels, the last the longest.</summary>
    private static Figure CouncilDesigns() =>
        Chart.Bar(
            ["League unanimity", "11 permanent members with veto (25 seats)", "Security Council today", "Veto restraint (two vetoes to block)", "No veto (9 of 15)", "my reform: 21 seats, 6 new elected, 12 votes, two vetoes to block"],
            [0.27, 0.34, 0.34, 0.42, 0.53, 0.44],
            "share adopted")
            .WithTitle("Share of simulated drafts adopted, by council design")
            .WithXAxis("council design")
            .WithYAxis("share of drafts adopted");

    private static TextBox Box(JsonElement e) => new(
        e.GetProperty("text").GetString() ?? string.Empty,
        e.GetProperty("left").GetDouble(),
        e.GetProperty("top").GetDouble(),
        e.GetProperty("right").GetDouble(),
        e.GetProperty("bottom").GetDouble());

    private static List<TextBox> Boxes(JsonElement array) => [.. array.EnumerateArray().Select(Box).Where(b => b.Right > b.Left)];

    [GeneratedRegex("<pre id=\"label-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeElement();

    private sealed record TextBox(string Text, double Left, double Top, double Right, double Bottom)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Left:F0}..{Right:F0}] × [{Top:F0}..{Bottom:F0}]");
    }
}
