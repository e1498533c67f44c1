using System.Globalization;
using CollectiveSecurity.Data;

namespace Course.Content.Tests.Notebooks;

/// <summary>Why a number stated in a notebook's prose is right.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Text">The number exactly as the prose writes it.</param>
internal abstract record FigureClaim(string Notebook, string Text);

/// <summary>The number is recomputed from the course data; <see cref="Compute"/> must give <see cref="FigureClaim.Text"/>.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Text">The number exactly as the prose writes it.</param>
/// <param name="Query">The dataset query in words (file and rows).</param>
/// <param name="Compute">Recomputes the number, formatted as the prose writes it.</param>
internal sealed record FromData(string Notebook, string Text, string Query, Func<string> Compute) : FigureClaim(Notebook, Text);

/// <summary>The number comes from a named source, which the same markdown cell must name.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Text">The number exactly as the prose writes it.</param>
/// <param name="Source">Text the cell must contain, e.g. "Brahimi Report".</param>
internal sealed record FromNamedSource(string Notebook, string Text, string Source) : FigureClaim(Notebook, Text);

/// <summary>The number is a parameter of an exercise or model, not a fact; it must appear as a literal in a code cell of the notebook.</summary>
internal sealed record ModelParameter(string Notebook, string Text) : FigureClaim(Notebook, Text);

/// <summary>
/// The claims table: every number the notebooks' prose states that is not a year, a reference number or
/// another rule of <see cref="StatedFigures"/>, with the query or source that backs it.
/// </summary>
internal static class FigureClaims
{
    private const string Nb0 = "00-start-here.ipynb";
    private const string Nb4 = "04-peacekeeping.ipynb";
    private const string Nb5 = "05-burden-sharing.ipynb";
    private const string Nb6 = "06-future-of-collective-security.ipynb";

    /// <summary>Every claim.</summary>
    public static IReadOnlyList<FigureClaim> All { get; } =
    [
        // 00 · Start here
        new ModelParameter(Nb0, "0.7"),

        // 04 · Peacekeeping
        new FromData(Nb4, "71", "un_peacekeeping_missions.csv: all rows", () => N(CourseData.Missions.Count)),
        new FromData(Nb4, "11", "un_peacekeeping_missions.csv: rows with no end date", () => N(CourseData.Missions.Count(m => m.IsOngoing))),
        new FromData(Nb4, "252", "un_peacekeeper_fatalities_by_year.csv: fatalities_total of 1993, the largest of any year",
            () => N(CourseData.FatalitiesByYear.MaxBy(f => f.Total) is { Year: 1993 } worst ? worst.Total : -1)),
        new FromNamedSource(Nb4, "30", "Brahimi Report"),
        new FromNamedSource(Nb4, "90", "Brahimi Report"),
        new ModelParameter(Nb4, "12"),
        new ModelParameter(Nb4, "1,000"),
        new ModelParameter(Nb4, "40,000"),

        // 05 · Burden sharing
        new FromData(Nb5, "122", "un_troop_police_contributors.csv: rows of the 2021-01-31 snapshot", () => N(Latest().Count)),
        new FromData(Nb5, "81,932", "un_troop_police_contributors.csv: total_uniformed summed over the 2021-01-31 snapshot", () => N(Latest().Sum(c => c.TotalUniformed))),
        new ModelParameter(Nb5, "15"),
        new ModelParameter(Nb5, "0.9"),
        new ModelParameter(Nb5, "3"),

        // 06 · The future of collective security
        new FromData(Nb6, "22", "unsc_vetoes_by_decade.csv: 2010s, ALL: draft resolutions vetoed", () => N(DecadeTotal(2010))),
        new FromData(Nb6, "21", "unsc_vetoes_by_decade.csv: 2020s, ALL: draft resolutions vetoed", () => N(DecadeTotal(2020))),
        new FromData(Nb6, "97", "un_peacekeeper_fatalities_by_year.csv: illness, 2020", () => N(Year(2020).Causes.Illness)),
        new FromData(Nb6, "92", "un_peacekeeper_fatalities_by_year.csv: illness, 2021", () => N(Year(2021).Causes.Illness)),
        new FromData(Nb6, "48", "un_peacekeeper_fatalities_by_year.csv: illness, lowest of 2017-2019", () => N(new[] { 2017, 2018, 2019 }.Min(y => Year(y).Causes.Illness))),
        new FromData(Nb6, "54", "un_peacekeeper_fatalities_by_year.csv: illness, highest of 2017-2019", () => N(new[] { 2017, 2018, 2019 }.Max(y => Year(y).Causes.Illness))),
        new FromData(Nb6, "62", "un_peacekeeper_fatalities_by_year.csv: malicious_act, 2017", () => N(Year(2017).Causes.MaliciousAct)),
        new FromData(Nb6, "14", "un_peacekeeper_fatalities_by_year.csv: malicious_act, 2020", () => N(Year(2020).Causes.MaliciousAct)),
        new FromData(Nb6, "26", "un_peacekeeper_fatalities_by_year.csv: malicious_act, 2021", () => N(Year(2021).Causes.MaliciousAct)),
        new ModelParameter(Nb6, "5"),
        new ModelParameter(Nb6, "0.5"),
    ];

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static List<Contributor> Latest()
    {
        var snapshot = CourseData.Contributors.Max(c => c.Snapshot);
        return CourseData.Contributors.Where(c => c.Snapshot == snapshot).ToList();
    }

    private static FatalitiesYear Year(int year) => CourseData.FatalitiesByYear.Single(f => f.Year == year);

    private static int DecadeTotal(int decade) =>
        CourseData.VetoesByDecade.Single(d => d.Decade == decade && d.Member.StartsWith("ALL", StringComparison.Ordinal)).Vetoes;
}
