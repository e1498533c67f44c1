namespace CollectiveSecurity.Data;

/// <summary>
/// Uniformed UN peacekeepers deployed at the end of a year (<c>un_peacekeeping_personnel_by_year.csv</c>).
/// 1947-1991 are rounded Global Policy Forum estimates without breakdown; 1992-2021 are UN December figures.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="ActiveMissions">Operations counted as active (after about 2010 this includes some political missions).</param>
/// <param name="TotalUniformed">Troops, military observers and police together.</param>
/// <param name="Troops">Troops, or null before 1992.</param>
/// <param name="MilitaryObservers">Military observers and staff officers, or null before 1992.</param>
/// <param name="Police">Police, or null before 1992.</param>
/// <param name="Basis">What kind of figure it is (estimate, December figure, November figure).</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record PersonnelYear(int Year, int ActiveMissions, int TotalUniformed, int? Troops, int? MilitaryObservers, int? Police, string Basis, string Source)
{
    /// <summary>Whether the figure has a troops/observers/police breakdown (1992 on).</summary>
    public bool HasBreakdown => Troops is not null;

    /// <summary>One line, e.g. "2007: 84309 uniformed in 18 missions".</summary>
    public override string ToString() => FormattableString.Invariant($"{Year}: {TotalUniformed} uniformed in {ActiveMissions} missions");
}

/// <summary>Deaths of UN peacekeeping and political-mission personnel by cause (shared by the yearly and per-mission tables).</summary>
/// <param name="MaliciousAct">Deaths from malicious acts (attacks).</param>
/// <param name="Accident">Deaths in accidents.</param>
/// <param name="Illness">Deaths from illness.</param>
/// <param name="SelfInflicted">Self-inflicted deaths.</param>
/// <param name="Undetermined">Cause to be determined or unknown.</param>
public sealed record FatalityCauses(int MaliciousAct, int Accident, int Illness, int SelfInflicted, int Undetermined)
{
    /// <summary>All causes together.</summary>
    public int Total => MaliciousAct + Accident + Illness + SelfInflicted + Undetermined;
}

/// <summary>Fatalities in one year (<c>un_peacekeeper_fatalities_by_year.csv</c>, aggregated from the UN's records).</summary>
/// <param name="Year">The year (2025 is partial).</param>
/// <param name="Total">All deaths in the UN dataset that year, including special political missions.</param>
/// <param name="InPeacekeepingOperations">Deaths in the 71 peacekeeping operations only.</param>
/// <param name="Uniformed">Deaths of military, military observers and police.</param>
/// <param name="Causes">Deaths by cause (they add up to <paramref name="Total"/>).</param>
/// <param name="Note">Remark, e.g. "partial year".</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record FatalitiesYear(int Year, int Total, int InPeacekeepingOperations, int Uniformed, FatalityCauses Causes, string Note, string Source)
{
    /// <summary>One line, e.g. "1993: 252 deaths (of which 252 in peacekeeping operations)".</summary>
    public override string ToString() => FormattableString.Invariant($"{Year}: {Total} deaths ({InPeacekeepingOperations} in peacekeeping operations)");
}

/// <summary>Fatalities in one mission over its life (<c>un_peacekeeper_fatalities_by_mission.csv</c>).</summary>
/// <param name="MissionAcronym">Acronym as the UN records it (UNEF and UNOSOM combine two operations, UNAVEM three).</param>
/// <param name="Total">All deaths.</param>
/// <param name="Causes">Deaths by cause (they add up to <paramref name="Total"/>).</param>
/// <param name="FirstYear">Year of the first recorded death.</param>
/// <param name="LastYear">Year of the last recorded death.</param>
/// <param name="IsPeacekeepingOperation">False for political missions and other UN entities.</param>
/// <param name="Classification">The dataset's wording of that flag, e.g. "y (aggregate: UNEF I/UNEF II)".</param>
/// <param name="Source">How the row was derived.</param>
public sealed record MissionFatalities(string MissionAcronym, int Total, FatalityCauses Causes, int FirstYear, int LastYear, bool IsPeacekeepingOperation, string Classification, string Source)
{
    /// <summary>One line, e.g. "UNIFIL: 339 deaths 1978-2025".</summary>
    public override string ToString() => FormattableString.Invariant($"{MissionAcronym}: {Total} deaths {FirstYear}-{LastYear}");
}

/// <summary>The circumstance of a death as the UN records it.</summary>
public enum IncidentType
{
    /// <summary>An attack.</summary>
    MaliciousAct,

    /// <summary>An accident.</summary>
    Accident,

    /// <summary>Illness.</summary>
    Illness,

    /// <summary>Self-inflicted.</summary>
    SelfInflicted,

    /// <summary>Under investigation.</summary>
    ToBeDetermined,

    /// <summary>Unknown.</summary>
    Unknown,
}

/// <summary>The category of personnel a casualty belonged to.</summary>
public enum PersonnelType
{
    /// <summary>Troops.</summary>
    Military,

    /// <summary>Military observers.</summary>
    MilitaryObserver,

    /// <summary>UN police.</summary>
    Police,

    /// <summary>International civilian staff.</summary>
    InternationalCivilian,

    /// <summary>Locally recruited staff.</summary>
    Local,

    /// <summary>Others (e.g. UN Volunteers, contractors).</summary>
    Other,
}

/// <summary>One death in UN service, from the UN dataset DPPADPOSS-FATALITIES (<c>un_peacekeeper_fatalities_records.csv</c>).</summary>
/// <param name="Id">Row number in the UN file.</param>
/// <param name="IncidentDate">Date of the incident.</param>
/// <param name="CasualtyId">The UN's casualty identifier.</param>
/// <param name="MissionAcronym">Mission acronym as recorded.</param>
/// <param name="Gender">"M", "F" or empty when not recorded.</param>
/// <param name="Nationality">Nationality of the casualty (empty when not recorded).</param>
/// <param name="PersonnelType">Category of personnel.</param>
/// <param name="Incident">Circumstance of death.</param>
/// <param name="M49Code">UN M49 country code of the nationality, or null.</param>
/// <param name="Iso3">ISO 3166 alpha-3 code of the nationality, or empty.</param>
public sealed record FatalityRecord(int Id, DateOnly IncidentDate, string CasualtyId, string MissionAcronym, string Gender, string Nationality, PersonnelType PersonnelType, IncidentType Incident, int? M49Code, string Iso3);

/// <summary>
/// The UN peacekeeping budget for one period (<c>un_peacekeeping_budget_by_year.csv</c>). The <see cref="Basis"/>
/// differs between rows (approved, spent, expected, calendar-year cost): read it before comparing years.
/// </summary>
/// <param name="FiscalPeriod">The period as text: "2005/06" (1 Jul-30 Jun) or "1994 (calendar year)".</param>
/// <param name="StartYear">Calendar year in which the period starts.</param>
/// <param name="AmountUsdBillions">Amount in billions of US dollars (nominal).</param>
/// <param name="Basis">What the amount is.</param>
/// <param name="OperationsCovered">How many operations it covers, as text (may be empty).</param>
/// <param name="Source">Page the amount comes from.</param>
/// <param name="Note">Remark.</param>
public sealed record BudgetPeriod(string FiscalPeriod, int StartYear, double AmountUsdBillions, string Basis, string OperationsCovered, string Source, string Note)
{
    /// <summary>One line, e.g. "2015/16: $8.27 bn (approved ...)".</summary>
    public override string ToString() => FormattableString.Invariant($"{FiscalPeriod}: ${AmountUsdBillions} bn ({Basis})");
}

/// <summary>
/// A country's uniformed personnel in UN peacekeeping at a snapshot date (<c>un_troop_police_contributors.csv</c>):
/// all 122 contributors on 31 Jan 2021, and the top ten plus Canada and Russia in Nov 1999.
/// </summary>
/// <param name="Snapshot">Date of the snapshot (for 1999, the date the figures were published).</param>
/// <param name="Rank">The country's rank by uniformed personnel at that date (ties share a rank).</param>
/// <param name="Country">Country name.</param>
/// <param name="Iso3">ISO 3166 alpha-3 code.</param>
/// <param name="Female">Women deployed, or null when not given (1999).</param>
/// <param name="Male">Men deployed, or null when not given (1999).</param>
/// <param name="TotalUniformed">Troops, observers and police together.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record Contributor(DateOnly Snapshot, int Rank, string Country, string Iso3, int? Female, int? Male, int TotalUniformed, string Source)
{
    /// <summary>One line, e.g. "2021-01-31 #1 Bangladesh: 6711".</summary>
    public override string ToString() => FormattableString.Invariant($"{Snapshot:yyyy-MM-dd} #{Rank} {Country}: {TotalUniformed}");
}
