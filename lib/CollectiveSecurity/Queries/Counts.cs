using System.Globalization;
using CollectiveSecurity.Organizations;

namespace CollectiveSecurity.Queries;

/// <summary>Vetoes cast by one permanent member.</summary>
/// <param name="Member">The member.</param>
/// <param name="Vetoes">Vetoed drafts it voted against.</param>
public sealed record MemberVetoes(PermanentMember Member, int Vetoes)
{
    /// <summary>One line, e.g. "USA: 88".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Member.ShortName()}: {Vetoes}");
}

/// <summary>Vetoes cast by one permanent member in one decade.</summary>
/// <param name="Decade">First year of the decade (1940 for the 1940s, which begin in 1946).</param>
/// <param name="Member">The member.</param>
/// <param name="Vetoes">Vetoed drafts it voted against in that decade.</param>
public sealed record DecadeMemberVetoes(int Decade, PermanentMember Member, int Vetoes)
{
    /// <summary>One line, e.g. "1950s USSR: 25".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Decade}s {Member.ShortName()}: {Vetoes}");
}

/// <summary>A count for one year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Count">The count.</param>
public sealed record YearCount(int Year, int Count)
{
    /// <summary>One line, e.g. "1993: 17".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}: {Count}");
}

/// <summary>A count for one decade.</summary>
/// <param name="Decade">First year of the decade.</param>
/// <param name="Count">The count.</param>
public sealed record DecadeCount(int Decade, int Count)
{
    /// <summary>One line, e.g. "1990s: 35".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Decade}s: {Count}");
}

/// <summary>League outcomes for disputes with, or without, a great power involved.</summary>
/// <param name="GreatPowerInvolved">Whether a great power was involved.</param>
/// <param name="Resolved">Disputes resolved.</param>
/// <param name="Partial">Disputes partly resolved.</param>
/// <param name="Failed">Disputes where the League failed.</param>
public sealed record InvolvementOutcomes(bool GreatPowerInvolved, int Resolved, int Partial, int Failed)
{
    /// <summary>All disputes in the group.</summary>
    public int Total => Resolved + Partial + Failed;

    /// <summary>Share resolved, 0-1.</summary>
    public double ResolvedShare => Total == 0 ? 0 : (double)Resolved / Total;

    /// <summary>One line, e.g. "great power involved: 2 resolved, 0 partial, 9 failed of 11".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(GreatPowerInvolved ? "great power involved" : "no great power")}: {Resolved} resolved, {Partial} partial, {Failed} failed of {Total}");
}

/// <summary>Deaths per 1,000 uniformed peacekeepers deployed in a year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Deaths">Deaths in peacekeeping operations that year.</param>
/// <param name="UniformedPersonnel">Uniformed personnel deployed at the end of the year.</param>
public sealed record FatalityRate(int Year, int Deaths, int UniformedPersonnel)
{
    /// <summary>Deaths per 1,000 uniformed personnel.</summary>
    public double PerThousand => UniformedPersonnel == 0 ? 0 : Deaths * 1000.0 / UniformedPersonnel;

    /// <summary>One line, e.g. "1993: 252 deaths, 78444 deployed, 3.21 per 1,000".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}: {Deaths} deaths, {UniformedPersonnel} deployed, {PerThousand:F2} per 1,000");
}
