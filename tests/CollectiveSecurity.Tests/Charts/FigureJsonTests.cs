using System.Text.Json;
using CollectiveSecurity.Charts;

namespace CollectiveSecurity.Tests.Charts;

public sealed class FigureJsonTests
{
    private static JsonElement Parse(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement;

    [Fact]
    public void Bar_is_a_plotly_bar_trace_with_category_axis_and_object_titles()
    {
        var json = Parse(SampleFigures.Bar());

        var trace = json.GetProperty("data")[0];
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal("Vetoes", trace.GetProperty("name").GetString());
        Assert.Equal("USSR/Russia", trace.GetProperty("x")[0].GetString());
        Assert.Equal(158, trace.GetProperty("y")[0].GetDouble());
        var layout = json.GetProperty("layout");
        Assert.Equal("Vetoes cast by permanent members, 1946-2024", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("category", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("Vetoes", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        // Long category labels are not clipped, and an axis title is pushed clear of the tick labels.
        Assert.True(layout.GetProperty("xaxis").GetProperty("automargin").GetBoolean());
        Assert.True(layout.GetProperty("yaxis").GetProperty("automargin").GetBoolean());
    }

    [Fact]
    public void Line_and_scatter_are_scatter_traces_with_their_modes()
    {
        var line = Parse(SampleFigures.Line()).GetProperty("data")[0];
        var scatter = Parse(SampleFigures.Scatter()).GetProperty("data")[0];

        Assert.Equal("scatter", line.GetProperty("type").GetString());
        Assert.Equal("lines", line.GetProperty("mode").GetString());
        Assert.Equal(1990, line.GetProperty("x")[0].GetDouble());
        Assert.Equal("markers", scatter.GetProperty("mode").GetString());
        Assert.Equal("MONUSCO", scatter.GetProperty("text")[3].GetString());
        Assert.False(line.TryGetProperty("text", out _), "unset attributes are left out so plotly uses its defaults");
    }

    [Fact]
    public void Timeline_is_horizontal_bars_with_start_as_base_and_length_as_x()
    {
        var json = Parse(SampleFigures.Timeline());
        var trace = json.GetProperty("data")[0];

        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal("h", trace.GetProperty("orientation").GetString());
        Assert.Equal("UNEF I", trace.GetProperty("y")[1].GetString());
        Assert.Equal(1956, trace.GetProperty("base")[1].GetDouble());
        Assert.Equal(11, trace.GetProperty("x")[1].GetDouble());
        Assert.Equal("reversed", json.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void Heatmap_has_one_z_row_per_y_label()
    {
        var trace = Parse(SampleFigures.Heatmap()).GetProperty("data")[0];

        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(5, trace.GetProperty("z").GetArrayLength());
        Assert.Equal(4, trace.GetProperty("z")[4].GetArrayLength());
        Assert.Equal(41, trace.GetProperty("z")[4][0].GetDouble());
        Assert.Equal("USSR", trace.GetProperty("y")[4].GetString());
        Assert.Equal("reversed", Parse(SampleFigures.Heatmap()).GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void World_map_is_an_iso3_choropleth_with_a_geo_layout()
    {
        var json = Parse(SampleFigures.WorldMap());
        var trace = json.GetProperty("data")[0];

        Assert.Equal("choropleth", trace.GetProperty("type").GetString());
        Assert.Equal("ISO-3", trace.GetProperty("locationmode").GetString());
        Assert.Equal("BGD", trace.GetProperty("locations")[0].GetString());
        Assert.Equal(6097, trace.GetProperty("z")[0].GetDouble());
        Assert.Equal("Personnel", trace.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("natural earth", json.GetProperty("layout").GetProperty("geo").GetProperty("projection").GetProperty("type").GetString());
    }

    [Fact]
    public void World_map_keeps_the_whole_world_at_1_to_50_million_instead_of_zooming_to_the_shaded_countries()
    {
        var geo = Parse(SampleFigures.WorldMap()).GetProperty("layout").GetProperty("geo");

        // plotly.js 4 defaults to fitbounds "locations"; only an explicit false keeps the world extent.
        Assert.Equal(JsonValueKind.False, geo.GetProperty("fitbounds").ValueKind);
        Assert.Equal(50, geo.GetProperty("resolution").GetInt32());
        Assert.Equal(11, geo.GetProperty("projection").GetProperty("rotation").GetProperty("lon").GetDouble());
        Assert.Equal([-58.0, 85.0], geo.GetProperty("lataxis").GetProperty("range").EnumerateArray().Select(d => d.GetDouble()));

        // A page carrying the outlines must register them under the name plotly looks up for that resolution.
        var topojson = Path.GetTempFileName();
        try
        {
            File.WriteAllText(topojson, """{"type":"Topology","objects":{},"arcs":[]}""");
            var page = SampleFigures.WorldMap().ToStandaloneHtml(new StandaloneHtmlOptions { WorldTopojsonPath = topojson });
            Assert.Contains("PlotlyGeoAssets.topojson[\"world_50m\"]", page, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(topojson);
        }
    }

    [Fact]
    public void Type_comes_first_in_every_trace()
    {
        foreach (var (kind, make) in SampleFigures.All)
        {
            var first = Parse(make()).GetProperty("data")[0].EnumerateObject().First();
            Assert.True(first.Name == "type", $"{kind}: first property is {first.Name}");
        }
    }

    [Fact]
    public void The_same_figure_always_gives_the_same_bytes_and_div_id()
    {
        foreach (var (kind, make) in SampleFigures.All)
        {
            var a = make();
            var b = make();
            Assert.Equal(a.ToJson(), b.ToJson());
            Assert.Equal(a.ToHtml(), b.ToHtml());
            Assert.Equal(a.ToStandaloneHtml(), b.ToStandaloneHtml());
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.Matches("^chart-[0-9a-f]{16}$", a.DivId);
            Assert.NotEqual(a.DivId, a.WithTitle(kind + " again").DivId);
        }
    }

    [Fact]
    public void Numbers_are_written_in_invariant_form_whatever_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // The tests run with invariant globalization, so build a culture that writes decimals with a comma.
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            Thread.CurrentThread.CurrentCulture = comma;
            Assert.Equal("0,25", 0.25.ToString(System.Globalization.CultureInfo.CurrentCulture));
            var json = Chart.Line([1948.5], [0.25]).ToJson();
            Assert.Contains("\"x\":[1948.5]", json, StringComparison.Ordinal);
            Assert.Contains("\"y\":[0.25]", json, StringComparison.Ordinal);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Text_that_could_close_a_script_tag_is_escaped()
    {
        var json = Chart.Bar(["</script><b>"], [1]).WithTitle("A & B").ToJson();

        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("</script><b>", JsonDocument.Parse(json).RootElement.GetProperty("data")[0].GetProperty("x")[0].GetString());
    }

    [Fact]
    public void Figures_are_immutable_and_combine_keeps_the_first_layout()
    {
        var bars = Chart.Bar(["a", "b"], [1, 2], "first").WithTitle("Kept");
        var more = Chart.Bar(["a", "b"], [3, 4], "second").WithTitle("Dropped");

        var combined = Figure.Combine(bars, more).Stacked();

        Assert.Single(bars.Traces);
        Assert.Equal(2, combined.Traces.Count);
        Assert.Equal("Kept", combined.Layout.Title?.Text);
        Assert.Equal("stack", combined.Layout.BarMode);
        Assert.Null(bars.Layout.BarMode);
        Assert.Equal(combined, bars.Combine(more).Stacked());
    }

    [Fact]
    public void Inputs_are_copied_so_changing_the_callers_array_changes_nothing()
    {
        double[] values = [1, 2];
        var figure = Chart.Bar(["a", "b"], values);
        var before = figure.ToJson();

        values[0] = 99;

        Assert.Equal(before, figure.ToJson());
    }

    [Fact]
    public void Any_numeric_type_is_drawn_as_a_double()
    {
        int[] years = [1990, 2000];
        decimal[] budgets = [1.5m, 2.25m];
        long[] counts = [3, 4];

        var fromInts = Chart.Line(years, counts).ToJson();
        var fromDecimals = Chart.Bar(["a", "b"], budgets).ToJson();

        Assert.Equal(Chart.Line([1990.0, 2000.0], [3.0, 4.0]).ToJson(), fromInts);
        Assert.Contains("\"y\":[1.5,2.25]", fromDecimals, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_rows_can_come_from_dates_or_int_tuples()
    {
        var row = TimelineRow.FromDates("UNEF I", new DateOnly(1956, 11, 15), new DateOnly(1967, 6, 17));
        var fromTuples = Chart.Timeline([("UNEF I", 1956, 1967)]);

        Assert.Equal(1956 + (319 / 366.0), row.Start, 10);
        Assert.Equal(1967 + (167 / 365.0), row.End, 10);
        Assert.Equal(1948.0, TimelineRow.FractionalYear(new DateOnly(1948, 1, 1)));
        Assert.Equal(Chart.Timeline([new TimelineRow("UNEF I", 1956, 1967)]), fromTuples);
    }

    [Fact]
    public void ToString_describes_the_figure_in_one_line()
    {
        Assert.Equal("Figure \"Vetoes cast by permanent members, 1946-2024\": 1 series (bar)", SampleFigures.Bar().ToString());
    }

    [Fact]
    public void Plotly_version_matches_the_pinned_npm_package()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "package.json")));
        var pinned = package.RootElement.GetProperty("dependencies").GetProperty("plotly.js-dist-min").GetString();

        Assert.Equal(PlotlyScript.Version, pinned);
        Assert.Contains($"plotly-{pinned}.min.js", SampleFigures.Bar().ToHtml(), StringComparison.Ordinal);
    }
}
