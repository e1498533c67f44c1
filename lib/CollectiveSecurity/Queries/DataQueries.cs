using CollectiveSecurity.Data;
using CollectiveSecurity.Organizations;
using CollectiveSecurity.Principles;

namespace CollectiveSecurity.Queries;

/// <summary>Questions about the veto record, as extension methods on <see cref="Veto"/> sequences.</summary>
public static class VetoQueries
{
    /// <summary>Vetoes per permanent member over the whole sequence, in <see cref="PermanentMember"/> order; a draft vetoed by two members counts for both.</summary>
    /// <param name="vetoes">Vetoed drafts, e.g. <see cref="CourseData.Vetoes"/>.</param>
    public static IReadOnlyList<MemberVetoes> VetoesPerMember(this IEnumerable<Veto> vetoes)
    {
        var list = vetoes.ToArray();
        return Enum.GetValues<PermanentMember>().Select(m => new MemberVetoes(m, list.Count(v => v.VetoedBy.Contains(m)))).ToArray();
    }

    /// <summary>
    /// Vetoes per member per decade, for every decade from the first to the last veto and every member that held a permanent
    /// seat in that decade (zero where it cast none); ordered by decade, then member.
    /// </summary>
    /// <param name="vetoes">Vetoed drafts.</param>
    public static IReadOnlyList<DecadeMemberVetoes> VetoesPerMemberPerDecade(this IEnumerable<Veto> vetoes)
    {
        var list = vetoes.ToArray();
        if (list.Length == 0)
        {
            return [];
        }

        var rows = new List<DecadeMemberVetoes>();
        var (first, last) = (list.Min(v => v.Year), list.Max(v => v.Year));
        for (var decade = first / 10 * 10; decade <= last; decade += 10)
        {
            var years = Enumerable.Range(Math.Max(decade, 1946), 10 - (Math.Max(decade, 1946) - decade));
            var seated = years.SelectMany(PermanentMembers.In).Distinct().Order();
            foreach (var member in seated)
            {
                rows.Add(new DecadeMemberVetoes(decade, member, list.Count(v => v.Decade == decade && v.VetoedBy.Contains(member))));
            }
        }

        return rows;
    }

    /// <summary>Vetoed drafts per decade (a draft vetoed by several members counts once).</summary>
    /// <param name="vetoes">Vetoed drafts.</param>
    public static IReadOnlyList<DecadeCount> VetoedDraftsPerDecade(this IEnumerable<Veto> vetoes) =>
        vetoes.GroupBy(v => v.Decade).OrderBy(g => g.Key).Select(g => new DecadeCount(g.Key, g.Count())).ToArray();

    /// <summary>The vetoes cast by one member.</summary>
    /// <param name="vetoes">Vetoed drafts.</param>
    /// <param name="member">The member.</param>
    public static IEnumerable<Veto> CastBy(this IEnumerable<Veto> vetoes, PermanentMember member) => vetoes.Where(v => v.VetoedBy.Contains(member));
}

/// <summary>Questions about peacekeeping operations, as extension methods.</summary>
public static class MissionQueries
{
    /// <summary>The operations deployed at some time in <paramref name="year"/>, in the UN's order.</summary>
    /// <param name="missions">Operations, e.g. <see cref="CourseData.Missions"/>.</param>
    /// <param name="year">A calendar year.</param>
    public static IReadOnlyList<PeacekeepingMission> ActiveIn(this IEnumerable<PeacekeepingMission> missions, int year) =>
        missions.Where(m => m.WasActiveIn(year)).ToArray();

    /// <summary>How many operations were deployed in each year from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="missions">Operations.</param>
    /// <param name="from">First year.</param>
    /// <param name="to">Last year (not before <paramref name="from"/>).</param>
    public static IReadOnlyList<YearCount> ActivePerYear(this IEnumerable<PeacekeepingMission> missions, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var list = missions.ToArray();
        return Enumerable.Range(from, to - from + 1).Select(y => new YearCount(y, list.Count(m => m.WasActiveIn(y)))).ToArray();
    }

    /// <summary>Operations started per decade.</summary>
    /// <param name="missions">Operations.</param>
    public static IReadOnlyList<DecadeCount> StartedPerDecade(this IEnumerable<PeacekeepingMission> missions) =>
        missions.GroupBy(m => m.Start.Year / 10 * 10).OrderBy(g => g.Key).Select(g => new DecadeCount(g.Key, g.Count())).ToArray();

    /// <summary>Operations of one type.</summary>
    /// <param name="missions">Operations.</param>
    /// <param name="type">The mission type.</param>
    public static IEnumerable<PeacekeepingMission> OfType(this IEnumerable<PeacekeepingMission> missions, MissionType type) => missions.Where(m => m.Type == type);
}

/// <summary>Questions about League of Nations disputes, as extension methods.</summary>
public static class LeagueQueries
{
    /// <summary>The League's outcomes with and without a great power involved: first the disputes with one, then those without.</summary>
    /// <param name="disputes">Disputes, e.g. <see cref="CourseData.LeagueDisputes"/>.</param>
    public static IReadOnlyList<InvolvementOutcomes> OutcomesByGreatPowerInvolvement(this IEnumerable<LeagueDispute> disputes)
    {
        var list = disputes.ToArray();
        InvolvementOutcomes Group(bool involved)
        {
            var group = list.Where(d => d.GreatPowerInvolved == involved).ToArray();
            return new InvolvementOutcomes(involved, group.Count(d => d.Outcome == LeagueOutcome.Resolved),
                group.Count(d => d.Outcome == LeagueOutcome.Partial), group.Count(d => d.Outcome == LeagueOutcome.Failed));
        }

        return [Group(true), Group(false)];
    }
}

/// <summary>Questions about enforcement cases and peacekeeping figures, as extension methods.</summary>
public static class EnforcementQueries
{
    /// <summary>The cases in which a veto kept the Council from acting, wholly or in part.</summary>
    /// <param name="cases">Cases, e.g. <see cref="CourseData.EnforcementCases"/>.</param>
    public static IReadOnlyList<EnforcementCase> WhereCouncilCouldNotAct(this IEnumerable<EnforcementCase> cases) =>
        cases.Where(c => c.CouncilCouldNotAct).ToArray();

    /// <summary>How many cases had each coarse outcome, in <see cref="CaseOutcome"/> order.</summary>
    /// <param name="cases">Cases.</param>
    public static IReadOnlyList<KeyValuePair<CaseOutcome, int>> CountByOutcome(this IEnumerable<EnforcementCase> cases)
    {
        var list = cases.ToArray();
        return Enum.GetValues<CaseOutcome>().Select(o => new KeyValuePair<CaseOutcome, int>(o, list.Count(c => c.OutcomeCategory == o))).ToArray();
    }

    /// <summary>Deaths in peacekeeping operations per 1,000 uniformed personnel, for the years both tables cover.</summary>
    /// <param name="fatalities">Deaths per year, e.g. <see cref="CourseData.FatalitiesByYear"/>.</param>
    /// <param name="personnel">Personnel per year, e.g. <see cref="CourseData.PersonnelByYear"/>.</param>
    public static IReadOnlyList<FatalityRate> FatalityRates(this IEnumerable<FatalitiesYear> fatalities, IEnumerable<PersonnelYear> personnel)
    {
        var deployed = personnel.ToDictionary(p => p.Year, p => p.TotalUniformed);
        return fatalities.Where(f => deployed.ContainsKey(f.Year)).OrderBy(f => f.Year)
            .Select(f => new FatalityRate(f.Year, f.InPeacekeepingOperations, deployed[f.Year])).ToArray();
    }
}
