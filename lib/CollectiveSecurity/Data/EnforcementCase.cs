using CollectiveSecurity.Organizations;

namespace CollectiveSecurity.Data;

/// <summary>How far the veto stopped the Security Council from acting in an enforcement case.</summary>
public enum VetoEffect
{
    /// <summary>No veto stood in the way.</summary>
    NotBlocked,

    /// <summary>Some drafts were vetoed, others passed.</summary>
    PartlyBlocked,

    /// <summary>A veto (or the certainty of one) kept the Council from acting.</summary>
    Blocked,
}

/// <summary>
/// A coarse reading of a case's outcome, from the leading words of the dataset's <c>outcome_category</c>.
/// The full wording (e.g. "achieved (via GA)") is kept in <see cref="EnforcementCase.OutcomeText"/>.
/// </summary>
public enum CaseOutcome
{
    /// <summary>The Council's aim was achieved (possibly late, disputed or outside UN command).</summary>
    Achieved,

    /// <summary>The aim was partly achieved.</summary>
    PartiallyAchieved,

    /// <summary>The action failed.</summary>
    Failed,

    /// <summary>The Council was blocked (wholly or partly) and could not act.</summary>
    Blocked,

    /// <summary>The Council did not authorize enforcement; states acted without it or not at all.</summary>
    NotAuthorized,
}

/// <summary>
/// One case in which the Security Council authorized or attempted force or sanctions, or was blocked from acting,
/// Korea 1950 to Haiti 2023 (<c>un_enforcement_cases.csv</c>). Outcome labels are the compiler's teaching judgements.
/// </summary>
/// <param name="Id">Row id, 1-35.</param>
/// <param name="Name">The case, e.g. "Korean War: North Korean invasion of South Korea".</param>
/// <param name="Region">World region.</param>
/// <param name="StartYear">Year the case began.</param>
/// <param name="EndYear">Year it ended, or null if open.</param>
/// <param name="Resolutions">Resolutions and vetoed drafts cited, e.g. "S/RES/678 (1990)".</param>
/// <param name="ResolutionDates">Adoption dates of the cited resolutions (may be fewer than <paramref name="Resolutions"/>).</param>
/// <param name="Votes">Vote tallies of the dated resolutions in the same order; null for one adopted without a vote.</param>
/// <param name="ChapterVii">Whether the Council acted under Chapter VII ("y", "n", "partial", with remarks).</param>
/// <param name="Measures">Measures taken or attempted.</param>
/// <param name="CouncilAction">What the Council did, e.g. "authorized", "sanctions", "veto".</param>
/// <param name="ImplementingActor">Who carried out the measures.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="OutcomeCategory">Coarse outcome.</param>
/// <param name="OutcomeText">The dataset's outcome category, in full.</param>
/// <param name="VetoEffect">How far a veto blocked action.</param>
/// <param name="VetoDetail">Which vetoes, and what followed.</param>
/// <param name="ResolutionsCrossChecked">Result of the cross-check of the resolution numbers.</param>
/// <param name="Source">Where the row's facts come from.</param>
public sealed record EnforcementCase(
    int Id,
    string Name,
    string Region,
    int StartYear,
    int? EndYear,
    IReadOnlyList<string> Resolutions,
    IReadOnlyList<DateOnly> ResolutionDates,
    IReadOnlyList<VoteTally?> Votes,
    string ChapterVii,
    string Measures,
    string CouncilAction,
    string ImplementingActor,
    string Outcome,
    CaseOutcome OutcomeCategory,
    string OutcomeText,
    VetoEffect VetoEffect,
    string VetoDetail,
    string ResolutionsCrossChecked,
    string Source)
{
    /// <summary>
    /// The Security Council resolutions cited, in order, with their adoption date and vote where the dataset gives them
    /// (the dated citations come first). Vetoed drafts and General Assembly resolutions are not included.
    /// </summary>
    public IReadOnlyList<Resolution> CouncilResolutions => Resolutions
        .Select((text, i) => Resolution.TryParse(text) is { } r
            ? r with { Adopted = i < ResolutionDates.Count ? ResolutionDates[i] : null, Tally = i < Votes.Count ? Votes[i] : null }
            : null)
        .OfType<Resolution>()
        .ToArray();

    /// <summary>Whether the Council could not act, wholly or in part, because of a veto.</summary>
    public bool CouncilCouldNotAct => VetoEffect != VetoEffect.NotBlocked;

    /// <summary>The tally of the resolution whose symbol starts with <paramref name="resolution"/> (e.g. "S/RES/678"), if dated and counted.</summary>
    /// <param name="resolution">Resolution symbol, e.g. "S/RES/678".</param>
    public VoteTally? TallyOf(string resolution)
    {
        for (var i = 0; i < Math.Min(Resolutions.Count, Votes.Count); i++)
        {
            if (Resolutions[i].StartsWith(resolution + " ", StringComparison.Ordinal) || Resolutions[i] == resolution)
            {
                return Votes[i];
            }
        }

        return null;
    }

    /// <summary>One line, e.g. "Gulf War ... 1990-1991: PartiallyAchieved".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Name} {StartYear}-{(EndYear is { } end ? end.ToString(System.Globalization.CultureInfo.InvariantCulture) : "open")}: {OutcomeCategory} ({VetoEffect})");
}
