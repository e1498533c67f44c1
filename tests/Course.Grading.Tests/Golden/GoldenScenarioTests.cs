using System.Net;
using System.Text.Json.Nodes;

namespace Course.Grading.Tests.Golden;

/// <summary>
/// Golden files: every scenario's results.json and gradebook row must equal
/// <c>Scenarios/&lt;name&gt;/expected/</c>. To regenerate after a deliberate change, run the tests with
/// UPDATE_GOLDEN=1, then review the diff before committing it.
/// </summary>
public sealed class GoldenScenarioTests(GradedClass graded) : IClassFixture<GradedClass>
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Scenarios() => [.. GradedClass.ScenarioNames()];

    [Fact]
    public void The_batch_completes_with_exit_code_0_and_a_summary()
    {
        Assert.True(graded.FirstRun.Exit == 0, graded.FirstRun.Error);
        Assert.Equal(string.Empty, graded.FirstRun.Error);
        var count = GradedClass.ScenarioNames().Count();
        Assert.Contains($"graded {count} submissions ({count} now, 0 reused from an earlier run)", graded.FirstRun.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Results_json_matches_the_golden_file(string scenario)
    {
        var actual = graded.FirstResults[scenario];
        AssertMatchesGolden(scenario, "results.json", actual);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_gradebook_row_matches_the_golden_file(string scenario)
    {
        var lines = graded.FirstGradebook.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var row = lines.Single(l => l.StartsWith(scenario + ",", StringComparison.Ordinal));
        var actual = lines[0] + "\n" + row + "\n";
        AssertMatchesGolden(scenario, "gradebook.csv", actual);
    }

    /// <summary>Compares with <c>Scenarios/&lt;scenario&gt;/expected/&lt;file&gt;</c>; with UPDATE_GOLDEN=1 rewrites it first (review the diff).</summary>
    private static void AssertMatchesGolden(string scenario, string file, string actual)
    {
        var expectedPath = Path.Combine(TestPaths.RepositoryScenarios, scenario, "expected", file);
        if (Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_test_gives_a_reason_and_no_hidden_test_leaks(string scenario)
    {
        var results = JsonNode.Parse(graded.FirstResults[scenario])!;
        var outputs = new List<string> { (string)results["output"]! };
        Assert.Equal(3, results["tests"]!.AsArray().Count);
        foreach (var test in results["tests"]!.AsArray())
        {
            var output = (string)test!["output"]!;
            outputs.Add(output);
            Assert.True(output == "Passed." || output.Length > "Failed: ".Length + 10, $"{scenario}: {test["name"]} gives no reason: {output}");
        }

        var feedback = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(graded.Out, scenario, "council-votes", "feedback.html")));
        var allOutputs = string.Join("\n", outputs);
        foreach (var hidden in new[] { "BEGIN HIDDEN TESTS", "CountYes(new List<Vote>()) != 0", "if (IsVetoed(council.Where(", "new Vote(\"India\", false, \"No\")", "BEGIN SOLUTION" })
        {
            Assert.DoesNotContain(hidden, feedback, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden, allOutputs, StringComparison.Ordinal);
        }

        Assert.Contains("Score: ", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_of_an_untouched_notebook_shows_the_stubs_not_the_solutions()
    {
        var feedback = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(graded.Out, "not-attempted", "council-votes", "feedback.html")));
        Assert.Contains("// YOUR CODE HERE", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("v.Permanent && v.Choice == \"No\"", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("votes.Count(v => v.Choice == \"Yes\")", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_floods_are_capped_in_feedback()
    {
        var feedback = File.ReadAllText(Path.Combine(graded.Out, "prints-fake-results", "council-votes", "feedback.html"));
        Assert.Contains("[output truncated", feedback, StringComparison.Ordinal);
        Assert.True(feedback.Length < 64 * 1024, $"feedback is {feedback.Length} characters");
    }

    [Fact]
    public void Feedback_keeps_no_live_payload_from_a_students_markdown_or_output()
    {
        var feedback = File.ReadAllText(Path.Combine(graded.Out, "input-markdown-payload", "council-votes", "feedback.html"));
        var links = System.Text.RegularExpressions.Regex.Matches(feedback, "(?:href|src)=\"([^\"]*)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(["https://example.org/ok"], links);
        Assert.DoesNotContain("<script", feedback, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", feedback, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[image: tracker]", feedback, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(5)&gt;\\u001B[31m&lt;/pre&gt;&lt;script&gt;", feedback, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", feedback, StringComparison.Ordinal);
        var control = File.ReadAllText(Path.Combine(graded.Out, "input-control-characters", "council-votes", "feedback.html"));
        Assert.Contains("votes \\u0000 with an escaped NUL, \\u001B[2J an escape sequence and \\u202E a BiDi override", control, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rerun_reuses_every_result_and_writes_the_same_bytes()
    {
        Assert.Equal(0, graded.SecondRun.Exit);
        var count = GradedClass.ScenarioNames().Count();
        Assert.Contains($"({0} now, {count} reused from an earlier run)", graded.SecondRun.Out, StringComparison.Ordinal);
        Assert.Equal(graded.FirstGradebook, File.ReadAllText(Path.Combine(graded.Out, "gradebook.csv")));
        foreach (var (scenario, results) in graded.FirstResults)
        {
            Assert.Equal(results, File.ReadAllText(Path.Combine(graded.Out, scenario, "council-votes", "results.json")));
        }
    }

    [Fact]
    public void The_gradebook_has_one_sorted_row_per_student_and_a_column_per_test()
    {
        var lines = graded.FirstGradebook.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("student_id,assignment,score,max_score,status,test-count-yes,test-is-vetoed,test-adopted", lines[0]);
        var students = lines.Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(GradedClass.ScenarioNames().ToList(), students);
        Assert.Equal(students.Order(StringComparer.Ordinal), students);
    }
}
