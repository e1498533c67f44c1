namespace CollectiveSecurity.Charts;

/// <summary>
/// Builds the course's charts as plotly.js <see cref="Figure"/>s. Each method checks its input (lists that pair up
/// must have equal lengths, numbers must be finite) and throws <see cref="ArgumentException"/> naming the problem.
/// </summary>
/// <example>
/// <code>
/// var years = CourseData.PersonnelByYear.Select(p => (double)p.Year);
/// var troops = CourseData.PersonnelByYear.Select(p => (double)p.Troops);
/// Chart.Line(years, troops, "Troops").WithTitle("UN peacekeepers deployed").WithXAxis("Year")
/// </code>
/// </example>
public static class Chart
{
    /// <summary>A bar chart: one bar per label, categories along the horizontal axis.</summary>
    /// <param name="x">Category labels, such as permanent members.</param>
    /// <param name="y">Bar heights, one per label.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a label is null or a value is not finite.</exception>
    public static Figure Bar(IEnumerable<string> x, IEnumerable<double> y, string? name = null) =>
        new([new BarTrace([.. Required(x, nameof(x))], [.. Required(y, nameof(y))], name)],
            new Layout { XAxis = new Axis { Type = "category" } });

    /// <summary>A line chart: points joined in the order given, such as a value per year.</summary>
    /// <param name="x">Horizontal positions, such as years.</param>
    /// <param name="y">Values, one per <paramref name="x"/>.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a value is not finite.</exception>
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null) =>
        new([new ScatterTrace([.. Required(x, nameof(x))], [.. Required(y, nameof(y))], "lines", text: null, name)], new Layout());

    /// <summary>A line chart over whole numbers such as years.</summary>
    /// <param name="x">Horizontal positions, such as years.</param>
    /// <param name="y">Values, one per <paramref name="x"/>.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a value is not finite.</exception>
    public static Figure Line(IEnumerable<int> x, IEnumerable<double> y, string? name = null) =>
        Line(Required(x, nameof(x)).Select(v => (double)v), y, name);

    /// <summary>A scatter plot: unconnected markers, optionally labelled on hover.</summary>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Vertical positions, one per <paramref name="x"/>.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <param name="labels">Hover labels, one per point (such as mission names), or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a value is not finite.</exception>
    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, string? name = null, IEnumerable<string>? labels = null) =>
        new([new ScatterTrace(
                [.. Required(x, nameof(x))],
                [.. Required(y, nameof(y))],
                "markers",
                labels is null ? null : [.. labels],
                name)],
            new Layout());

    /// <summary>
    /// A timeline: one horizontal bar per row from its start to its end (years), first row at the top, such as
    /// peacekeeping missions across the decades.
    /// </summary>
    /// <param name="rows">The rows, in display order.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">A row ends before it starts, has no label, or a year is not finite.</exception>
    public static Figure Timeline(IEnumerable<TimelineRow> rows, string? name = null)
    {
        var list = Required(rows, nameof(rows)).ToList();
        if (list.Any(row => row is null))
        {
            throw new ArgumentException("Chart.Timeline: a row is null.", nameof(rows));
        }

        return new Figure(
            [new TimelineTrace([.. list.Select(r => r.Label)], [.. list.Select(r => r.Start)], [.. list.Select(r => r.End - r.Start)], name)],
            new Layout
            {
                XAxis = new Axis { Type = "linear" },
                YAxis = new Axis { Type = "category", AutoRange = "reversed", AutoMargin = true },
            });
    }

    /// <summary>A timeline from (label, start, end) tuples; see <see cref="Timeline(IEnumerable{TimelineRow}, string?)"/>.</summary>
    /// <param name="rows">The rows, in display order.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">A row ends before it starts, has no label, or a year is not finite.</exception>
    public static Figure Timeline(IEnumerable<(string Label, double Start, double End)> rows, string? name = null) =>
        Timeline(Required(rows, nameof(rows)).Select(r => new TimelineRow(r.Label, r.Start, r.End)), name);

    /// <summary>
    /// A heatmap: a grid of coloured cells, <c>z[row][column]</c>, rows labelled by <paramref name="y"/> (first row at
    /// the top, as in a table), columns by <paramref name="x"/>.
    /// </summary>
    /// <param name="x">Column labels, such as decades.</param>
    /// <param name="y">Row labels, such as permanent members.</param>
    /// <param name="z">One row of values per <paramref name="y"/> label, each with one value per <paramref name="x"/> label.</param>
    /// <param name="name">Series name, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The grid's shape does not match the labels, or a value is not finite.</exception>
    public static Figure Heatmap(IEnumerable<string> x, IEnumerable<string> y, IEnumerable<IEnumerable<double>> z, string? name = null)
    {
        var rows = Required(z, nameof(z)).Select((row, i) => (IReadOnlyList<double?>)[.. Required(row, $"z[{i}]").Select(v => (double?)v)]).ToList();
        return new Figure(
            [new HeatmapTrace([.. Required(x, nameof(x))], [.. Required(y, nameof(y))], rows, name)],
            new Layout
            {
                XAxis = new Axis { Type = "category" },
                YAxis = new Axis { Type = "category", AutoRange = "reversed", AutoMargin = true },
            });
    }

    /// <summary>A heatmap from a rectangular array, <c>z[row, column]</c>.</summary>
    /// <param name="x">Column labels.</param>
    /// <param name="y">Row labels.</param>
    /// <param name="z">The grid: <c>z.GetLength(0)</c> rows by <c>z.GetLength(1)</c> columns.</param>
    /// <param name="name">Series name, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The grid's shape does not match the labels, or a value is not finite.</exception>
    public static Figure Heatmap(IEnumerable<string> x, IEnumerable<string> y, double[,] z, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        var rows = Enumerable.Range(0, z.GetLength(0))
            .Select(r => Enumerable.Range(0, z.GetLength(1)).Select(c => z[r, c]));
        return Heatmap(x, y, rows, name);
    }

    /// <summary>
    /// A world map with each listed country shaded by its value (a choropleth), countries given by ISO 3166-1
    /// alpha-3 code such as <c>NOR</c>, <c>IND</c>, <c>BRA</c>. Countries not listed stay grey.
    /// </summary>
    /// <param name="iso3">ISO-3 country codes (three capital letters).</param>
    /// <param name="values">One value per country.</param>
    /// <param name="name">Series name shown on hover, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a code is not three capital letters, or a value is not finite.</exception>
    public static Figure WorldMap(IEnumerable<string> iso3, IEnumerable<double> values, string? name = null)
    {
        string[] codes = [.. Required(iso3, nameof(iso3))];
        double[] numbers = [.. Required(values, nameof(values))];
        ChartArguments.SameLength(codes.Length, nameof(iso3), numbers.Length, nameof(values));
        return new Figure(
            [new ChoroplethTrace(codes, numbers, name)],
            new Layout { Geo = new Geo(), Margin = new Margin(0, 0, 40, 0) });
    }

    private static IEnumerable<T> Required<T>(IEnumerable<T> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        return values;
    }
}

/// <summary>One bar of a <see cref="Chart.Timeline(IEnumerable{TimelineRow}, string?)"/>: a labelled span of years.</summary>
/// <param name="Label">What the bar stands for, such as a mission's acronym.</param>
/// <param name="Start">Start year (may be fractional, such as 1948.4).</param>
/// <param name="End">End year; for a mission still running, the current year.</param>
public sealed record TimelineRow(string Label, double Start, double End);
