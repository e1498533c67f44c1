using CollectiveSecurity.Data;
using CollectiveSecurity.Organizations;
using CollectiveSecurity.Principles;
using CollectiveSecurity.Queries;

namespace CollectiveSecurity.Tests.Queries;

public class QueryTests
{
    [Fact]
    public void Vetoes_per_member_per_decade_reproduce_the_published_decade_table()
    {
        var computed = CourseData.Vetoes.VetoesPerMemberPerDecade().ToDictionary(r => (r.Decade, r.Member.ShortName()), r => r.Vetoes);
        var published = CourseData.VetoesByDecade.Where(r => PermanentMembers.TryParse(r.Member, out _)).ToArray();
        foreach (var row in published)
        {
            Assert.Equal(row.Vetoes, computed[(row.Decade, row.Member)]);
        }

        // The published table leaves out the USSR in the 1990s (it sat in 1990-91 but cast no veto); the query lists it with zero.
        var extra = computed.Keys.Except(published.Select(r => (r.Decade, r.Member))).ToArray();
        Assert.Equal([(1990, "USSR")], extra);
        Assert.Equal(0, computed[(1990, "USSR")]);

        var drafts = CourseData.Vetoes.VetoedDraftsPerDecade().ToDictionary(d => d.Decade, d => d.Count);
        foreach (var row in CourseData.VetoesByDecade.Where(r => r.Member.StartsWith("ALL", StringComparison.Ordinal)))
        {
            Assert.Equal(row.Vetoes, drafts[row.Decade]);
        }
    }

    [Fact]
    public void Vetoes_per_member_match_SOURCES()
    {
        var perMember = CourseData.Vetoes.VetoesPerMember().ToDictionary(m => m.Member, m => m.Vetoes);
        Assert.Equal(129, perMember[PermanentMember.SovietUnion] + perMember[PermanentMember.Russia]);
        Assert.Equal(88, perMember[PermanentMember.UnitedStates]);
        Assert.Equal("USA: 88", CourseData.Vetoes.VetoesPerMember().Single(m => m.Member == PermanentMember.UnitedStates).ToString());
        Assert.Equal(16, CourseData.Vetoes.CastBy(PermanentMember.France).Count());
    }

    [Fact]
    public void Missions_active_in_a_year()
    {
        Assert.Equal(["UNTSO"], CourseData.Missions.ActiveIn(1948).Select(m => m.Acronym));
        Assert.Equal(["UNTSO", "UNMOGIP"], CourseData.Missions.ActiveIn(1950).Select(m => m.Acronym));
        Assert.Contains(CourseData.Missions.ActiveIn(1994), m => m.Acronym == "UNAMIR");
        Assert.Equal(11, CourseData.Missions.ActiveIn(2025).Count);
        var perYear = CourseData.Missions.ActivePerYear(1988, 1995);
        Assert.True(perYear[^1].Count > 2 * perYear[0].Count, "the post-Cold War surge more than doubled the operations");
        Assert.Equal(71, CourseData.Missions.StartedPerDecade().Sum(d => d.Count));
        Assert.Equal(26, CourseData.Missions.OfType(MissionType.Observer).Count());
    }

    [Fact]
    public void League_outcomes_by_great_power_involvement()
    {
        var table = CourseData.LeagueDisputes.OutcomesByGreatPowerInvolvement();
        var withGreat = table[0];
        var without = table[1];
        Assert.True(withGreat.GreatPowerInvolved);
        Assert.Equal(11, withGreat.Total);
        Assert.Equal(8, without.Total);
        Assert.True(without.ResolvedShare > withGreat.ResolvedShare, "the League settled small-power disputes, not great-power ones");
        Assert.Equal(CourseData.LeagueDisputes.Count(d => d.Outcome == LeagueOutcome.Failed), withGreat.Failed + without.Failed);
    }

    [Fact]
    public void Enforcement_cases_the_Council_could_not_act_on()
    {
        var blocked = CourseData.EnforcementCases.WhereCouncilCouldNotAct();
        Assert.Equal(17, blocked.Count);
        Assert.Contains(blocked, c => c.Name.StartsWith("Hungary", StringComparison.Ordinal));
        Assert.Equal(35, CourseData.EnforcementCases.CountByOutcome().Sum(p => p.Value));
    }

    [Fact]
    public void Fatality_rates_join_the_two_tables()
    {
        var rates = CourseData.FatalitiesByYear.FatalityRates(CourseData.PersonnelByYear);
        Assert.Equal(1948, rates[0].Year);
        Assert.Equal(2021, rates[^1].Year);
        var r1993 = rates.Single(r => r.Year == 1993);
        Assert.Equal(CourseData.FatalitiesByYear.Single(f => f.Year == 1993).InPeacekeepingOperations, r1993.Deaths);
        Assert.Equal(r1993.Deaths * 1000.0 / r1993.UniformedPersonnel, r1993.PerThousand, 10);
    }
}
