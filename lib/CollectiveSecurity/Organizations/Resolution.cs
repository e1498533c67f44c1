using System.Globalization;
using System.Text.RegularExpressions;

namespace CollectiveSecurity.Organizations;

/// <summary>
/// A Security Council resolution, cited the UN way: "S/RES/678 (1990)" is the Council's 678th resolution, adopted in 1990.
/// A resolution is what the Council adopted; a vetoed text stays a draft ("S/2011/612") and never gets a number.
/// </summary>
/// <param name="Number">The resolution's number (1 from 1946 on).</param>
/// <param name="Year">The year of adoption, as in the citation.</param>
/// <param name="Adopted">Date of adoption, when known.</param>
/// <param name="Tally">The vote, yes-no-abstain, when known (null also for one adopted without a vote).</param>
public sealed partial record Resolution(int Number, int Year, DateOnly? Adopted = null, VoteTally? Tally = null)
{
    /// <summary>The number (at least 1).</summary>
    public int Number { get; } = Number >= 1 ? Number : throw new ArgumentOutOfRangeException(nameof(Number), Number, "resolution numbers start at 1");

    /// <summary>The year (1946 on; the date, when given, must fall in it).</summary>
    public int Year { get; } = Year < 1946 ? throw new ArgumentOutOfRangeException(nameof(Year), Year, "the Council first met in 1946")
        : Adopted is { } date && date.Year != Year ? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"adopted on {date:yyyy-MM-dd}, not in {Year}"), nameof(Adopted))
        : Year;

    /// <summary>The UN citation, e.g. "S/RES/678 (1990)".</summary>
    public string Symbol => string.Create(CultureInfo.InvariantCulture, $"S/RES/{Number} ({Year})");

    /// <summary>Reads a citation that starts "S/RES/number (year)"; anything after it (a remark) is ignored.</summary>
    /// <param name="text">The citation, e.g. "S/RES/678 (1990)".</param>
    /// <returns>The resolution without date or tally, or null when the text is not such a citation.</returns>
    public static Resolution? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Citation().Match(text.Trim());
        return match.Success
            ? new Resolution(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>The citation, with date and vote when known, e.g. "S/RES/678 (1990), 1990-11-29, 12-2-1".</summary>
    public override string ToString() =>
        Symbol + (Adopted is { } date ? string.Create(CultureInfo.InvariantCulture, $", {date:yyyy-MM-dd}") : string.Empty) + (Tally is null ? string.Empty : $", {Tally}");

    [GeneratedRegex(@"^S/RES/(\d{1,5}) \((\d{4})\)", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();
}
