using System.Globalization;

namespace CollectiveSecurity.Data;

/// <summary>A calendar month, the precision at which the UN lists when peace operations began and ended.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    /// <summary>Creates a month; the year must be 1900-2100 and the month 1-12.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 (January) to 12 (December).</param>
    public YearMonth(int year, int month)
    {
        Year = year is >= 1900 and <= 2100 ? year : throw new ArgumentOutOfRangeException(nameof(year), year, "a year from 1900 to 2100");
        Month = month is >= 1 and <= 12 ? month : throw new ArgumentOutOfRangeException(nameof(month), month, "a month from 1 to 12");
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1-12.</summary>
    public int Month { get; }

    /// <summary>Months from this month to <paramref name="later"/> (negative when it is earlier).</summary>
    /// <param name="later">The other month.</param>
    public int MonthsUntil(YearMonth later) => ((later.Year - Year) * 12) + later.Month - Month;

    /// <inheritdoc/>
    public int CompareTo(YearMonth other) => Year != other.Year ? Year.CompareTo(other.Year) : Month.CompareTo(other.Month);

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is not later than <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is not earlier than <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;

    /// <summary>ISO form, e.g. "1948-05".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
