using CollectiveSecurity.Organizations;
using CollectiveSecurity.Principles;

namespace CollectiveSecurity.Data;

/// <summary>
/// Every course dataset: file name, how a row maps to a record, and the checks each row must pass.
/// Each check that fails names its column and value, and the reader adds file and line.
/// </summary>
internal static class DatasetFiles
{
    private const int LastYear = 2100;

    public static readonly DatasetFile<PeacekeepingMission> Missions = new("un_peacekeeping_missions.csv", ReadMission, m => m.Acronym);

    public static readonly DatasetFile<Veto> Vetoes = new("unsc_vetoes.csv", ReadVeto);

    public static readonly DatasetFile<DecadeVetoCount> VetoesByDecade = new(
        "unsc_vetoes_by_decade.csv",
        r => new DecadeVetoCount(ReadDecade(r), r.Required("member"), r.Int("vetoes", 0, 1000), r.Text("source")),
        d => FormattableString.Invariant($"{d.Decade} {d.Member}"));

    public static readonly DatasetFile<LeagueDispute> LeagueDisputes = new("league_disputes.csv", ReadLeagueDispute, d => d.Name);

    public static readonly DatasetFile<EnforcementCase> EnforcementCases = new("un_enforcement_cases.csv", ReadEnforcementCase, c => c.Name);

    public static readonly DatasetFile<PersonnelYear> PersonnelByYear = new("un_peacekeeping_personnel_by_year.csv", ReadPersonnelYear, p => Key(p.Year));

    public static readonly DatasetFile<FatalitiesYear> FatalitiesByYear = new("un_peacekeeper_fatalities_by_year.csv", ReadFatalitiesYear, f => Key(f.Year));

    public static readonly DatasetFile<MissionFatalities> FatalitiesByMission = new("un_peacekeeper_fatalities_by_mission.csv", ReadMissionFatalities, f => f.MissionAcronym);

    public static readonly DatasetFile<FatalityRecord> FatalityRecords = new("un_peacekeeper_fatalities_records.csv", ReadFatalityRecord, f => Key(f.Id));

    public static readonly DatasetFile<BudgetPeriod> Budgets = new("un_peacekeeping_budget_by_year.csv", ReadBudget, b => b.FiscalPeriod);

    public static readonly DatasetFile<Contributor> Contributors = new(
        "un_troop_police_contributors.csv", ReadContributor, c => FormattableString.Invariant($"{c.Snapshot:yyyy-MM-dd} {c.Iso3}"));

    private static readonly Dictionary<string, MissionRegion> s_regions = new(StringComparer.Ordinal)
    {
        ["Africa"] = MissionRegion.Africa,
        ["Americas"] = MissionRegion.Americas,
        ["Asia-Pacific"] = MissionRegion.AsiaPacific,
        ["Europe"] = MissionRegion.Europe,
        ["Middle East"] = MissionRegion.MiddleEast,
    };

    private static readonly Dictionary<string, MissionType> s_missionTypes = new(StringComparer.Ordinal)
    {
        ["observer"] = MissionType.Observer,
        ["traditional"] = MissionType.Traditional,
        ["multidimensional"] = MissionType.Multidimensional,
    };

    private static readonly Dictionary<string, AuthorizingOrgan> s_organs = new(StringComparer.Ordinal)
    {
        ["UNSC"] = AuthorizingOrgan.SecurityCouncil,
        ["UNGA"] = AuthorizingOrgan.GeneralAssembly,
    };

    private static readonly Dictionary<string, bool> s_status = new(StringComparer.Ordinal)
    {
        ["ongoing"] = true,
        ["closed"] = false,
    };

    private static readonly Dictionary<string, (LeagueOutcome Outcome, bool Involved)> s_leagueOutcomes = new(StringComparer.Ordinal)
    {
        ["resolved"] = (LeagueOutcome.Resolved, true),
        ["partial"] = (LeagueOutcome.Partial, true),
        ["failed"] = (LeagueOutcome.Failed, true),
        ["failed (League not involved)"] = (LeagueOutcome.Failed, false),
    };

    private static readonly Dictionary<string, VetoEffect> s_vetoEffects = new(StringComparer.Ordinal)
    {
        ["n"] = VetoEffect.NotBlocked,
        ["partial"] = VetoEffect.PartlyBlocked,
        ["y"] = VetoEffect.Blocked,
    };

    private static readonly Dictionary<string, IncidentType> s_incidents = new(StringComparer.Ordinal)
    {
        ["Malicious Act"] = IncidentType.MaliciousAct,
        ["Accident"] = IncidentType.Accident,
        ["Illness"] = IncidentType.Illness,
        ["Self-Inflicted"] = IncidentType.SelfInflicted,
        ["To Be Determined"] = IncidentType.ToBeDetermined,
        ["Unknown"] = IncidentType.Unknown,
    };

    private static readonly Dictionary<string, PersonnelType> s_personnel = new(StringComparer.Ordinal)
    {
        ["Military"] = PersonnelType.Military,
        ["Military Observer"] = PersonnelType.MilitaryObserver,
        ["Police"] = PersonnelType.Police,
        ["International Civilian"] = PersonnelType.InternationalCivilian,
        ["Local"] = PersonnelType.Local,
        ["Other"] = PersonnelType.Other,
    };

    private static string Key(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static PeacekeepingMission ReadMission(CsvRow r)
    {
        var start = new YearMonth(r.Int("start_year", 1945, LastYear), r.Int("start_month", 1, 12));
        var endYear = r.OptionalInt("end_year", 1945, LastYear);
        var endMonth = r.OptionalInt("end_month", 1, 12);
        if (endYear.HasValue != endMonth.HasValue)
        {
            throw new RowException("end_year and end_month must both be given or both be empty");
        }

        YearMonth? end = endYear is { } y ? new YearMonth(y, endMonth!.Value) : null;
        if (end < start)
        {
            throw new RowException($"ends ({end}) before it starts ({start})");
        }

        var ongoing = r.Code("status", s_status);
        if (ongoing != end is null)
        {
            throw new RowException($"status '{r.Text("status")}' contradicts the end date '{end?.ToString() ?? "none"}'");
        }

        var resolutions = r.List("authorizing_resolution");
        var dates = r.Dates("resolution_date");
        if (resolutions.Count == 0 || resolutions.Count != dates.Count)
        {
            throw new RowException(FormattableString.Invariant($"{resolutions.Count} authorizing resolution(s) but {dates.Count} resolution date(s)"));
        }

        var organ = r.Code("authorizing_body", s_organs);
        if (organ == AuthorizingOrgan.SecurityCouncil)
        {
            CheckDatedResolutions("authorizing_resolution", resolutions, dates);
        }

        return new PeacekeepingMission(
            r.Int("seq", 1, 1000),
            r.Required("acronym"),
            r.Required("full_name"),
            start,
            end,
            r.Code("region", s_regions),
            r.Required("host_country_territory"),
            r.Code("mission_type", s_missionTypes),
            organ,
            resolutions,
            dates,
            r.YesNo("resolution_crosschecked"),
            r.Text("notes"),
            r.Required("source"));
    }

    /// <summary>The first <c>dates.Count</c> citations must be Security Council resolutions of the year of their date.</summary>
    private static void CheckDatedResolutions(string column, IReadOnlyList<string> resolutions, IReadOnlyList<DateOnly> dates)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            var resolution = i < resolutions.Count ? Resolution.TryParse(resolutions[i]) : null;
            if (resolution is null || resolution.Year != dates[i].Year)
            {
                throw new RowException(FormattableString.Invariant(
                    $"column '{column}': dated citation {i + 1} ('{(i < resolutions.Count ? resolutions[i] : string.Empty)}') is not a Security Council resolution of {dates[i].Year}"));
            }
        }
    }

    private static Veto ReadVeto(CsvRow r)
    {
        var date = r.Date("date");
        var year = r.Int("year", 1946, LastYear);
        if (year != date.Year)
        {
            throw new RowException(FormattableString.Invariant($"year {year} does not match date {date:yyyy-MM-dd}"));
        }

        var members = new List<PermanentMember>();
        foreach (var name in r.List("vetoed_by"))
        {
            if (!PermanentMembers.TryParse(name, out var member))
            {
                throw new RowException($"column 'vetoed_by': '{name}' is not a permanent member (USSR, Russia, USA, UK, France, China)");
            }

            if (members.Contains(member))
            {
                throw new RowException($"column 'vetoed_by': '{name}' is listed twice");
            }

            if (!PermanentMembers.In(year).Contains(member))
            {
                throw new RowException(FormattableString.Invariant($"column 'vetoed_by': {name} did not hold a permanent seat in {year}"));
            }

            members.Add(member);
        }

        if (members.Count == 0)
        {
            throw new RowException("column 'vetoed_by' is empty");
        }

        var count = r.Int("n_vetoing_members", 1, 5);
        if (count != members.Count)
        {
            throw new RowException(FormattableString.Invariant($"n_vetoing_members is {count} but vetoed_by names {members.Count}"));
        }

        var tallyText = r.Text("vote_yes_no_abstain");
        VoteTally? tally = null;
        if (tallyText.Length > 0)
        {
            tally = VoteTally.TryParse(tallyText) ?? throw new RowException($"column 'vote_yes_no_abstain': '{tallyText}' is not yes-no-abstain");
            if (tally.No < members.Count)
            {
                throw new RowException($"tally {tally} has fewer No votes than vetoing members");
            }
        }

        return new Veto(
            date,
            r.Required("draft_symbol"),
            r.Text("meeting_record"),
            r.Required("agenda_item"),
            r.Required("topic"),
            r.Required("region"),
            members.AsReadOnly(),
            tally,
            r.Text("crosscheck_meetings_table"),
            r.Text("notes"),
            r.Required("source"));
    }

    private static int ReadDecade(CsvRow r)
    {
        var text = r.Required("decade");
        return text.Length == 5 && text[4] == 's' && int.TryParse(text[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var decade)
            && decade % 10 == 0 && decade is >= 1940 and <= LastYear
            ? decade
            : throw new RowException($"column 'decade': '{text}' is not a decade like 1940s");
    }

    private static LeagueDispute ReadLeagueDispute(CsvRow r)
    {
        var start = r.Int("start_year", 1919, 1946);
        var end = r.Int("end_year", 1919, 1946);
        if (end < start)
        {
            throw new RowException(FormattableString.Invariant($"end_year {end} is before start_year {start}"));
        }

        var parties = r.List("parties");
        if (parties.Count < 2)
        {
            throw new RowException("a dispute needs at least two parties");
        }

        var involved = r.YesNo("great_power_involved");
        var greatPowers = r.Text("great_powers");
        if (involved && greatPowers.Length == 0)
        {
            throw new RowException("great_power_involved is y but great_powers is empty");
        }

        var (outcome, leagueInvolved) = r.Code("outcome", s_leagueOutcomes);
        return new LeagueDispute(
            r.Int("dispute_id", 1, 1000),
            r.Required("dispute"),
            start,
            end,
            parties,
            involved,
            greatPowers,
            r.Required("how_it_reached_league"),
            r.Required("league_action"),
            r.List("league_organ"),
            outcome,
            leagueInvolved,
            r.Text("note"),
            r.List("corroborating_pages"),
            r.Required("source"));
    }

    private static EnforcementCase ReadEnforcementCase(CsvRow r)
    {
        var start = r.Int("start_year", 1945, LastYear);
        var end = r.OptionalInt("end_year", 1945, LastYear);
        if (end < start)
        {
            throw new RowException(FormattableString.Invariant($"end_year {end} is before start_year {start}"));
        }

        var dates = r.Dates("resolution_dates");
        var votes = new List<VoteTally?>();
        foreach (var text in r.List("votes_yes_no_abstain"))
        {
            votes.Add(text == "without vote"
                ? null
                : VoteTally.TryParse(text) ?? throw new RowException($"column 'votes_yes_no_abstain': '{text}' is neither yes-no-abstain nor 'without vote'"));
        }

        if (votes.Count != dates.Count)
        {
            throw new RowException(FormattableString.Invariant($"{dates.Count} resolution date(s) but {votes.Count} vote tally(ies)"));
        }

        var resolutions = r.List("resolutions");
        CheckDatedResolutions("resolutions", resolutions, dates);

        var outcomeText = r.Required("outcome_category");
        return new EnforcementCase(
            r.Int("case_id", 1, 1000),
            r.Required("case"),
            r.Required("region"),
            start,
            end,
            resolutions,
            dates,
            votes.AsReadOnly(),
            r.Required("chapter_vii"),
            r.Required("measure_type"),
            r.Required("council_action"),
            r.Required("implementing_actor"),
            r.Required("outcome"),
            ReadCaseOutcome(outcomeText),
            outcomeText,
            r.Code("veto_blocked", s_vetoEffects),
            r.Text("veto_detail"),
            r.Required("resolutions_crosschecked"),
            r.Required("source"));
    }

    private static CaseOutcome ReadCaseOutcome(string text) => text switch
    {
        _ when text.StartsWith("partially blocked", StringComparison.Ordinal) || text.StartsWith("blocked", StringComparison.Ordinal) => CaseOutcome.Blocked,
        _ when text.StartsWith("partially achieved", StringComparison.Ordinal) => CaseOutcome.PartiallyAchieved,
        _ when text.StartsWith("achieved", StringComparison.Ordinal) => CaseOutcome.Achieved,
        _ when text.StartsWith("failed", StringComparison.Ordinal) => CaseOutcome.Failed,
        _ when text.StartsWith("no UN", StringComparison.Ordinal) => CaseOutcome.NotAuthorized,
        _ => throw new RowException($"column 'outcome_category': '{text}' does not start with achieved, partially achieved, failed, blocked or no UN"),
    };

    private static PersonnelYear ReadPersonnelYear(CsvRow r)
    {
        var year = r.Int("year", 1945, LastYear);
        var total = r.Int("total_uniformed_personnel", 0, 1_000_000);
        var troops = r.OptionalInt("troops", 0, 1_000_000);
        var observers = r.OptionalInt("military_observers_and_staff_officers", 0, 1_000_000);
        var police = r.OptionalInt("police", 0, 1_000_000);
        var given = new[] { troops, observers, police }.Count(v => v.HasValue);
        if (given is not (0 or 3))
        {
            throw new RowException("troops, observers and police must all be given or all be empty");
        }

        if (given == 3 && troops + observers + police != total)
        {
            throw new RowException(FormattableString.Invariant($"troops + observers + police = {troops + observers + police}, not the total {total}"));
        }

        return new PersonnelYear(year, r.Int("active_missions", 0, 200), total, troops, observers, police, r.Required("basis"), r.Required("source"));
    }

    private static FatalityCauses ReadCauses(CsvRow r, int total)
    {
        var causes = new FatalityCauses(
            r.Int("malicious_act", 0, 100_000),
            r.Int("accident", 0, 100_000),
            r.Int("illness", 0, 100_000),
            r.Int("self_inflicted", 0, 100_000),
            r.Int("to_be_determined_or_unknown", 0, 100_000));
        return causes.Total == total
            ? causes
            : throw new RowException(FormattableString.Invariant($"deaths by cause add up to {causes.Total}, not the total {total}"));
    }

    private static FatalitiesYear ReadFatalitiesYear(CsvRow r)
    {
        var total = r.Int("fatalities_total", 0, 100_000);
        var inOperations = r.Int("fatalities_in_peacekeeping_operations", 0, total);
        var uniformed = r.Int("uniformed_personnel", 0, total);
        return new FatalitiesYear(r.Int("year", 1945, LastYear), total, inOperations, uniformed, ReadCauses(r, total), r.Text("note"), r.Required("source"));
    }

    private static MissionFatalities ReadMissionFatalities(CsvRow r)
    {
        var total = r.Int("fatalities_total", 1, 100_000);
        var first = r.Int("first_year", 1945, LastYear);
        var last = r.Int("last_year", first, LastYear);
        var classification = r.Required("peacekeeping_operation");
        return new MissionFatalities(r.Required("mission_acronym"), total, ReadCauses(r, total), first, last, r.YesNo("peacekeeping_operation"), classification, r.Required("source"));
    }

    private static FatalityRecord ReadFatalityRecord(CsvRow r)
    {
        var gender = r.Text("gender");
        if (gender is not ("" or "M" or "F"))
        {
            throw new RowException($"column 'gender': '{gender}' is not M, F or empty");
        }

        if (r.Required("type_of_casualty") != "Fatality")
        {
            throw new RowException($"column 'type_of_casualty': '{r.Text("type_of_casualty")}' is not Fatality");
        }

        var iso3 = r.Text("isocode3");
        if (iso3.Length is not (0 or 3))
        {
            throw new RowException($"column 'isocode3': '{iso3}' is not a three-letter code");
        }

        return new FatalityRecord(
            r.Int("id", 1, 1_000_000),
            r.Date("incident_date"),
            r.Required("casualty_id"),
            r.Required("mission_acronym"),
            gender,
            r.Text("casualty_nationality"),
            r.Code("casualty_personnel_type", s_personnel),
            r.Code("type_of_incident", s_incidents),
            r.OptionalInt("m49_code", 1, 999),
            iso3);
    }

    private static BudgetPeriod ReadBudget(CsvRow r)
    {
        var period = r.Required("fiscal_period");
        if (period.Length < 4 || !int.TryParse(period[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || year is < 1945 or > LastYear)
        {
            throw new RowException($"column 'fiscal_period': '{period}' does not start with a year");
        }

        return new BudgetPeriod(period, year, r.Double("amount_usd_billions", 0.001, 100), r.Required("basis"), r.Text("operations_covered"), r.Required("source"), r.Text("note"));
    }

    private static Contributor ReadContributor(CsvRow r)
    {
        var total = r.Int("total_uniformed", 0, 1_000_000);
        var female = r.OptionalInt("female", 0, total);
        var male = r.OptionalInt("male", 0, total);
        if (female.HasValue != male.HasValue || (female.HasValue && female + male != total))
        {
            throw new RowException(FormattableString.Invariant($"female ({female}) + male ({male}) must both be empty or add up to the total {total}"));
        }

        var iso3 = r.Required("iso3");
        if (iso3.Length != 3)
        {
            throw new RowException($"column 'iso3': '{iso3}' is not a three-letter code");
        }

        return new Contributor(r.Date("snapshot"), r.Int("rank", 1, 500), r.Required("country"), iso3, female, male, total, r.Required("source"));
    }
}
