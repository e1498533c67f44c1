namespace Course.Grading.Tests.Cli;

/// <summary>The release, check and grade verbs through the real command line (in-process), including bad input.</summary>
public sealed class VerbTests
{
    private static string Scenario(string name) => Path.Combine(TestPaths.Scenarios, name, "submission", "council-votes.ipynb");

    [Fact]
    public async Task Check_prints_each_exercise_and_the_visible_score()
    {
        var (exit, output, error) = await TestConsole.RunAsync("check", Scenario("partly-correct"));
        Assert.True(exit == 0, error);
        // The hidden test that partly-correct fails is not in the student's notebook: visibly, all pass.
        Assert.Contains("  passed         test-is-vetoed  3/3", output, StringComparison.Ordinal);
        Assert.Contains("score on visible tests: 6/6 (3 of 3 passed)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_says_failed_with_the_tests_message_and_not_attempted()
    {
        var (exit, output, _) = await TestConsole.RunAsync("check", Scenario("tampered-tests"));
        Assert.Equal(0, exit);
        // The student's own (rewritten) test cell is what check runs: check is a safety net, not the grade.
        Assert.Contains("score on visible tests:", output, StringComparison.Ordinal);
        var (_, untouched, _) = await TestConsole.RunAsync("check", Scenario("not-attempted"));
        Assert.Contains("  not attempted  test-count-yes  0/2", untouched, StringComparison.Ordinal);
        var (_, wrong, _) = await TestConsole.RunAsync("check", Scenario("runtime-exception"));
        Assert.Contains("  failed         test-count-yes  0/2  InvalidOperationException: Sequence contains no matching element", wrong, StringComparison.Ordinal);
        Assert.Contains("score on visible tests: 3/6 (1 of 3 passed)", wrong, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "/no/such/notebook.ipynb")]
    [InlineData("release", "/no/such/source.ipynb", "--out", "/tmp/course-grading-tests/never")]
    [InlineData("grade", "--source", "/no/such/source.ipynb", "--submissions", "/tmp", "--out", "/tmp/course-grading-tests/never")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_1(params string[] args)
    {
        var (exit, output, error) = await TestConsole.RunAsync(args);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("course: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists("/tmp/course-grading-tests/never"));
    }

    [Fact]
    public async Task Check_refuses_a_corrupt_notebook_with_one_line()
    {
        var (exit, _, error) = await TestConsole.RunAsync("check", Scenario("corrupt-ipynb"));
        Assert.Equal(1, exit);
        Assert.StartsWith("course: ", error, StringComparison.Ordinal);
        Assert.EndsWith("council-votes.ipynb: not valid JSON (line 37, column 9)\n", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Release_writes_the_student_version_and_a_second_release_writes_the_same_bytes()
    {
        var first = TestPaths.NewTempFolder("release-1");
        var second = TestPaths.NewTempFolder("release-2");
        var (exit, output, error) = await TestConsole.RunAsync("release", Path.GetDirectoryName(TestPaths.SourceNotebook)!, "--out", first);
        Assert.True(exit == 0, error);
        Assert.Contains("3 answers stubbed, 3 tests, 2 with hidden parts removed", output, StringComparison.Ordinal);
        await TestConsole.RunAsync("release", TestPaths.SourceNotebook, "--out", second);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(first, "council-votes.ipynb"));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(second, "council-votes.ipynb")));
    }

    [Fact]
    public async Task Release_refuses_an_inconsistent_source_and_writes_nothing()
    {
        var source = TestPaths.NewTempFolder("bad-source");
        var text = await File.ReadAllTextAsync(TestPaths.SourceNotebook);
        await File.WriteAllTextAsync(Path.Combine(source, "a-good.ipynb"), text);
        await File.WriteAllTextAsync(Path.Combine(source, "b-bad.ipynb"), text.Replace("\"grade_id\": \"test-adopted\"", "\"grade_id\": \"test-count-yes\"", StringComparison.Ordinal));
        var output = Path.Combine(TestPaths.NewTempFolder("bad-release"), "out");
        var (exit, _, error) = await TestConsole.RunAsync("release", source, "--out", output);
        Assert.Equal(1, exit);
        Assert.Equal("course: b-bad.ipynb: cell 11 (grade_id 'test-count-yes'): duplicate grade_id, already used by cell 5\n", error);
        Assert.False(Directory.Exists(output));
    }
}
