using System.Net;
using Course.Grading.Release;
using Course.Notebooks;

namespace Course.Grading.Tests.RealWorld;

/// <summary>
/// Notebooks as instructors and learners really hand them in (issue 10): each folder under
/// <c>RealWorld/</c> is one situation, with the instructor's <c>source/ballots.ipynb</c>, a class of
/// <c>submissions/&lt;student&gt;/</c> and the golden <c>expected/gradebook.csv</c> and
/// <c>expected/&lt;student&gt;/results.json</c>. Folders named like the shared cases (<c>01-...</c>) are
/// those cases as given; <c>own-...</c> folders are further instances of the same kinds. Each is graded by
/// the real <c>course grade</c> (in-process CLI, real worker processes). UPDATE_GOLDEN=1 rewrites the
/// expected files (review the diff before committing it).
/// </summary>
public sealed class RealWorldGradingTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    // Text of solutions and hidden tests in the cases' instructor notebooks: never shown to a student.
    private static readonly string[] Secrets =
    [
        "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN SOLUTION", "END SOLUTION", "no ballots, no ayes", "A tie is not a majority",
        "Model answer",
    ];

    public static TheoryData<string> Cases() => [.. CaseNames()];

    public static TheoryData<string> SubmittedNotebooks() =>
    [
        .. CaseNames().SelectMany(c => Directory.GetFiles(Path.Combine(Folder(c), "submissions"), "*.ipynb", SearchOption.AllDirectories)),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Grading_the_case_gives_the_golden_gradebook_and_results_and_shows_no_secret(string name)
    {
        var graded = await GradeAsync(name);
        AssertMatchesGolden(name, "gradebook.csv", graded.Gradebook);
        foreach (var (student, results) in graded.Results)
        {
            AssertMatchesGolden(name, Path.Combine(student, "results.json"), results);
        }

        foreach (var text in graded.Results.Values.Concat(graded.Feedback.Values))
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Lone_carriage_returns_find_the_markers_and_grading_never_shows_the_hidden_test_a_leaky_release_gave_the_student()
    {
        var graded = await GradeAsync("12-lone-cr-line-endings");
        Assert.Contains("ben,ballots,2,2,graded,2", graded.Gradebook, StringComparison.Ordinal);
        Assert.DoesNotContain("new int[0]", graded.Feedback["ben"], StringComparison.Ordinal);
        Assert.Contains("Ayes(ballots) != 3", graded.Feedback["ben"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fractional_points_are_exact_in_gradebook_results_and_feedback()
    {
        var graded = await GradeAsync("05-fractional-points-sum");
        Assert.Contains("ann,ballots,0.3,0.3,graded,0.1,0.2", graded.Gradebook, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"score\": 0.3,\n  \"max_score\": 0.3,", graded.Results["ann"], StringComparison.Ordinal);
        Assert.Contains("Score: <strong>0.3 / 0.3</strong>", graded.Feedback["ann"], StringComparison.Ordinal);
        foreach (var text in graded.Results.Values.Concat(graded.Feedback.Values).Append(graded.Gradebook))
        {
            Assert.DoesNotContain("0000000", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Manually_graded_answers_are_pending_everywhere_and_never_scored()
    {
        var graded = await GradeAsync("10-manually-graded-answer");
        Assert.Equal("student_id,assignment,score,max_score,status,test-ayes,essay\nann,ballots,0,5,needs_manual_grade,0,\n", graded.Gradebook);
        Assert.Contains("\"output\": \"Pending manual grading: ", graded.Results["ann"], StringComparison.Ordinal);
        Assert.Contains("pending manual grading", graded.Feedback["ann"], StringComparison.Ordinal);
        Assert.Contains("YOUR ANSWER HERE", graded.Feedback["ann"], StringComparison.Ordinal);

        var own = await GradeAsync("own-points-and-manual");
        Assert.Contains("eve,ballots,1,2.5,needs_manual_grade,0.7,0.1,0.2,0,", own.Gradebook, StringComparison.Ordinal);
        Assert.Contains("Half the votes is not more than half.", own.Feedback["eve"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_point_practice_test_runs_is_shown_and_scores_0_of_0()
    {
        var graded = await GradeAsync("14-zero-point-test");
        Assert.Contains("ann,ballots,2,2,graded,2,0", graded.Gradebook, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"practice\",\n      \"score\": 0,\n      \"max_score\": 0,\n      \"status\": \"passed\"", graded.Results["ann"], StringComparison.Ordinal);
        Assert.Contains("if (Ayes(new[] { 1 }) != 1)", graded.Feedback["ann"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_escaping_an_async_void_method_is_named_in_feedback_and_the_test_still_runs()
    {
        var graded = await GradeAsync("16-async-void-throws");
        Assert.Contains("ann,ballots,2,2,graded,2", graded.Gradebook, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: quorum lost", graded.Feedback["ann"], StringComparison.Ordinal);

        var later = await GradeAsync("own-async-void-next-cell");
        Assert.Contains("gus,ballots,2,2,graded,2", later.Gradebook, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: late quorum", later.Feedback["gus"], StringComparison.Ordinal);
        Assert.Contains("an earlier cell started", later.Feedback["gus"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stripped_metadata_is_matched_by_cell_id_or_the_reason_says_it_is_gone()
    {
        var graded = await GradeAsync("own-stripped-metadata");
        Assert.Contains("kept-ids,ballots,2,2,graded,2", graded.Gradebook, StringComparison.Ordinal);
        Assert.Contains("no-ids,ballots,0,2,graded,0", graded.Gradebook, StringComparison.Ordinal);
        Assert.Contains("lost its nbgrader metadata", graded.Results["no-ids"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_one_folder_deeper_is_found_and_one_under_another_name_is_named()
    {
        var graded = await GradeAsync("own-submission-elsewhere");
        Assert.Contains("deeper,ballots,2,2,graded,2", graded.Gradebook, StringComparison.Ordinal);
        Assert.Contains("renamed,ballots,0,2,not_submitted,0", graded.Gradebook, StringComparison.Ordinal);
        Assert.Contains("absent,ballots,0,2,not_submitted,0", graded.Gradebook, StringComparison.Ordinal);
        Assert.Contains("found: ballots (1).ipynb", graded.Results["renamed"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SubmittedNotebooks))]
    public async Task Check_accepts_every_notebook_grade_accepts(string notebook)
    {
        var (exit, output, error) = await TestConsole.RunAsync("check", notebook, "--timeout", "10");
        // check exits 1 only when a cell other than an exercise broke, and says so (a case may throw on purpose).
        Assert.True(exit == 0 || output.Contains("BROKEN", StringComparison.Ordinal), error + output);
        Assert.Equal(string.Empty, error);
        Assert.Contains(Path.GetFileName(notebook) + "\n", output, StringComparison.Ordinal);
        Assert.True(output.Contains("score on visible tests:", StringComparison.Ordinal) || output.Contains("no exercises with tests", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Check_runs_a_split_answer_as_grade_does_and_warns_about_a_repaired_cell_id()
    {
        var (exit, output, error) = await TestConsole.RunAsync("check", Path.Combine(Folder("02-split-answer-cell"), "submissions", "ann", "ballots.ipynb"));
        Assert.True(exit == 0, error);
        Assert.Contains("  passed         test-ayes  2/2", output, StringComparison.Ordinal);
        Assert.Contains("score on visible tests: 2/2 (1 of 1 passed)", output, StringComparison.Ordinal);

        var (_, repaired, _) = await TestConsole.RunAsync("check", Path.Combine(Folder("01-duplicate-cell-id"), "submissions", "ann", "ballots.ipynb"));
        Assert.Contains("ballots.ipynb: warning: cell 5: non-unique cell id 'q1' detected. Corrected to '", repaired, StringComparison.Ordinal);
        Assert.Contains("score on visible tests: 2/2 (1 of 1 passed)", repaired, StringComparison.Ordinal);

        var (_, split, _) = await TestConsole.RunAsync("check", Path.Combine(Folder("own-split-and-retyped"), "submissions", "fay", "ballots.ipynb"));
        Assert.Contains("score on visible tests: 2/2 (1 of 1 passed)", split, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_shows_a_zero_point_test_and_a_manual_answer()
    {
        var (_, output, error) = await TestConsole.RunAsync("check", Path.Combine(Folder("own-points-and-manual"), "submissions", "eve", "ballots.ipynb"));
        Assert.True(error.Length == 0, error);
        Assert.Contains("  passed         practice   0/0", output, StringComparison.Ordinal);
        Assert.Contains("  manual         explain    -/1.5  graded by hand, not counted here", output, StringComparison.Ordinal);
        Assert.Contains("score on visible tests: 1/1 (4 of 4 passed)", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Release_of_every_case_keeps_cell_ids_and_ships_no_solution_hidden_test_or_marker(string name)
    {
        var source = Path.Combine(Folder(name), "source", "ballots.ipynb");
        var output = TestPaths.NewTempFolder("release-" + name);
        var released = ReleaseCommand.Run(source, output);
        var text = File.ReadAllText(released.Single().StudentPath);
        foreach (var secret in Secrets.Append("b.Count(x => x == 1)").Append("new int[0]"))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var student = Notebook.Load(released.Single().StudentPath);
        Assert.Equal(Notebook.Load(source).Cells.Select(c => c.Id), student.Cells.Select(c => c.Id));
        Directory.Delete(output, recursive: true);
    }

    private static IEnumerable<string> CaseNames() =>
        Directory.GetDirectories(Path.Combine(TestPaths.Root, "RealWorld"))
            .Where(d => Directory.Exists(Path.Combine(d, "source")))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal);

    private static string Folder(string name) => Path.Combine(TestPaths.Root, "RealWorld", name);

    private sealed record Graded(string Gradebook, Dictionary<string, string> Results, Dictionary<string, string> Feedback);

    private static async Task<Graded> GradeAsync(string name)
    {
        var submissions = TestPaths.NewTempFolder("realworld-" + name);
        var output = TestPaths.NewTempFolder("realworld-out-" + name);
        CopyFolder(Path.Combine(Folder(name), "submissions"), submissions);
        if (name == "own-submission-elsewhere")
        {
            // Git keeps no empty folder: this student handed in nothing.
            Directory.CreateDirectory(Path.Combine(submissions, "absent"));
        }

        var (exit, _, error) = await TestConsole.RunAsync(
            "grade", "--source", Path.Combine(Folder(name), "source"), "--submissions", submissions, "--out", output,
            "--jobs", "2", "--timeout", "10", "--submission-timeout", "60");
        Assert.True(exit == 0, error);
        var students = Directory.GetDirectories(submissions).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        var graded = new Graded(
            await File.ReadAllTextAsync(Path.Combine(output, "gradebook.csv")),
            students.ToDictionary(s => s, s => File.ReadAllText(Path.Combine(output, s, "ballots", "results.json")), StringComparer.Ordinal),
            students.ToDictionary(s => s, s => WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(output, s, "ballots", "feedback.html"))), StringComparer.Ordinal));
        Directory.Delete(submissions, recursive: true);
        Directory.Delete(output, recursive: true);
        return graded;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void AssertMatchesGolden(string name, string file, string actual)
    {
        var expected = Path.Combine(RepositoryFolder(), name, "expected", file);
        if (Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expected)!);
            File.WriteAllText(expected, actual);
        }

        Assert.True(File.Exists(expected), $"{expected} is missing (run with UPDATE_GOLDEN=1 and review)");
        Assert.Equal(File.ReadAllText(expected), actual);
    }

    private static string RepositoryFolder() => Path.Combine(Path.GetDirectoryName(TestPaths.RepositoryScenarios)!, "RealWorld");
}
