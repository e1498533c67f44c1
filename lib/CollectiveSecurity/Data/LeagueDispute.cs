namespace CollectiveSecurity.Data;

/// <summary>What became of a dispute before (or bypassing) the League of Nations.</summary>
public enum LeagueOutcome
{
    /// <summary>Settled on terms the parties accepted, with no war.</summary>
    Resolved,

    /// <summary>Partly settled.</summary>
    Partial,

    /// <summary>The aggressor kept what it took or war went on.</summary>
    Failed,
}

/// <summary>
/// One dispute before, or bypassing, the League of Nations, 1919-1940 (<c>league_disputes.csv</c>).
/// "Great power" means the League Council's great powers plus the USSR and Germany.
/// </summary>
/// <param name="Id">Row id, 1-19, in order of start.</param>
/// <param name="Name">Name of the dispute, e.g. "Abyssinia (Ethiopia)".</param>
/// <param name="StartYear">Year it began.</param>
/// <param name="EndYear">Year it ended.</param>
/// <param name="Parties">The states in dispute.</param>
/// <param name="GreatPowerInvolved">Whether a great power was a party or directly engaged.</param>
/// <param name="GreatPowers">Which great powers, as text (empty when none).</param>
/// <param name="HowItReachedLeague">How the dispute came before the League.</param>
/// <param name="LeagueAction">What the League did.</param>
/// <param name="LeagueOrgans">The bodies that handled it (Council, Assembly, Conference of Ambassadors; "none").</param>
/// <param name="Outcome">Resolved, partial or failed.</param>
/// <param name="LeagueInvolved">False when the dispute bypassed the League altogether.</param>
/// <param name="Note">What happened, in brief.</param>
/// <param name="CorroboratingPages">Pages the facts were checked against (may be empty).</param>
/// <param name="Source">Where the row's facts come from.</param>
public sealed record LeagueDispute(
    int Id,
    string Name,
    int StartYear,
    int EndYear,
    IReadOnlyList<string> Parties,
    bool GreatPowerInvolved,
    string GreatPowers,
    string HowItReachedLeague,
    string LeagueAction,
    IReadOnlyList<string> LeagueOrgans,
    LeagueOutcome Outcome,
    bool LeagueInvolved,
    string Note,
    IReadOnlyList<string> CorroboratingPages,
    string Source)
{
    /// <summary>One line, e.g. "Abyssinia (Ethiopia) 1935-1936, great power involved: Failed".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Name} {StartYear}-{EndYear}, {(GreatPowerInvolved ? "great power involved" : "no great power")}: {Outcome}");
}
