using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Course.Grading.Tests.Autograder;

/// <summary>
/// <c>course autograder</c>'s bundle, end to end: built by the real verb, unzipped, and its real
/// run_autograder run by bash against a simulated /autograder tree with correct, blank and hostile
/// submissions; every results.json is checked against Gradescope's format and, where a golden scenario
/// exists, against the scenario's expected results.json (the bundle grades exactly like <c>course grade</c>).
/// It runs alone (its own collection, not in parallel), so its graders do not slow the golden scenarios'
/// 3 s cell limits into time-outs.
/// </summary>
[Collection(nameof(GradescopeBundleTests))]
public sealed class GradescopeBundleTests(BundleFixture bundle) : IClassFixture<BundleFixture>
{
    private const string Notebook = "council-votes.ipynb";

    private static string ScenarioNotebook(string name) => Path.Combine(TestPaths.Scenarios, name, "submission", Notebook);

    private static Action<string> Put(string scenario, string relativePath) => submission =>
    {
        var target = Path.Combine(submission, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(ScenarioNotebook(scenario), target);
    };

    private static string Results(string root)
    {
        var path = Path.Combine(root, "results", "results.json");
        Assert.True(File.Exists(path), "run_autograder wrote no results/results.json");
        var json = File.ReadAllText(path);
        var errors = GradescopeSchema.Errors(json);
        Assert.True(errors.Count == 0, "results.json breaks Gradescope's format: " + string.Join("; ", errors) + "\n" + json);
        return json;
    }

    private static void AssertNoHiddenTests(string json)
    {
        Assert.DoesNotContain("HIDDEN TESTS", json, StringComparison.Ordinal);
        Assert.DoesNotContain("CountYes of an empty council should be 0", json, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN SOLUTION", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("all-correct", "homework/my answers.ipynb")] // correct, at depth, under another name: the only notebook
    [InlineData("not-attempted", "council-votes.ipynb")] // blank: the released stub
    [InlineData("read-instructor-notebook", "homework/week3/council-votes.ipynb")] // hostile: reads files, at depth
    [InlineData("never-ends", "council-votes.ipynb")] // hostile: loops
    public async Task Run_autograder_grades_like_course_grade_and_writes_gradescope_results(string scenario, string submittedAs)
    {
        var (root, exit, log) = await bundle.RunAutograderAsync(Put(scenario, submittedAs));
        Assert.True(exit == 0, log);
        var json = Results(root);
        // The golden files were graded with a 3 s cell limit; the bundle has the default, 10 s.
        var expected = File.ReadAllText(Path.Combine(TestPaths.Scenarios, scenario, "expected", "results.json"))
            .Replace($"within {Golden.GradedClass.CellTimeout} s", "within 10 s", StringComparison.Ordinal);
        Assert.True(expected == json, $"results.json differs from the {scenario} scenario's golden file:\n{json}\nlog:\n{log}");
        AssertNoHiddenTests(json);
        Assert.Contains($"grading {submittedAs} as {Notebook}", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_gradable_notebook_results_json_says_what_was_found()
    {
        var (root, exit, log) = await bundle.RunAutograderAsync(submission =>
        {
            File.WriteAllText(Path.Combine(submission, "notes.txt"), "nothing to grade");
            Put("all-correct", "a.ipynb")(submission);
            Put("all-correct", "b.ipynb")(submission);
            // A symbolic link named like the assignment, pointing at the bundle's instructor notebook: never followed.
            File.CreateSymbolicLink(Path.Combine(submission, Notebook), Path.Combine(bundle.Source, "course", "source", Notebook));
        });
        Assert.True(exit == 0, log);
        var json = JsonNode.Parse(Results(root))!;
        Assert.Equal(0, json["score"]!.GetValue<double>());
        Assert.Equal(6, json["max_score"]!.GetValue<double>());
        Assert.Empty(json["tests"]!.AsArray());
        Assert.Equal(
            "Expected the notebook council-votes.ipynb, but found 2 notebooks (a.ipynb, b.ipynb) and 1 symbolic links, which are not graded (council-votes.ipynb). Submit council-votes.ipynb.",
            json["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_bubblewrap_cannot_start_the_container_is_the_isolation_and_results_json_says_so()
    {
        // BWRAP names a program that exits 1: the probe fails, as in a container without user namespaces.
        var (root, exit, log) = await bundle.RunAutograderAsync(Put("partly-correct", Notebook), new Dictionary<string, string> { ["BWRAP"] = "false" });
        Assert.True(exit == 0, log);
        var json = JsonNode.Parse(Results(root))!;
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Scenarios, "partly-correct", "expected", "results.json")))!;
        Assert.Equal(expected["score"]!.GetValue<double>(), json["score"]!.GetValue<double>());
        Assert.Equal(
            Course.Grading.Sandbox.WorkerOptions.NoSandboxWarning + " " + expected["output"]!.GetValue<string>() + " (Graded without the course's bubblewrap sandbox, which cannot start in this container: the container, one per submission, is the isolation.)",
            json["output"]!.GetValue<string>());
        Assert.Contains("bubblewrap cannot start here", log, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundle_has_gradescopes_layout_and_the_hidden_tests_only_in_the_instructor_notebook()
    {
        using var zip = ZipFile.OpenRead(bundle.ZipPath);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        foreach (var script in new[] { "setup.sh", "run_autograder" })
        {
            var entry = zip.GetEntry(script);
            Assert.NotNull(entry);
            Assert.Equal(0b111_101_101, (entry.ExternalAttributes >> 16) & 0b111_111_111); // 0755
        }

        Assert.Contains("course/source/council-votes.ipynb", names);
        Assert.Contains("course/grader/course.dll", names);
        Assert.Contains("course/grader/Course.Worker.dll", names);
        Assert.Contains("course/Course.sln", names);
        var withHiddenTests = zip.Entries
            .Where(e => !e.FullName.EndsWith(".dll", StringComparison.Ordinal) && !e.FullName.EndsWith(".pdb", StringComparison.Ordinal))
            .Where(e => new StreamReader(e.Open()).ReadToEnd().Contains("BEGIN HIDDEN TESTS", StringComparison.Ordinal))
            .Select(e => e.FullName);
        Assert.Equal(["course/source/council-votes.ipynb"], withHiddenTests);
        var settings = new StreamReader(zip.GetEntry("course/autograder.conf")!.Open()).ReadToEnd();
        Assert.Contains("notebook=council-votes.ipynb\nmax_score=6\ntimeout=10\nsubmission_timeout=120\nmemory=256\n", settings, StringComparison.Ordinal);
        Assert.Contains("(3 tests, 6 points,", bundle.VerbOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_sh_is_valid_bash_that_installs_the_runtime_and_bubblewrap()
    {
        var setup = Path.Combine(bundle.Source, "setup.sh");
        var check = Process.Start(new ProcessStartInfo("bash", ["-n", setup]) { RedirectStandardError = true })!;
        var error = check.StandardError.ReadToEnd();
        check.WaitForExit();
        Assert.True(check.ExitCode == 0, error);
        var text = File.ReadAllText(setup);
        Assert.Contains("apt-get install -y --no-install-recommends dotnet-runtime-10.0", text, StringComparison.Ordinal);
        Assert.Contains("dotnet-install.sh --channel 10.0 --runtime dotnet", text, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y --no-install-recommends bubblewrap", text, StringComparison.Ordinal);
        Assert.Contains("\"$GRADER\" grade --help", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_bundle_is_not_replaced_without_force()
    {
        var zip = Path.Combine(bundle.Folder, "existing.zip");
        File.WriteAllText(zip, "keep me");
        var (exit, output, error) = await TestConsole.RunAsync("autograder", "--source", TestPaths.SourceNotebook, "--out", zip, "--grader", BundleFixture.GraderBuild);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"course: --out {zip}: already exists (add --force to replace it)\n", error);
        Assert.Equal("keep me", File.ReadAllText(zip));

        (exit, _, error) = await TestConsole.RunAsync("autograder", "--source", TestPaths.SourceNotebook, "--out", zip, "--grader", BundleFixture.GraderBuild, "--force");
        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllBytes(bundle.ZipPath), File.ReadAllBytes(zip)); // same inputs, same bytes
    }

    [Theory]
    [InlineData("--source", "/no/such/notebook.ipynb", "--out", "{folder}/a.zip")]
    [InlineData("--source", "{source}", "--out", "{folder}/a.tar")]
    [InlineData("--source", "{source}", "--out", "/no/such/folder/a.zip")]
    [InlineData("--source", "{source}", "--out", "{folder}/a.zip", "--grader", "{folder}")]
    [InlineData("--source", "{source}", "--out", "{folder}/a.zip", "--memory", "1")]
    [InlineData("--source", "{corrupt}", "--out", "{folder}/a.zip")]
    public async Task Bad_input_is_one_line_on_stderr_exit_code_1_and_no_bundle(params string[] args)
    {
        var folder = TestPaths.NewTempFolder("autograder-bad");
        var resolved = args.Select(a => a.Replace("{folder}", folder, StringComparison.Ordinal)
            .Replace("{source}", TestPaths.SourceNotebook, StringComparison.Ordinal)
            .Replace("{corrupt}", ScenarioNotebook("corrupt-ipynb"), StringComparison.Ordinal));
        var (exit, output, error) = await TestConsole.RunAsync(["autograder", .. resolved]);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("course: ", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("{\"score\": 1, \"max_score\": 2, \"output\": \"\", \"tests\": [{\"name\": \"t\", \"score\": 1, \"max_score\": 2, \"status\": \"ok\", \"output\": \"\", \"visibility\": \"visible\"}]}", "status 'ok'")]
    [InlineData("{\"score\": 1, \"max_score\": 2, \"output\": \"\", \"tests\": [{\"name\": \"t\", \"score\": 1, \"max_score\": 2, \"status\": \"passed\", \"output\": \"\", \"visibility\": \"students\"}]}", "visibility 'students'")]
    [InlineData("{\"score\": 3, \"max_score\": 2, \"output\": \"\", \"tests\": []}", "outside")]
    [InlineData("{\"score\": 1, \"max_score\": 2, \"output\": \"\", \"tests\": [{\"name\": \"t\", \"score\": 2, \"max_score\": 2, \"status\": \"passed\", \"output\": \"\", \"visibility\": \"visible\"}]}", "add up")]
    [InlineData("{\"score\": 1, \"max_score\": 2, \"tests\": [], \"grade\": 1}", "unknown member 'grade'")]
    public void The_schema_check_rejects_what_gradescope_would_not_accept(string json, string expected)
    {
        Assert.Contains(GradescopeSchema.Errors(json), e => e.Contains(expected, StringComparison.Ordinal));
    }
}

/// <summary>The bundle's tests run after the parallel ones, alone.</summary>
[CollectionDefinition(nameof(GradescopeBundleTests), DisableParallelization = true)]
public sealed class GradescopeBundleRunsAlone;
