using CollectiveSecurity.Charts;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>
/// Renders world maps in real headless Chromium and measures, in the drawn page, that the map shows the whole
/// inhabited world whatever the contributors are: every shaded country drawn and inside the visible (clipped) area,
/// the Pacific island states near the date line each in one piece, and the inhabited places at the world's edges
/// (Cape Horn, Stewart Island, Samoa, Svalbard, Alaska...) inside the visible area. A screenshot of each case is
/// kept in <c>artifacts/chart-screenshots/</c>.
/// </summary>
public sealed class WorldMapExtentTests : IDisposable
{
    // A shape may overhang the clip rectangle by anti-aliasing rounding, never by more.
    private const double Tolerance = 1.0;

    private static readonly string[] PacificStates = ["FJI", "WSM", "NZL"];

    // Inhabited places at the edges of the inhabited world, in degrees east and north.
    private static readonly Place[] EdgePlaces =
    [
        new("Cape Horn (Chile)", -67.27, -55.98),
        new("Ushuaia (Argentina)", -68.30, -54.80),
        new("Stewart Island (New Zealand)", 167.90, -47.00),
        new("Chatham Islands (New Zealand)", -176.50, -44.00),
        new("Hobart (Tasmania, Australia)", 147.33, -42.88),
        new("Cape Agulhas (South Africa)", 20.00, -34.83),
        new("Easter Island (Chile)", -109.35, -27.11),
        new("Nuku'alofa (Tonga)", -175.20, -21.14),
        new("Suva (Fiji)", 178.44, -18.14),
        new("Apia (Samoa)", -171.76, -13.83),
        new("Kiritimati (Kiribati)", -157.40, 1.87),
        new("Honolulu (United States)", -157.86, 21.31),
        new("Praia (Cape Verde)", -23.51, 14.93),
        new("Ponta Delgada (Azores, Portugal)", -25.67, 37.74),
        new("Reykjavik (Iceland)", -21.94, 64.15),
        new("Nome (Alaska, United States)", -165.41, 64.50),
        new("Anadyr (Chukotka, Russia)", 177.51, 64.73),
        new("Utqiagvik (Alaska, United States)", -156.79, 71.29),
        new("Qaanaaq (Greenland)", -69.23, 77.47),
        new("Longyearbyen (Svalbard, Norway)", 15.63, 78.22),
        new("Alert (Nunavut, Canada)", -62.35, 82.50),
    ];

    private readonly DirectoryInfo _pages = Directory.CreateTempSubdirectory("cs-worldmap-pages-");

    public static TheoryData<string, int, int> Cases => new()
    {
        // sample, window width, window height: the chart tests' window, and a narrower notebook column
        { "date-line", 1000, 560 },
        { "date-line", 700, 560 },
        { "clustered", 1000, 560 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void World_map_shows_every_contributor_whole_and_the_whole_inhabited_world(string sample, int width, int height)
    {
        HeadlessChromium.RequirePrerequisites();
        var figure = sample == "date-line" ? SampleFigures.DateLineWorldMap() : SampleFigures.ClusteredWorldMap();
        var codes = figure.Traces.OfType<ChoroplethTrace>().Single().Locations;
        var page = Path.Combine(_pages.FullName, $"{sample}-{width}.html");
        figure.SaveHtml(page, new StandaloneHtmlOptions
        {
            Plotly = PlotlyScript.LocalFile(RepoPaths.PlotlyMinJs),
            WorldTopojsonPath = RepoPaths.WorldTopojson,
        });
        MapProbe.Instrument(page, codes.Count, EdgePlaces);
        HeadlessChromium.Screenshot(page, Path.Combine(RepoPaths.ScreenshotFolder, $"worldmap-{sample}-{width}x{height}.png"), width, height);

        var report = MapProbe.Read(HeadlessChromium.DumpDom(page, extraArguments: $"--window-size={width},{height}"));

        Assert.Empty(report.Errors);
        var clip = report.Clip ?? throw new Xunit.Sdk.XunitException("no clip rectangle on g.geo: the map did not draw");
        var problems = new List<string>();
        foreach (var code in codes)
        {
            if (!report.Countries.TryGetValue(code, out var shape) || shape.Width <= 0 || shape.Height <= 0)
            {
                problems.Add($"{code} is not drawn (the map's country outlines lack it)");
                continue;
            }

            if (!Inside(shape, clip))
            {
                problems.Add($"{code} at {shape} is cut by the visible area {clip}");
            }

            // A country cut by the map's edge is drawn in two parts, at the far left and the far right.
            if (PacificStates.Contains(code) && shape.Width > clip.Width / 2)
            {
                problems.Add($"{code} spans {shape} of the visible {clip}: split between the map's two edges");
            }
        }

        foreach (var place in EdgePlaces)
        {
            var point = report.Places.GetValueOrDefault(place.Name);
            if (point is null || point.X <= clip.Left || point.X >= clip.Right || point.Y <= clip.Top || point.Y >= clip.Bottom)
            {
                problems.Add($"{place.Name} at {point?.ToString() ?? "no point"} is outside the visible area {clip}");
            }
        }

        Assert.True(problems.Count == 0, $"{sample} at {width}×{height}:\n" + string.Join("\n", problems));
    }

    public void Dispose() => _pages.Delete(recursive: true);

    private static bool Inside(PageBox shape, PageBox clip) =>
        shape.Left >= clip.Left - Tolerance && shape.Right <= clip.Right + Tolerance
        && shape.Top >= clip.Top - Tolerance && shape.Bottom <= clip.Bottom + Tolerance;
}
