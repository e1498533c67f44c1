using CollectiveSecurity.Charts;

namespace CollectiveSecurity.Tests.Charts;

public sealed class ArgumentValidationTests
{
    [Fact]
    public void Bar_with_more_labels_than_values_names_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Bar(["a", "b", "c"], [1, 2]));

        Assert.Equal("y", error.ParamName);
        Assert.StartsWith("x has 3 values but y has 2; they pair up one to one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_and_scatter_reject_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => Chart.Line([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => Chart.Scatter([1.0], [1.0], labels: ["a", "b"]));
    }

    [Fact]
    public void Values_must_be_finite()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Bar(["a", "b"], [1, double.NaN]));

        Assert.StartsWith("y[1] is NaN; chart values must be finite numbers.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_rows_must_not_end_before_they_start()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Timeline([("ONUC", 1964, 1960)]));

        Assert.Contains("\"ONUC\" ends before it starts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heatmap_grid_must_match_its_labels()
    {
        var tooFewRows = Assert.Throws<ArgumentException>(() => Chart.Heatmap(["c1", "c2"], ["r1", "r2"], [[1.0, 2.0]]));
        var shortRow = Assert.Throws<ArgumentException>(() => Chart.Heatmap(["c1", "c2"], ["r1"], [[1.0]]));

        Assert.StartsWith("y has 2 values but z rows has 1", tooFewRows.Message, StringComparison.Ordinal);
        Assert.StartsWith("x has 2 values but z[0] has 1", shortRow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void World_map_needs_iso3_codes_and_one_value_each()
    {
        var lengths = Assert.Throws<ArgumentException>(() => Chart.WorldMap(["NOR", "IND"], [1]));
        var code = Assert.Throws<ArgumentException>(() => Chart.WorldMap(["Norway"], [1]));

        Assert.StartsWith("iso3 has 2 values but values has 1", lengths.Message, StringComparison.Ordinal);
        Assert.Contains("\"Norway\"", code.Message, StringComparison.Ordinal);
        Assert.Contains("ISO 3166-1 alpha-3", code.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_inputs_are_argument_null_errors()
    {
        Assert.Throws<ArgumentNullException>(() => Chart.Bar(null!, [1]));
        Assert.Throws<ArgumentNullException>(() => Chart.WorldMap(["NOR"], (double[])null!));
        Assert.Throws<ArgumentException>(() => Chart.Bar([null!], [1]));
        Assert.Throws<ArgumentException>(() => Figure.Combine());
    }
}
