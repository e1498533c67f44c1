using Course.Cli.Infrastructure;
using Course.Notebooks;

namespace Course.Grading.Tests.Cli;

/// <summary>
/// A newcomer's first commands (issue 13) through the real command line, in-process: check's progress, broken
/// teaching cells, summary and next step; run's "not attempted"; the missing course library in one line in every
/// verb; no verb overwriting a learner's notebook or its own input without --force; grade's choice of assignments.
/// </summary>
public sealed class FirstContactTests
{
    private static string NotAttempted => Path.Combine(TestPaths.Scenarios, "not-attempted", "submission", "council-votes.ipynb");

    private static string CourseRoot => CourseDirectory.TryFind(AppContext.BaseDirectory)?.Root ?? throw new InvalidOperationException("no Course.sln above the tests");

    /// <summary>The untouched notebook with one more teaching cell (no nbgrader metadata) that throws, as a broken chart cell would.</summary>
    private static string WithBrokenTeachingCell(string folder)
    {
        var notebook = Notebook.Load(NotAttempted);
        notebook.Cells.Insert(1, NotebookCell.Code("throw new InvalidOperationException(\"the chart broke\");"));
        var path = Path.Combine(folder, "broken-chart.ipynb");
        notebook.Save(path);
        return path;
    }

    [Fact]
    public async Task Check_on_an_untouched_folder_shows_progress_a_summary_and_the_next_step_and_exits_zero()
    {
        var folder = TestPaths.NewTempFolder("check-untouched");
        File.Copy(NotAttempted, Path.Combine(folder, "a.ipynb"));
        File.Copy(NotAttempted, Path.Combine(folder, "b.ipynb"));

        var (exit, output, error) = await TestConsole.RunAsync("check", folder);

        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        Assert.StartsWith($"checking 2 notebooks in {folder}", lines[0], StringComparison.Ordinal);
        Assert.Equal("[1/2] a.ipynb", lines[1]);
        Assert.Contains("[2/2] b.ipynb", lines);
        Assert.DoesNotContain("BROKEN", output, StringComparison.Ordinal);
        Assert.Contains("summary: 2 notebook(s), 6 exercise test(s): 0 passed, 0 failed, 6 not attempted", output, StringComparison.Ordinal);
        Assert.Contains($"next: open {Path.Combine(folder, "a.ipynb")}, answer the exercise that test-count-yes checks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_after_the_first_answer_points_at_the_next_exercise_and_counts_written_answers_apart()
    {
        var folder = TestPaths.NewTempFolder("check-next");
        var correct = Notebook.Load(Path.Combine(TestPaths.Scenarios, "all-correct", "submission", "council-votes.ipynb"));
        var notebook = Notebook.Load(NotAttempted);
        var answer = notebook.Cells.IndexOf(notebook.Cells.Single(c => c.Nbgrader?.GradeId == "count-yes"));
        notebook.Cells[answer] = correct.Cells.Single(c => c.Nbgrader?.GradeId == "count-yes");
        var path = Path.Combine(folder, "council-votes.ipynb");
        notebook.Save(path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        json["cells"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
            """{"cell_type": "markdown", "id": "written", "metadata": {"nbgrader": {"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "written", "schema_version": 3}}, "source": "YOUR ANSWER HERE"}"""));
        File.WriteAllText(path, json.ToJsonString());

        var (exit, output, error) = await TestConsole.RunAsync("check", path);

        Assert.True(exit == 0, error);
        Assert.Contains("  passed         test-count-yes", output, StringComparison.Ordinal);
        Assert.Contains("  manual         written", output, StringComparison.Ordinal);
        // The categories add up to the total; the written answer is counted apart.
        Assert.Contains("summary: 1 notebook(s), 3 exercise test(s): 1 passed, 0 failed, 2 not attempted; 1 written answer(s) for your instructor to grade", output, StringComparison.Ordinal);
        Assert.Contains("answer the exercise that test-is-vetoed checks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_names_a_broken_teaching_cell_apart_from_the_exercises_and_exits_one()
    {
        var folder = TestPaths.NewTempFolder("check-broken");
        var path = WithBrokenTeachingCell(folder);

        var (exit, output, _) = await TestConsole.RunAsync("check", path);

        Assert.Equal(1, exit);
        Assert.Contains("  BROKEN         cell 2: System.InvalidOperationException: the chart broke", output, StringComparison.Ordinal);
        // The exercises are still the learner's: not attempted, not broken.
        Assert.Contains("  not attempted  test-count-yes  0/2", output, StringComparison.Ordinal);
        Assert.Contains("0 passed, 0 failed, 3 not attempted; 1 teaching cell(s) BROKEN", output, StringComparison.Ordinal);
        Assert.Contains("next: the BROKEN cells are the course's", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reports_an_untouched_student_notebook_as_not_attempted_and_exits_zero()
    {
        var (exit, output, error) = await TestConsole.RunAsync("run", NotAttempted);

        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("ok   council-votes.ipynb:", output, StringComparison.Ordinal);
        Assert.Contains("cell(s) not attempted (exercise stubs)", output, StringComparison.Ordinal);
        Assert.Contains("not attempted (an exercise stub throws NotImplementedException)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_still_fails_on_a_real_error_beside_the_stubs()
    {
        var path = WithBrokenTeachingCell(TestPaths.NewTempFolder("run-broken"));

        var (exit, output, error) = await TestConsole.RunAsync("run", path);

        Assert.Equal(1, exit);
        Assert.StartsWith("FAIL broken-chart.ipynb:", output, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", output, StringComparison.Ordinal);
        Assert.Contains("first: broken-chart.ipynb cell 2: System.InvalidOperationException: the chart broke", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    public async Task A_notebook_copied_out_of_notebooks_gets_one_line_about_the_course_library(string verb)
    {
        var folder = TestPaths.NewTempFolder("copied-" + verb);
        var copy = Path.Combine(folder, "00-start-here.ipynb");
        File.Copy(Path.Combine(CourseRoot, "notebooks", "00-start-here.ipynb"), copy);

        var (exit, _, error) = await TestConsole.RunAsync(verb, copy);

        Assert.Equal(1, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            $"course: 00-start-here.ipynb: the course library was not found at {Path.GetFullPath(Path.Combine(folder, "../artifacts/course-lib/CollectiveSecurity.dll"))}",
            error,
            StringComparison.Ordinal);
        Assert.Contains("keep the notebook in", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0246", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_without_a_built_course_library_says_how_to_build_it()
    {
        var folder = TestPaths.NewTempFolder("grade-unbuilt");
        var source = Path.Combine(folder, "00-start-here.ipynb");
        File.Copy(Path.Combine(CourseRoot, "source", "00-start-here.ipynb"), source);
        var missing = Path.Combine(folder, "artifacts", "course-lib", "CollectiveSecurity.dll");

        var error = Assert.Throws<CourseUserException>(() => CourseLibraryCheck.RequireBuilt([source], missing));

        Assert.Equal($"the course library is not built (looked for {missing}, which 00-start-here.ipynb loads): {CourseLibraryCheck.BuildHint}", error.Message);
        CourseLibraryCheck.RequireBuilt([source], Path.Combine(CourseRoot, "artifacts", "course-lib", "CollectiveSecurity.dll"));
    }

    [Fact]
    public void An_unbuilt_course_library_says_how_to_build_it()
    {
        var course = TestPaths.NewTempFolder("unbuilt");
        File.WriteAllText(Path.Combine(course, "Course.sln"), string.Empty);
        var notebook = Path.Combine(course, "notebooks", "x.ipynb");

        var problem = CourseLibraryCheck.Problem(notebook, "\"#r \\\"../artifacts/course-lib/CollectiveSecurity.dll\\\"\"");

        Assert.Equal(
            $"the course library is not built (looked for {Path.Combine(course, "artifacts", "course-lib", "CollectiveSecurity.dll")}, from x.ipynb's #r line): {CourseLibraryCheck.BuildHint}",
            problem);
        Assert.Null(CourseLibraryCheck.Problem(notebook, "{\"cells\": []}"));
    }

    [Fact]
    public async Task Release_refuses_to_replace_an_edited_notebook_and_names_it_unless_forced()
    {
        var output = TestPaths.NewTempFolder("release-learner");
        var (first, _, firstError) = await TestConsole.RunAsync("release", TestPaths.SourceNotebook, "--out", output);
        Assert.True(first == 0, firstError);
        var target = Path.Combine(output, "council-votes.ipynb");
        var (again, _, againError) = await TestConsole.RunAsync("release", TestPaths.SourceNotebook, "--out", output);
        Assert.True(again == 0, "an unedited release is replaced by the same bytes: " + againError);

        var answered = (await File.ReadAllTextAsync(target)).Replace("throw new NotImplementedException();", "return 42;", StringComparison.Ordinal);
        await File.WriteAllTextAsync(target, answered);
        var (exit, stdout, error) = await TestConsole.RunAsync("release", TestPaths.SourceNotebook, "--out", output);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"course: {output}: council-votes.ipynb differs from the student version", error, StringComparison.Ordinal);
        Assert.Contains("add --force", error, StringComparison.Ordinal);
        Assert.Equal(answered, await File.ReadAllTextAsync(target));

        var (forced, _, forcedError) = await TestConsole.RunAsync("release", TestPaths.SourceNotebook, "--out", output, "--force");
        Assert.True(forced == 0, forcedError);
        Assert.NotEqual(answered, await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Run_refuses_to_write_its_executed_copy_over_its_input_unless_forced()
    {
        var folder = TestPaths.NewTempFolder("run-over-input");
        var input = Path.Combine(folder, "council-votes.ipynb");
        File.Copy(NotAttempted, input);
        var before = await File.ReadAllBytesAsync(input);

        var (exit, output, error) = await TestConsole.RunAsync("run", input, "--out", folder);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"course: --out {folder}: would overwrite the notebook(s) being run (council-votes.ipynb) with their executed copies; choose another folder, or add --force\n", error);
        Assert.Equal(before, await File.ReadAllBytesAsync(input));

        var (forced, _, forcedError) = await TestConsole.RunAsync("run", input, "--out", folder + "/", "--force");
        Assert.True(forced == 0, forcedError);
        Assert.NotEqual(before, await File.ReadAllBytesAsync(input));
    }

    [Fact]
    public async Task Grade_says_which_assignments_it_grades_and_skips_those_nobody_handed_in()
    {
        var source = TestPaths.NewTempFolder("grade-source");
        File.Copy(TestPaths.SourceNotebook, Path.Combine(source, "council-votes.ipynb"));
        File.Copy(TestPaths.SourceNotebook, Path.Combine(source, "other-week.ipynb"));
        var submissions = TestPaths.NewTempFolder("grade-subs");
        Directory.CreateDirectory(Path.Combine(submissions, "alice"));
        File.Copy(Path.Combine(TestPaths.Scenarios, "partly-correct", "submission", "council-votes.ipynb"), Path.Combine(submissions, "alice", "council-votes.ipynb"));
        var output = TestPaths.NewTempFolder("grade-out");

        var (exit, stdout, error) = await TestConsole.RunAsync("grade", "--source", source, "--submissions", submissions, "--out", output, "--no-sandbox", "--jobs", "1");

        Assert.True(exit == 0, error);
        Assert.Contains("grading 1 of 2 assignments, those handed in by at least one student: council-votes (--all-assignments grades the other 1 too)", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "alice", "other-week")));
        // Feedback says which tests had hidden checks, next to their outcome.
        var feedback = await File.ReadAllTextAsync(Path.Combine(output, "alice", "council-votes", "feedback.html"));
        Assert.Contains("(this test has hidden checks)", feedback, StringComparison.Ordinal);

        var all = TestPaths.NewTempFolder("grade-out-all");
        var (allExit, allOut, allError) = await TestConsole.RunAsync("grade", "--source", source, "--submissions", submissions, "--out", all, "--no-sandbox", "--jobs", "1", "--all-assignments");
        Assert.True(allExit == 0, allError);
        Assert.Contains("grading 2 assignment(s): council-votes, other-week", allOut, StringComparison.Ordinal);
    }
}
