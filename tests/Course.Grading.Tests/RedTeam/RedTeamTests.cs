using System.Globalization;
using System.Net;

namespace Course.Grading.Tests.RedTeam;

/// <summary>
/// The red-team suite (issue 9): one folder per attack under <c>RedTeam/Attacks/</c>, each with the notebook a
/// hostile student hands in, <c>attack.md</c> (its kind and what it tries) and <c>expected/</c> (its gradebook
/// row and results.json, golden files). Every attack must score 0, honest students graded beside them keep
/// full marks, the batch completes, nothing outside the output changes, and grading again writes the same
/// bytes. The inputs are written by <c>make_attacks.py</c> from <c>attacks.py</c>; to regenerate the golden
/// files after a deliberate change run the tests with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class RedTeamTests(RedTeamClass graded) : IClassFixture<RedTeamClass>
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Attacks() => [.. RedTeamClass.Students().Where(s => !RedTeamClass.IsHonest(s))];

    public static TheoryData<string> Honest() => [.. RedTeamClass.Students().Where(RedTeamClass.IsHonest)];

    [Fact]
    public void The_suite_holds_at_least_forty_attacks_across_the_five_kinds()
    {
        var kinds = RedTeamClass.Students().Where(s => !RedTeamClass.IsHonest(s))
            .Select(s => File.ReadLines(Path.Combine(RedTeamClass.AttacksFolder, s, "attack.md")).First())
            .ToList();
        Assert.True(kinds.Count >= 40, $"{kinds.Count} attacks");
        foreach (var kind in new[] { "binding", "allow-list", "sandbox", "parent", "outputs" })
        {
            Assert.Contains("kind: " + kind, kinds);
        }
    }

    [Fact]
    public void The_batch_completes_with_a_row_for_every_student()
    {
        Assert.True(graded.FirstRun.Exit == 0, graded.FirstRun.Error);
        var rows = Rows();
        Assert.Equal(RedTeamClass.Students().Select(Key).Order(StringComparer.Ordinal).ToList(), rows.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Every_attack_scores_zero(string attack)
    {
        var row = Rows()[Key(attack)];
        Assert.True(row.Score == 0, $"{attack} scored {row.Score.ToString(CultureInfo.InvariantCulture)}: {graded.Results(attack)}");
    }

    [Theory]
    [MemberData(nameof(Honest))]
    public void Honest_students_graded_beside_the_attacks_keep_full_marks(string student)
    {
        var row = Rows()[Key(student)];
        Assert.True(row.Score == row.MaxScore && row.MaxScore > 0, $"{student}: {row.Score}/{row.MaxScore}: {graded.Results(student)}");
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Results_match_the_golden_files(string attack)
    {
        AssertMatchesGolden(attack, "results.json", graded.Results(attack));
        var header = graded.Gradebook.Split('\n')[0];
        AssertMatchesGolden(attack, "gradebook.csv", header + "\n" + Rows()[Key(attack)].Raw + "\n");
    }

    [Fact]
    public void Nothing_outside_the_output_changes()
    {
        Assert.Equal(graded.Before, graded.After);
    }

    [Fact]
    public void Grading_again_writes_the_same_bytes()
    {
        Assert.True(graded.SecondRun.Exit == 0, graded.SecondRun.Error);
        // The grader's own files (its HMAC key and the signed records) are secrets that differ by design.
        foreach (var file in Directory.GetFiles(graded.Out, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var relative = Path.GetRelativePath(graded.Out, file);
            var again = Path.Combine(graded.RerunOut, relative);
            Assert.True(File.Exists(again), relative + " is missing from the second run");
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(again)), relative + " differs between two runs");
        }
    }

    /// <summary>
    /// Text that only a hidden test or a solution holds: their markers and code, and the hidden checks' inputs as
    /// the attacks x03-x09 would carry them out (calls, a returned year, a returned pair of years, the compiler's
    /// names, an exception type's name).
    /// </summary>
    private static readonly string[] Secrets =
    [
        "BEGIN HIDDEN TESTS", "TopVetoer(1980)", "TopVetoer(2010)", "VetoesCastBy(PermanentMember.China)", "got 1989", "(1930, 1940)",
        "BEGIN SOLUTION", "var needed = year <= 1965", "'UnitedStates'", "'China'", "Decade1980 (",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void No_hidden_test_or_solution_reaches_the_student(string attack)
    {
        var folder = Path.Combine(graded.Out, RedTeamClass.StudentId(attack), RedTeamClass.Assignment);
        var texts = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Select(f => WebUtility.HtmlDecode(File.ReadAllText(f)))
            : [];
        foreach (var text in texts)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>A student's id as the gradebook writes it: control and bidirectional characters as visible escapes.</summary>
    private static string Key(string attack) => Course.Grading.Reports.SafeText.Name(RedTeamClass.StudentId(attack));

    /// <summary>Each student's row, read with CsvHelper, by student id (a formula-escaped id is read back without its escape).</summary>
    private Dictionary<string, (double Score, double MaxScore, string Raw)> Rows()
    {
        var rows = new Dictionary<string, (double, double, string)>(StringComparer.Ordinal);
        using var parser = new CsvHelper.CsvParser(new StringReader(graded.Gradebook), CultureInfo.InvariantCulture);
        parser.Read();
        while (parser.Read())
        {
            var id = parser[0];
            if (id.Length > 1 && id[0] == '\'' && "=+-@\t\r".Contains(id[1], StringComparison.Ordinal))
            {
                id = id[1..];
            }

            rows[id] = (double.Parse(parser[2], CultureInfo.InvariantCulture), double.Parse(parser[3], CultureInfo.InvariantCulture), parser.RawRecord.TrimEnd('\r', '\n'));
        }

        return rows;
    }

    private static void AssertMatchesGolden(string attack, string file, string actual)
    {
        var expectedPath = Path.Combine(RepositoryAttacks, attack, "expected", file);
        if (Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    private static string RepositoryAttacks => Path.Combine(Path.GetDirectoryName(TestPaths.RepositoryScenarios)!, "RedTeam", "Attacks");
}
