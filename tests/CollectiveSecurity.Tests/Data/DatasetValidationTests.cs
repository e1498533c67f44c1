using CollectiveSecurity.Data;

namespace CollectiveSecurity.Tests.Data;

/// <summary>A bad row is reported as file, line and reason, and nothing is loaded.</summary>
public class DatasetValidationTests
{
    private static string Embedded(string file)
    {
        using var stream = typeof(CourseData).Assembly.GetManifestResourceStream("datasets/" + file)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static DatasetException Reject<T>(DatasetFile<T> file, Func<string[], string[]> edit)
    {
        var lines = Embedded(file.FileName).Split('\n');
        var text = string.Join('\n', edit(lines));
        return Assert.Throws<DatasetException>(() => file.Parse(new StringReader(text)));
    }

    private static string[] ReplaceLine(string[] lines, int line, Func<string, string> change)
    {
        var copy = (string[])lines.Clone();
        copy[line - 1] = change(copy[line - 1]);
        return copy;
    }

    [Fact]
    public void The_embedded_files_parse_unchanged_through_the_same_path()
    {
        Assert.Equal(71, DatasetFiles.Missions.Parse(new StringReader(Embedded("un_peacekeeping_missions.csv"))).Count);
    }

    [Fact]
    public void An_unknown_mission_type_names_file_line_column_and_value()
    {
        var e = Reject(DatasetFiles.Missions, l => ReplaceLine(l, 4, s => s.Replace(",traditional,", ",peace enforcement,", StringComparison.Ordinal)));
        Assert.Equal("un_peacekeeping_missions.csv", e.File);
        Assert.Equal(4, e.Line);
        Assert.StartsWith("un_peacekeeping_missions.csv:4: column 'mission_type': 'peace enforcement' is not one of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mission_ending_before_it_starts_is_rejected()
    {
        var e = Reject(DatasetFiles.Missions, l => ReplaceLine(l, 4, s => s.Replace("1956,11,1967,6", "1956,11,1955,6", StringComparison.Ordinal)));
        Assert.Equal(4, e.Line);
        Assert.Equal("ends (1955-06) before it starts (1956-11)", e.Reason);
    }

    [Fact]
    public void A_duplicate_acronym_is_rejected_on_its_second_line()
    {
        var e = Reject(DatasetFiles.Missions, l => ReplaceLine(l, 3, s => s.Replace(",UNMOGIP,", ",UNTSO,", StringComparison.Ordinal)));
        Assert.Equal(3, e.Line);
        Assert.Equal("duplicate key 'UNTSO' (first on line 2)", e.Reason);
    }

    [Fact]
    public void A_veto_by_a_non_permanent_member_or_a_wrong_count_is_rejected()
    {
        var e = Reject(DatasetFiles.Vetoes, l => ReplaceLine(l, 2, s => s.Replace(",USSR,1,", ",Germany,1,", StringComparison.Ordinal)));
        Assert.Equal(2, e.Line);
        Assert.Contains("'Germany' is not a permanent member", e.Reason, StringComparison.Ordinal);

        var count = Reject(DatasetFiles.Vetoes, l => ReplaceLine(l, 2, s => s.Replace(",USSR,1,", ",USSR,2,", StringComparison.Ordinal)));
        Assert.Equal("n_vetoing_members is 2 but vetoed_by names 1", count.Reason);

        var russia = Reject(DatasetFiles.Vetoes, l => ReplaceLine(l, 2, s => s.Replace(",USSR,1,", ",Russia,1,", StringComparison.Ordinal)));
        Assert.Equal("column 'vetoed_by': Russia did not hold a permanent seat in 1946", russia.Reason);
    }

    [Fact]
    public void A_resolution_whose_year_contradicts_its_date_is_rejected()
    {
        var e = Reject(DatasetFiles.EnforcementCases, l => ReplaceLine(l, 2, s => s.Replace("S/RES/83 (1950)", "S/RES/83 (1951)", StringComparison.Ordinal)));
        Assert.Equal(2, e.Line);
        Assert.Equal("column 'resolutions': dated citation 2 ('S/RES/83 (1951)') is not a Security Council resolution of 1950", e.Reason);
    }

    [Fact]
    public void Numbers_that_do_not_add_up_are_rejected()
    {
        var e = Reject(DatasetFiles.PersonnelByYear, l => ReplaceLine(l, 76, s => s.Replace("75085,64312", "75085,64313", StringComparison.Ordinal)));
        Assert.Equal(76, e.Line);
        Assert.Equal("troops + observers + police = 75086, not the total 75085", e.Reason);
    }

    [Fact]
    public void A_malformed_date_and_a_missing_column_are_rejected()
    {
        var date = Reject(DatasetFiles.Vetoes, l => ReplaceLine(l, 3, s => "1946-13-45" + s[10..]));
        Assert.Equal(3, date.Line);
        Assert.Equal("column 'date': '1946-13-45' is not a date (yyyy-MM-dd)", date.Reason);

        var missing = Reject(DatasetFiles.LeagueDisputes, l => l.Select(s => s.Replace("great_power_involved", "gp", StringComparison.Ordinal)).ToArray());
        Assert.Equal(2, missing.Line);
        Assert.Equal("missing column 'great_power_involved'", missing.Reason);
    }

    [Fact]
    public void A_row_with_too_many_fields_is_reported_with_its_line()
    {
        var e = Reject(DatasetFiles.Budgets, l => ReplaceLine(l, 5, s => s + ",extra"));
        Assert.Equal(5, e.Line);
        Assert.StartsWith("malformed CSV", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var e = Assert.Throws<DatasetException>(() => DatasetFiles.Budgets.Parse(new StringReader(string.Empty)));
        Assert.Equal("un_peacekeeping_budget_by_year.csv:1: the file is empty (no header row)", e.Message);
    }
}
