using CollectiveSecurity.Principles;

namespace CollectiveSecurity.Data;

/// <summary>The five UN regions the peacekeeping dataset assigns each operation to.</summary>
public enum MissionRegion
{
    /// <summary>Africa (31 of the 71 operations).</summary>
    Africa,

    /// <summary>North, Central and South America and the Caribbean.</summary>
    Americas,

    /// <summary>Asia and the Pacific.</summary>
    AsiaPacific,

    /// <summary>Europe, including the Balkans, Cyprus and the Caucasus.</summary>
    Europe,

    /// <summary>The Middle East, including Egypt's Sinai.</summary>
    MiddleEast,
}

/// <summary>The UN organ that created an operation.</summary>
public enum AuthorizingOrgan
{
    /// <summary>The Security Council, by resolution (69 of the 71 operations).</summary>
    SecurityCouncil,

    /// <summary>The General Assembly (UNEF I 1956, created under Uniting for Peace after vetoes; UNSF 1962).</summary>
    GeneralAssembly,
}

/// <summary>
/// One UN peacekeeping operation from the UN's official list of 71 (<c>un_peacekeeping_missions.csv</c>).
/// Dates are months, as in the UN list; an operation without <see cref="End"/> is still running.
/// </summary>
/// <param name="Sequence">Position in the UN list, 1-71, in order of start.</param>
/// <param name="Acronym">The UN acronym, e.g. UNTSO, UNEF I, MONUSCO.</param>
/// <param name="Name">Full name.</param>
/// <param name="Start">Month the operation began.</param>
/// <param name="End">Month it ended, or null while it is ongoing.</param>
/// <param name="Region">UN region.</param>
/// <param name="Host">Host countries or territories, as one text.</param>
/// <param name="Type">Observer, traditional or multidimensional (the compiler's teaching classification).</param>
/// <param name="AuthorizedBy">The organ that created it.</param>
/// <param name="Resolutions">Authorizing resolutions, e.g. "S/RES/50 (1948)".</param>
/// <param name="ResolutionDates">Adoption dates of those resolutions, in the same order.</param>
/// <param name="ResolutionCrossChecked">Whether the resolution number and date matched a second source.</param>
/// <param name="Notes">Remarks, e.g. where a second source gives another month.</param>
/// <param name="Source">Where the row's facts come from.</param>
public sealed record PeacekeepingMission(
    int Sequence,
    string Acronym,
    string Name,
    YearMonth Start,
    YearMonth? End,
    MissionRegion Region,
    string Host,
    MissionType Type,
    AuthorizingOrgan AuthorizedBy,
    IReadOnlyList<string> Resolutions,
    IReadOnlyList<DateOnly> ResolutionDates,
    bool ResolutionCrossChecked,
    string Notes,
    string Source)
{
    /// <summary>The Security Council resolutions among <see cref="Resolutions"/>, with their dates (empty for the two created by the General Assembly).</summary>
    public IReadOnlyList<Organizations.Resolution> CouncilResolutions => Resolutions
        .Select((text, i) => Organizations.Resolution.TryParse(text) is { } r ? r with { Adopted = ResolutionDates[i] } : null)
        .OfType<Organizations.Resolution>()
        .ToArray();

    /// <summary>Whether the operation is still running (no end month).</summary>
    public bool IsOngoing => End is null;

    /// <summary>Whether the operation was deployed at some time in <paramref name="year"/>.</summary>
    /// <param name="year">A calendar year.</param>
    public bool WasActiveIn(int year) => Start.Year <= year && (End is null || End.Value.Year >= year);

    /// <summary>Months from start to end, or to <paramref name="asOf"/> for an ongoing operation.</summary>
    /// <param name="asOf">The month that closes an ongoing operation's count.</param>
    public int DurationMonths(YearMonth asOf) => Start.MonthsUntil(End ?? asOf);

    /// <summary>One line, e.g. "UNTSO 1948-05–ongoing Observer, MiddleEast: United Nations Truce Supervision Organization".</summary>
    public override string ToString() => $"{Acronym} {Start}–{End?.ToString() ?? "ongoing"} {Type}, {Region}: {Name}";
}
