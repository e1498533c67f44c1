using System.Numerics;

namespace CollectiveSecurity.Charts;

/// <summary>
/// Builds the course's charts as plotly.js <see cref="Figure"/>s. Numbers may be any numeric type (<c>int</c> years,
/// <c>decimal</c> budgets, <c>double</c> rates); plotly draws them as doubles. Each method checks its input (lists that
/// pair up must have equal lengths, numbers must be finite) and throws <see cref="ArgumentException"/> naming the problem.
/// </summary>
/// <example>
/// <code>
/// Chart.Line(personnel.Select(p => p.Year), personnel.Select(p => p.Troops), "Troops")
///      .WithTitle("UN peacekeepers deployed")
///      .WithXAxis("Year")
/// </code>
/// </example>
public static class Chart
{
    /// <summary>A bar chart: one bar per label, categories along the horizontal axis.</summary>
    /// <typeparam name="T">The numeric type of the values, such as <c>int</c> or <c>double</c>.</typeparam>
    /// <param name="x">Category labels, such as permanent members.</param>
    /// <param name="y">Bar heights, one per label.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a label is null or a value is not finite.</exception>
    public static Figure Bar<T>(IEnumerable<string> x, IEnumerable<T> y, string? name = null)
        where T : INumberBase<T> =>
        new([new BarTrace([.. Required(x, nameof(x))], Doubles(y, nameof(y)), name)],
            new Layout { XAxis = new Axis { Type = "category", AutoMargin = true } });

    /// <summary>A line chart: points joined in the order given, such as a value per year.</summary>
    /// <typeparam name="TX">The numeric type of the horizontal positions, such as <c>int</c> years.</typeparam>
    /// <typeparam name="TY">The numeric type of the values.</typeparam>
    /// <param name="x">Horizontal positions, such as years.</param>
    /// <param name="y">Values, one per <paramref name="x"/>.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a value is not finite.</exception>
    public static Figure Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY> =>
        new([new ScatterTrace(Doubles(x, nameof(x)), Doubles(y, nameof(y)), "lines", text: null, name)], new Layout());

    /// <summary>A scatter plot: unconnected markers, optionally labelled on hover.</summary>
    /// <typeparam name="TX">The numeric type of the horizontal positions.</typeparam>
    /// <typeparam name="TY">The numeric type of the vertical positions.</typeparam>
    /// <param name="x">Horizontal positions.</param>
    /// <param name="y">Vertical positions, one per <paramref name="x"/>.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <param name="labels">Hover labels, one per point (such as mission names), or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a value is not finite.</exception>
    public static Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null, IEnumerable<string>? labels = null)
        where TX : INumberBase<TX>
        where TY : INumberBase<TY> =>
        new([new ScatterTrace(
                Doubles(x, nameof(x)),
                Doubles(y, nameof(y)),
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
            throw new ArgumentException("A timeline row is null.", nameof(rows));
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
    /// <typeparam name="T">The numeric type of the years, such as <c>int</c>.</typeparam>
    /// <param name="rows">The rows, in display order.</param>
    /// <param name="name">Series name for the legend, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">A row ends before it starts, has no label, or a year is not finite.</exception>
    public static Figure Timeline<T>(IEnumerable<(string Label, T Start, T End)> rows, string? name = null)
        where T : INumberBase<T> =>
        Timeline(Required(rows, nameof(rows)).Select(r => new TimelineRow(r.Label, double.CreateChecked(r.Start), double.CreateChecked(r.End))), name);

    /// <summary>
    /// A heatmap: a grid of coloured cells, <c>z[row][column]</c>, rows labelled by <paramref name="y"/> (first row at
    /// the top, as in a table), columns by <paramref name="x"/>.
    /// </summary>
    /// <typeparam name="T">The numeric type of the cell values.</typeparam>
    /// <param name="x">Column labels, such as decades.</param>
    /// <param name="y">Row labels, such as permanent members.</param>
    /// <param name="z">One row of values per <paramref name="y"/> label, each with one value per <paramref name="x"/> label.</param>
    /// <param name="name">Series name, shown as the colour legend's title, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The grid's shape does not match the labels, or a value is not finite.</exception>
    public static Figure Heatmap<T>(IEnumerable<string> x, IEnumerable<string> y, IEnumerable<IEnumerable<T>> z, string? name = null)
        where T : INumberBase<T>
    {
        var rows = Required(z, nameof(z))
            .Select((row, i) => (IReadOnlyList<double?>)[.. Doubles(row, $"z[{i}]").Select(v => (double?)v)])
            .ToList();
        return new Figure(
            [new HeatmapTrace([.. Required(x, nameof(x))], [.. Required(y, nameof(y))], rows, name)],
            new Layout
            {
                XAxis = new Axis { Type = "category" },
                YAxis = new Axis { Type = "category", AutoRange = "reversed", AutoMargin = true },
            });
    }

    /// <summary>A heatmap from a rectangular array, <c>z[row, column]</c>; see <see cref="Heatmap{T}(IEnumerable{string}, IEnumerable{string}, IEnumerable{IEnumerable{T}}, string?)"/>.</summary>
    /// <typeparam name="T">The numeric type of the cell values.</typeparam>
    /// <param name="x">Column labels.</param>
    /// <param name="y">Row labels.</param>
    /// <param name="z">The grid: <c>z.GetLength(0)</c> rows by <c>z.GetLength(1)</c> columns.</param>
    /// <param name="name">Series name, shown as the colour legend's title, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The grid's shape does not match the labels, or a value is not finite.</exception>
    public static Figure Heatmap<T>(IEnumerable<string> x, IEnumerable<string> y, T[,] z, string? name = null)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(z);
        var rows = Enumerable.Range(0, z.GetLength(0))
            .Select(r => Enumerable.Range(0, z.GetLength(1)).Select(c => z[r, c]));
        return Heatmap(x, y, rows, name);
    }

    /// <summary>
    /// A world map with each listed country shaded by its value (a choropleth), countries given by ISO 3166-1
    /// alpha-3 code such as <c>NOR</c>, <c>IND</c>, <c>BRA</c>. Countries not listed stay blank. The map always shows
    /// the whole inhabited world (see <see cref="Geo"/>), not just the listed countries, at 1:50 million detail so
    /// that small states such as Malta and Samoa can be shaded.
    /// </summary>
    /// <typeparam name="T">The numeric type of the values.</typeparam>
    /// <param name="iso3">ISO-3 country codes (three capital letters).</param>
    /// <param name="values">One value per country.</param>
    /// <param name="name">Series name, shown as the colour legend's title, or <see langword="null"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a code is not three capital letters, or a value is not finite.</exception>
    public static Figure WorldMap<T>(IEnumerable<string> iso3, IEnumerable<T> values, string? name = null)
        where T : INumberBase<T>
    {
        string[] codes = [.. Required(iso3, nameof(iso3))];
        var numbers = Doubles(values, nameof(values));
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

    private static double[] Doubles<T>(IEnumerable<T> values, string name)
        where T : INumberBase<T>
        => [.. Required(values, name).Select(double.CreateChecked)];
}

/// <summary>One bar of a <see cref="Chart.Timeline(IEnumerable{TimelineRow}, string?)"/>: a labelled span of years.</summary>
/// <param name="Label">What the bar stands for, such as a mission's acronym.</param>
/// <param name="Start">Start year (may be fractional, such as 1948.4).</param>
/// <param name="End">End year; for a mission still running, the current year.</param>
public sealed record TimelineRow(string Label, double Start, double End)
{
    /// <summary>A row from calendar dates, each turned into a fractional year (1 July 1948 ≈ 1948.5).</summary>
    /// <param name="label">What the bar stands for.</param>
    /// <param name="start">First day.</param>
    /// <param name="end">Last day.</param>
    /// <returns>The row, in years.</returns>
    public static TimelineRow FromDates(string label, DateOnly start, DateOnly end) =>
        new(label, FractionalYear(start), FractionalYear(end));

    /// <summary>A date as a year with a fraction: the year plus the share of it already past.</summary>
    /// <param name="date">The date.</param>
    /// <returns>For example 1948.0 for 1 January 1948.</returns>
    public static double FractionalYear(DateOnly date) =>
        date.Year + ((date.DayOfYear - 1) / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365));
}
