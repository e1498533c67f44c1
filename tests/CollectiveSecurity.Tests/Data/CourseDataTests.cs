using CollectiveSecurity.Data;
using CollectiveSecurity.Organizations;
using CollectiveSecurity.Principles;

namespace CollectiveSecurity.Tests.Data;

/// <summary>The embedded datasets load with no bad row and their counts match SOURCES.md.</summary>
public class CourseDataTests
{
    [Fact]
    public void Every_dataset_file_is_embedded()
    {
        Assert.Equal(
            [
                "league_disputes.csv", "un_enforcement_cases.csv", "un_peacekeeper_fatalities_by_mission.csv",
                "un_peacekeeper_fatalities_by_year.csv", "un_peacekeeper_fatalities_records.csv", "un_peacekeeping_budget_by_year.csv",
                "un_peacekeeping_missions.csv", "un_peacekeeping_personnel_by_year.csv", "un_troop_police_contributors.csv",
                "unsc_vetoes.csv", "unsc_vetoes_by_decade.csv",
            ],
            CourseData.FileNames);
    }

    [Fact]
    public void Row_counts_match_the_sources()
    {
        Assert.Equal(71, CourseData.Missions.Count);
        Assert.Equal(228, CourseData.Vetoes.Count);
        Assert.Equal(63, CourseData.VetoesByDecade.Count);
        Assert.Equal(19, CourseData.LeagueDisputes.Count);
        Assert.Equal(35, CourseData.EnforcementCases.Count);
        Assert.Equal(75, CourseData.PersonnelByYear.Count);
        Assert.Equal(78, CourseData.FatalitiesByYear.Count);
        Assert.Equal(81, CourseData.FatalitiesByMission.Count);
        Assert.Equal(4429, CourseData.FatalityRecords.Count);
        Assert.Equal(18, CourseData.Budgets.Count);
        Assert.Equal(134, CourseData.Contributors.Count);
    }

    [Fact]
    public void The_summary_covers_every_embedded_file_in_order()
    {
        var summary = CourseData.Summary();
        Assert.Equal(CourseData.FileNames, summary.Select(s => s.File));
        Assert.Equal("unsc_vetoes.csv: 228 rows (vetoed Security Council drafts, 1946-2025)", summary.Single(s => s.File == "unsc_vetoes.csv").ToString());
        Assert.Equal(5_231, summary.Sum(s => s.Rows));
    }

    [Fact]
    public void Missions_match_the_UN_list()
    {
        var missions = CourseData.Missions;
        Assert.Equal(Enumerable.Range(1, 71), missions.Select(m => m.Sequence));
        Assert.Equal(11, missions.Count(m => m.IsOngoing));
        Assert.Equal(2, missions.Count(m => m.AuthorizedBy == AuthorizingOrgan.GeneralAssembly));
        Assert.Equal(31, missions.Count(m => m.Region == MissionRegion.Africa));

        var untso = missions[0];
        Assert.Equal("UNTSO", untso.Acronym);
        Assert.Equal(new YearMonth(1948, 5), untso.Start);
        Assert.Equal(MissionType.Observer, untso.Type);
        Assert.Equal(["S/RES/50 (1948)"], untso.Resolutions);

        var unefI = missions.Single(m => m.Acronym == "UNEF I");
        Assert.Equal(["A/RES/1000 (ES-I)"], unefI.Resolutions);
        Assert.Equal([new DateOnly(1956, 11, 5)], unefI.ResolutionDates);
        Assert.Equal(new YearMonth(1967, 6), unefI.End);
    }

    [Fact]
    public void Veto_totals_per_member_match_SOURCES()
    {
        int Count(PermanentMember m) => CourseData.Vetoes.Count(v => v.VetoedBy.Contains(m));
        Assert.Equal(90, Count(PermanentMember.SovietUnion));
        Assert.Equal(39, Count(PermanentMember.Russia));
        Assert.Equal(88, Count(PermanentMember.UnitedStates));
        Assert.Equal(29, Count(PermanentMember.UnitedKingdom));
        Assert.Equal(16, Count(PermanentMember.France));
        Assert.Equal(19, Count(PermanentMember.China));
        Assert.Equal(new DateOnly(1946, 2, 16), CourseData.Vetoes[0].Date);
        Assert.Equal(new DateOnly(2025, 6, 4), CourseData.Vetoes.Max(v => v.Date));
    }

    [Fact]
    public void Enforcement_cases_hold_the_known_tallies_of_Korea_and_Iraq()
    {
        var korea = CourseData.EnforcementCases.Single(c => c.Name.StartsWith("Korean War", StringComparison.Ordinal));
        Assert.Equal(new VoteTally(9, 0, 1), korea.TallyOf("S/RES/82"));
        Assert.Equal(new VoteTally(7, 1, 0), korea.TallyOf("S/RES/83"));
        var iraq = CourseData.EnforcementCases.Single(c => c.Resolutions.Any(r => r.StartsWith("S/RES/678 ", StringComparison.Ordinal)));
        Assert.Equal(new VoteTally(12, 2, 1), iraq.TallyOf("S/RES/678"));
        Assert.Equal(VetoEffect.NotBlocked, iraq.VetoEffect);
        Assert.Equal(10, CourseData.EnforcementCases.Count(c => c.VetoEffect == VetoEffect.Blocked));
    }

    [Fact]
    public void League_disputes_include_Abyssinia_as_a_failure_with_great_power_involvement()
    {
        var abyssinia = CourseData.LeagueDisputes.Single(d => d.Name.StartsWith("Abyssinia", StringComparison.Ordinal));
        Assert.True(abyssinia.GreatPowerInvolved);
        Assert.Equal(LeagueOutcome.Failed, abyssinia.Outcome);
        Assert.Equal(11, CourseData.LeagueDisputes.Count(d => d.GreatPowerInvolved));
        Assert.Single(CourseData.LeagueDisputes, d => !d.LeagueInvolved);
    }

    [Fact]
    public void Figures_cross_check_with_SOURCES()
    {
        Assert.Equal(84_309, CourseData.PersonnelByYear.Single(p => p.Year == 2007).TotalUniformed);
        Assert.Equal(45, CourseData.PersonnelByYear.Count(p => !p.HasBreakdown));
        Assert.Equal(4_287, CourseData.FatalitiesByYear.Where(f => f.Year <= 2022).Sum(f => f.Total));
        Assert.Equal(4_429, CourseData.FatalitiesByYear.Sum(f => f.Total));
        Assert.Equal(249, CourseData.FatalitiesByMission.Single(f => f.MissionAcronym == "ONUC").Total);
        Assert.Equal(81_932, CourseData.Contributors.Where(c => c.Snapshot == new DateOnly(2021, 1, 31)).Sum(c => c.TotalUniformed));
        Assert.Equal(122, CourseData.Contributors.Count(c => c.Snapshot.Year == 2021));
        Assert.Equal(3.547, CourseData.Budgets[0].AmountUsdBillions);
    }

    [Fact]
    public void Fatality_records_agree_with_the_aggregates()
    {
        var byYear = CourseData.FatalityRecords.GroupBy(r => r.IncidentDate.Year).ToDictionary(g => g.Key, g => g.Count());
        foreach (var year in CourseData.FatalitiesByYear)
        {
            Assert.Equal(year.Total, byYear.GetValueOrDefault(year.Year));
        }

        var byMission = CourseData.FatalityRecords.GroupBy(r => r.MissionAcronym).ToDictionary(g => g.Key, g => g.Count());
        foreach (var mission in CourseData.FatalitiesByMission)
        {
            Assert.Equal(mission.Total, byMission[mission.MissionAcronym]);
        }

        Assert.DoesNotContain(CourseData.FatalityRecords, r => r.Nationality != r.Nationality.Trim());
    }
}
