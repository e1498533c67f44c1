using CollectiveSecurity.Organizations;

namespace CollectiveSecurity.Data;

/// <summary>
/// One vetoed draft resolution (or vetoed question) of the Security Council, 1946-2025 (<c>unsc_vetoes.csv</c>).
/// A draft that several permanent members voted against is one row with several <see cref="VetoedBy"/>.
/// </summary>
/// <param name="Date">Date of the vote.</param>
/// <param name="DraftSymbol">UN symbol of the draft (e.g. S/2011/612); for early vetoes the meeting record instead.</param>
/// <param name="MeetingRecord">Verbatim record of the meeting, e.g. S/PV.6627 (empty for some 2022-25 rows).</param>
/// <param name="AgendaItem">Agenda item as the UN lists it.</param>
/// <param name="Topic">Short topic (the upstream dataset's coding).</param>
/// <param name="Region">World region (the upstream dataset's coding).</param>
/// <param name="VetoedBy">The permanent members that voted against.</param>
/// <param name="Tally">The yes-no-abstain count where a second source gives it, else null.</param>
/// <param name="CrossCheck">Result of the cross-check against the UN meetings table.</param>
/// <param name="Notes">Remarks on the row.</param>
/// <param name="Source">Where the row's facts come from.</param>
public sealed record Veto(
    DateOnly Date,
    string DraftSymbol,
    string MeetingRecord,
    string AgendaItem,
    string Topic,
    string Region,
    IReadOnlyList<PermanentMember> VetoedBy,
    VoteTally? Tally,
    string CrossCheck,
    string Notes,
    string Source)
{
    /// <summary>Year of the vote.</summary>
    public int Year => Date.Year;

    /// <summary>First year of the decade of the vote, e.g. 1950 for 1956.</summary>
    public int Decade => Date.Year / 10 * 10;

    /// <summary>One line, e.g. "2011-10-04 S/2011/612 vetoed by Russia, China: Syria".</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd} {DraftSymbol} vetoed by {string.Join(", ", VetoedBy.Select(m => m.ShortName()))}: {Topic}");
}

/// <summary>
/// One line of the derived table <c>unsc_vetoes_by_decade.csv</c>: vetoes cast in a decade by one member,
/// by USSR and Russia together, or all vetoed drafts ("ALL: draft resolutions vetoed").
/// </summary>
/// <param name="Decade">First year of the decade, e.g. 1940 (the 1940s start with 1946).</param>
/// <param name="Member">USSR, Russia, USA, UK, France, China, "USSR/Russia combined" or "ALL: draft resolutions vetoed".</param>
/// <param name="Vetoes">Number of vetoes.</param>
/// <param name="Source">How the row was derived.</param>
public sealed record DecadeVetoCount(int Decade, string Member, int Vetoes, string Source)
{
    /// <summary>One line, e.g. "1950s USSR: 36".</summary>
    public override string ToString() => FormattableString.Invariant($"{Decade}s {Member}: {Vetoes}");
}
