using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollectiveSecurity.Charts;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>
/// Opens every chart kind, exported as a standalone page, in real headless Chromium (Debian's <c>chromium</c>, no
/// network): the figure must pass <c>Plotly.validate</c>, raise no script error and really draw; a screenshot of each
/// is kept in <c>artifacts/chart-screenshots/</c>. Needs <c>.ci/install-browser</c> to have run; fails (never skips) otherwise.
/// </summary>
public sealed class BrowserRenderTests : IDisposable
{
    private readonly DirectoryInfo _pages = Directory.CreateTempSubdirectory("cs-chart-pages-");

    public static TheoryData<string, string, int> Kinds => new()
    {
        // kind, element that proves it drew, how many of them
        { "bar", "g.trace.bars g.point path", 5 },
        { "line", "g.trace.scatter path.js-line", 1 },
        { "scatter", "g.trace.scatter path.point", 4 },
        { "timeline", "g.trace.bars g.point path", 5 },
        { "heatmap", "g.hm image", 1 },
        { "worldmap", "g.geo path.choroplethlocation", 8 },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Chart_validates_and_draws_in_headless_chromium(string kind, string drawnSelector, int expectedCount)
    {
        HeadlessChromium.RequirePrerequisites();
        var figure = SampleFigures.All[kind]();
        var options = new StandaloneHtmlOptions
        {
            Plotly = PlotlyScript.LocalFile(RepoPaths.PlotlyMinJs),
            WorldTopojsonPath = RepoPaths.WorldTopojson,
        };
        var page = Path.Combine(_pages.FullName, kind + ".html");
        figure.SaveHtml(page, options);
        var screenshot = Path.Combine(RepoPaths.ScreenshotFolder, kind + ".png");
        HeadlessChromium.Screenshot(page, screenshot, 1000, 560);
        PlotProbe.Instrument(page, drawnSelector);

        var report = PlotProbe.Read(HeadlessChromium.DumpDom(page));

        Assert.Equal(PlotlyScript.Version, report.PlotlyVersion);
        Assert.True(report.Problems.Count == 0, $"{kind}: Plotly.validate reported: {string.Join(" | ", report.Problems)}");
        Assert.True(report.Errors.Count == 0, $"{kind}: script errors: {string.Join(" | ", report.Errors)}");
        Assert.True(report.Counts["mainSvg"] > 0, $"{kind}: plotly drew no svg.main-svg");
        var drawn = report.Counts.Single(c => drawnSelector == Selector(c.Key)).Value;
        Assert.True(drawn == expectedCount, $"{kind}: expected {expectedCount} × '{drawnSelector}', found {drawn}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"{kind}: the screenshot {screenshot} is suspiciously small");
    }

    [Fact]
    public void World_map_draws_from_a_topojson_folder_given_as_plotly_topojsonURL()
    {
        HeadlessChromium.RequirePrerequisites();
        var page = Path.Combine(_pages.FullName, "worldmap-topojsonurl.html");
        SampleFigures.WorldMap().SaveHtml(page, new StandaloneHtmlOptions
        {
            Plotly = PlotlyScript.LocalFile(RepoPaths.PlotlyMinJs),
            TopojsonUrl = new Uri(RepoPaths.WorldTopojsonFolder + "/").AbsoluteUri,
        });
        Assert.DoesNotContain("PlotlyGeoAssets", File.ReadAllText(page), StringComparison.Ordinal);
        PlotProbe.Instrument(page, "g.geo path.choroplethlocation");

        // A file:// page may read other local files only with this flag; over HTTP it is not needed.
        var report = PlotProbe.Read(HeadlessChromium.DumpDom(page, extraArguments: "--allow-file-access-from-files"));

        Assert.Empty(report.Problems);
        Assert.Empty(report.Errors);
        Assert.Equal(8, report.Counts["countries"]);
    }

    [Fact]
    public void A_page_with_plotly_inlined_needs_no_other_file()
    {
        HeadlessChromium.RequirePrerequisites();
        var page = Path.Combine(_pages.FullName, "inline.html");
        SampleFigures.Bar().SaveHtml(page, PlotlyScript.Inline(RepoPaths.PlotlyMinJs));
        Assert.DoesNotContain("<script src", File.ReadAllText(page), StringComparison.Ordinal);
        PlotProbe.Instrument(page, "g.trace.bars g.point path");

        var report = PlotProbe.Read(HeadlessChromium.DumpDom(page));

        Assert.Empty(report.Problems);
        Assert.Empty(report.Errors);
        Assert.Equal(5, report.Counts["bars"]);
    }

    [Fact]
    public void The_probe_reports_what_Plotly_validate_finds()
    {
        // Negative control: a figure plotly rejects must make the report non-empty, or the tests above prove nothing.
        HeadlessChromium.RequirePrerequisites();
        var page = Path.Combine(_pages.FullName, "invalid.html");
        SampleFigures.Bar().SaveHtml(page, PlotlyScript.LocalFile(RepoPaths.PlotlyMinJs));
        var html = File.ReadAllText(page);
        File.WriteAllText(page, html.Replace("\"layout\":{", "\"layout\":{\"notAnAttribute\":1,", StringComparison.Ordinal));
        PlotProbe.Instrument(page, "g.trace.bars g.point path");

        var report = PlotProbe.Read(HeadlessChromium.DumpDom(page));

        Assert.Contains(report.Problems, p => p.Contains("notAnAttribute", StringComparison.Ordinal));
    }

    [Fact]
    public void Notebook_fragments_load_plotly_once_and_each_draws()
    {
        HeadlessChromium.RequirePrerequisites();

        var counts = RunNotebookPage(new Uri(RepoPaths.PlotlyMinJs).AbsoluteUri);

        Assert.Equal(1, counts.GetProperty("loaders").GetInt32());
        Assert.Equal(1, counts.GetProperty("plotlyScripts").GetInt32());
        Assert.Equal(3, counts.GetProperty("plotted").GetInt32());
        Assert.Equal(10, counts.GetProperty("bars").GetInt32());
        Assert.Equal(1, counts.GetProperty("heatmaps").GetInt32());
    }

    [Fact]
    public void Notebook_fragments_say_why_when_plotly_cannot_load()
    {
        HeadlessChromium.RequirePrerequisites();
        var missing = new Uri(Path.Combine(_pages.FullName, "no-such-plotly.min.js")).AbsoluteUri;

        var counts = RunNotebookPage(missing);

        Assert.Equal(0, counts.GetProperty("plotted").GetInt32());
        Assert.Equal(0, counts.GetProperty("loaders").GetInt32());
        var messages = counts.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal($"plotly.js could not be loaded from {missing}; charts need internet access here.", m));
    }

    /// <summary>
    /// As in a notebook: three outputs on one page (the same figure twice, so the same div id), plotly.js not yet
    /// loaded, its address overridden to <paramref name="plotlyUrl"/> as an offline notebook server would.
    /// </summary>
    private JsonElement RunNotebookPage(string plotlyUrl)
    {
        var bar = SampleFigures.Bar();
        var heatmap = SampleFigures.Heatmap();
        var page = Path.Combine(_pages.FullName, "notebook.html");
        File.WriteAllText(page, $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8">
            <script>window.collectiveSecurityPlotlyUrl = {{JsonSerializer.Serialize(plotlyUrl)}};</script>
            </head><body>
            <div class="output">{{bar.ToHtml()}}</div>
            <div class="output">{{heatmap.ToHtml()}}</div>
            <div class="output">{{bar.ToHtml()}}</div>
            <script>
            (function () {
              var tries = 0;
              function settled() {
                var charts = document.querySelectorAll(".output .collective-security-chart");
                return Array.prototype.every.call(charts, function (c) { return c.classList.contains("js-plotly-plot") || c.textContent.length > 0; });
              }
              function poll() {
                tries++;
                if (!settled() && tries < 200) { setTimeout(poll, 50); return; }
                var pre = document.createElement("pre");
                pre.id = "fragment-probe";
                pre.textContent = JSON.stringify({
                  loaders: document.querySelectorAll("script#collective-security-plotly-loader").length,
                  plotlyScripts: Array.prototype.filter.call(document.scripts, function (s) { return s.src.indexOf("plotly") >= 0; }).length,
                  plotted: document.querySelectorAll(".output .js-plotly-plot").length,
                  bars: document.querySelectorAll(".output g.trace.bars g.point path").length,
                  heatmaps: document.querySelectorAll(".output g.hm image").length,
                  messages: Array.prototype.map.call(document.querySelectorAll(".output .collective-security-chart:not(.js-plotly-plot)"), function (c) { return c.textContent; })
                });
                document.body.appendChild(pre);
              }
              poll();
            })();
            </script>
            </body></html>
            """);

        var dom = HeadlessChromium.DumpDom(page);

        var match = Regex.Match(dom, "<pre id=\"fragment-probe\">(.*?)</pre>");
        Assert.True(match.Success, "the notebook page wrote no report");
        using var report = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        return report.RootElement.Clone();
    }

    public void Dispose() => _pages.Delete(recursive: true);

    private static string Selector(string countName) => countName switch
    {
        "bars" => "g.trace.bars g.point path",
        "lines" => "g.trace.scatter path.js-line",
        "points" => "g.trace.scatter path.point",
        "heatmapImages" => "g.hm image",
        "countries" => "g.geo path.choroplethlocation",
        _ => countName,
    };
}
