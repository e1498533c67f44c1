using CollectiveSecurity.Charts;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>One small, realistic figure per chart kind, shared by the JSON and browser tests.</summary>
internal static class SampleFigures
{
    public static Figure Bar() =>
        Chart.Bar(["USSR/Russia", "United States", "United Kingdom", "France", "China"], [158, 92, 32, 18, 21], "Vetoes")
            .WithTitle("Vetoes cast by permanent members, 1946-2024")
            .WithYAxis("Vetoes");

    public static Figure Line() =>
        Chart.Line([1990, 1995, 2000, 2005, 2010, 2015, 2020], [10_304, 31_031, 37_733, 69_838, 101_939, 106_245, 95_105], "Personnel")
            .WithTitle("UN peacekeeping personnel deployed")
            .WithXAxis("Year")
            .WithYAxis("Personnel");

    public static Figure Scatter() =>
        Chart.Scatter([2.1, 4.0, 5.5, 9.3], [13, 40, 120, 300], "Missions", labels: ["UNTSO", "UNFICYP", "UNIFIL", "MONUSCO"])
            .WithXAxis("Budget (US$ bn)")
            .WithYAxis("Fatalities");

    public static Figure Timeline() =>
        Chart.Timeline(
            [
                new TimelineRow("UNTSO", 1948, 2025),
                new TimelineRow("UNEF I", 1956, 1967),
                new TimelineRow("ONUC", 1960, 1964),
                new TimelineRow("UNFICYP", 1964, 2025),
                new TimelineRow("UNPROFOR", 1992, 1995),
            ],
            "Missions")
            .WithTitle("Peacekeeping missions")
            .WithXAxis("Year");

    public static Figure Heatmap() =>
        Chart.Heatmap(
            ["1940s", "1950s", "1960s", "1970s"],
            ["China", "France", "UK", "US", "USSR"],
            new double[,]
            {
                { 0, 0, 0, 2 },
                { 2, 2, 0, 2 },
                { 0, 2, 1, 10 },
                { 0, 0, 0, 21 },
                { 41, 45, 18, 7 },
            },
            "Vetoes")
            .WithTitle("Vetoes per member per decade");

    public static Figure WorldMap() =>
        Chart.WorldMap(["BGD", "NPL", "IND", "RWA", "PAK", "GHA", "NOR", "BRA"], [6_097, 5_794, 5_452, 5_286, 4_321, 2_768, 60, 240], "Personnel")
            .WithTitle("Peacekeeping contributors");

    /// <summary>
    /// Contributors at the edges of the inhabited world: Fiji (its islands lie on both sides of 180°), Samoa and New
    /// Zealand's Tokelau east of the date line, New Zealand's main islands west of it, southern South America, the far north.
    /// </summary>
    public static Figure DateLineWorldMap() =>
        Chart.WorldMap(
            ["FJI", "WSM", "NZL", "CHL", "ARG", "NOR", "BGD", "IND", "RWA", "GHA", "BRA", "URY"],
            [145, 11, 10, 301, 260, 60, 6_097, 5_452, 5_286, 2_768, 240, 1_059],
            "Personnel")
            .WithTitle("Peacekeeping contributors on both sides of the date line");

    /// <summary>A few contributors clustered in South Asia, Africa and Europe, plus Fiji far to the east.</summary>
    public static Figure ClusteredWorldMap() =>
        Chart.WorldMap(["BGD", "NPL", "IND", "RWA", "PAK", "GHA", "NOR", "FJI"], [6_097, 5_794, 5_452, 5_286, 4_321, 2_768, 60, 145], "Personnel")
            .WithTitle("Peacekeeping contributors, mostly in one region");

    public static IReadOnlyDictionary<string, Func<Figure>> All { get; } = new Dictionary<string, Func<Figure>>(StringComparer.Ordinal)
    {
        ["bar"] = Bar,
        ["line"] = Line,
        ["scatter"] = Scatter,
        ["timeline"] = Timeline,
        ["heatmap"] = Heatmap,
        ["worldmap"] = WorldMap,
    };
}
