namespace CollectiveSecurity.Data;

/// <summary>
/// The course datasets as typed, immutable records. Each property reads its CSV from the copy embedded in this
/// library the first time it is used (no file access is needed), validates every row, and keeps the result.
/// A bad row throws <see cref="DatasetException"/> naming the file, the line and the reason.
/// </summary>
/// <example>
/// <code>
/// using CollectiveSecurity.Data;
/// CourseData.Missions.Count                        // 71
/// CourseData.Vetoes.Count(v => v.Year >= 2011)     // vetoes since the Syrian war began
/// </code>
/// </example>
public static class CourseData
{
    private static readonly Lazy<IReadOnlyList<PeacekeepingMission>> s_missions = new(DatasetFiles.Missions.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<Veto>> s_vetoes = new(DatasetFiles.Vetoes.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<DecadeVetoCount>> s_vetoesByDecade = new(DatasetFiles.VetoesByDecade.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<LeagueDispute>> s_leagueDisputes = new(DatasetFiles.LeagueDisputes.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<EnforcementCase>> s_enforcementCases = new(DatasetFiles.EnforcementCases.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<PersonnelYear>> s_personnel = new(DatasetFiles.PersonnelByYear.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<FatalitiesYear>> s_fatalitiesByYear = new(DatasetFiles.FatalitiesByYear.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<MissionFatalities>> s_fatalitiesByMission = new(DatasetFiles.FatalitiesByMission.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<FatalityRecord>> s_fatalityRecords = new(DatasetFiles.FatalityRecords.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<BudgetPeriod>> s_budgets = new(DatasetFiles.Budgets.LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<Contributor>> s_contributors = new(DatasetFiles.Contributors.LoadEmbedded);

    /// <summary>The 71 UN peacekeeping operations since 1948, in the UN's order (<c>un_peacekeeping_missions.csv</c>).</summary>
    public static IReadOnlyList<PeacekeepingMission> Missions => s_missions.Value;

    /// <summary>The 228 vetoed Security Council drafts, 16 Feb 1946 to 4 Jun 2025, by date (<c>unsc_vetoes.csv</c>).</summary>
    public static IReadOnlyList<Veto> Vetoes => s_vetoes.Value;

    /// <summary>Vetoes per member per decade as published with the data (<c>unsc_vetoes_by_decade.csv</c>); compare with <c>Queries.VetoQueries.VetoesPerMemberPerDecade</c>.</summary>
    public static IReadOnlyList<DecadeVetoCount> VetoesByDecade => s_vetoesByDecade.Value;

    /// <summary>The 19 disputes before (or bypassing) the League of Nations, 1919-1940 (<c>league_disputes.csv</c>).</summary>
    public static IReadOnlyList<LeagueDispute> LeagueDisputes => s_leagueDisputes.Value;

    /// <summary>The 35 UN enforcement, sanctions and blocked cases, Korea 1950 to Haiti 2023 (<c>un_enforcement_cases.csv</c>).</summary>
    public static IReadOnlyList<EnforcementCase> EnforcementCases => s_enforcementCases.Value;

    /// <summary>Uniformed peacekeepers deployed per year, 1947-2021 (<c>un_peacekeeping_personnel_by_year.csv</c>).</summary>
    public static IReadOnlyList<PersonnelYear> PersonnelByYear => s_personnel.Value;

    /// <summary>Deaths in UN service per year, 1948-2025 (<c>un_peacekeeper_fatalities_by_year.csv</c>).</summary>
    public static IReadOnlyList<FatalitiesYear> FatalitiesByYear => s_fatalitiesByYear.Value;

    /// <summary>Deaths in UN service per mission (<c>un_peacekeeper_fatalities_by_mission.csv</c>), most deaths first.</summary>
    public static IReadOnlyList<MissionFatalities> FatalitiesByMission => s_fatalitiesByMission.Value;

    /// <summary>Every recorded death in UN service, 6 Jul 1948 to 18 Feb 2025 (<c>un_peacekeeper_fatalities_records.csv</c>, 4,429 rows).</summary>
    public static IReadOnlyList<FatalityRecord> FatalityRecords => s_fatalityRecords.Value;

    /// <summary>UN peacekeeping budgets by period, 1994 and 2005/06-2025/26 with gaps (<c>un_peacekeeping_budget_by_year.csv</c>).</summary>
    public static IReadOnlyList<BudgetPeriod> Budgets => s_budgets.Value;

    /// <summary>Troop- and police-contributing countries at two snapshots, Jan 2021 (all 122) and Nov 1999 (top ten plus two) (<c>un_troop_police_contributors.csv</c>).</summary>
    public static IReadOnlyList<Contributor> Contributors => s_contributors.Value;

    /// <summary>The file names of the datasets embedded in the library, sorted.</summary>
    public static IReadOnlyList<string> FileNames => EmbeddedDatasets.FileNames;

    /// <summary>Every dataset with its row count, loading (and so validating) all of them; in file-name order.</summary>
    public static IReadOnlyList<DatasetSummary> Summary() =>
    [
        new(DatasetFiles.LeagueDisputes.FileName, LeagueDisputes.Count, "League of Nations disputes, 1919-1940"),
        new(DatasetFiles.EnforcementCases.FileName, EnforcementCases.Count, "UN enforcement, sanctions and blocked cases, 1950-2023"),
        new(DatasetFiles.FatalitiesByMission.FileName, FatalitiesByMission.Count, "deaths in UN service per mission"),
        new(DatasetFiles.FatalitiesByYear.FileName, FatalitiesByYear.Count, "deaths in UN service per year, 1948-2025"),
        new(DatasetFiles.FatalityRecords.FileName, FatalityRecords.Count, "every recorded death in UN service, 1948-2025"),
        new(DatasetFiles.Budgets.FileName, Budgets.Count, "UN peacekeeping budgets, 1994 and 2005/06-2025/26"),
        new(DatasetFiles.Missions.FileName, Missions.Count, "the 71 UN peacekeeping operations since 1948"),
        new(DatasetFiles.PersonnelByYear.FileName, PersonnelByYear.Count, "uniformed peacekeepers per year, 1947-2021"),
        new(DatasetFiles.Contributors.FileName, Contributors.Count, "troop and police contributors, Nov 1999 and Jan 2021"),
        new(DatasetFiles.Vetoes.FileName, Vetoes.Count, "vetoed Security Council drafts, 1946-2025"),
        new(DatasetFiles.VetoesByDecade.FileName, VetoesByDecade.Count, "vetoes per member per decade (derived)"),
    ];
}

/// <summary>One embedded dataset: its file, how many rows it has, and what it holds.</summary>
/// <param name="File">File name in <c>datasets/</c>.</param>
/// <param name="Rows">Rows (not counting the header).</param>
/// <param name="Description">What the file holds.</param>
public sealed record DatasetSummary(string File, int Rows, string Description)
{
    /// <summary>One line, e.g. "unsc_vetoes.csv: 228 rows (vetoed Security Council drafts, 1946-2025)".</summary>
    public override string ToString() => FormattableString.Invariant($"{File}: {Rows} rows ({Description})");
}
