using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Course.Grading.Tests.Autograder;

/// <summary>
/// The GitHub Classroom workflow the course ships (docs/classroom/classroom.yml), read with YamlDotNet and
/// held to actionlint-like rules: a valid on/jobs/steps structure, actions pinned, checkouts that keep no
/// credentials, no expressions in run scripts, minimal explicit permissions, secrets only where a checkout
/// needs them, a working symlink refusal, and course commands that the real CLI accepts.
/// </summary>
public sealed partial class ClassroomWorkflowTests
{
    private static readonly string WorkflowPath = Path.Combine(BundleFixture.RepositoryRoot, "docs", "classroom", "classroom.yml");

    private static readonly Dictionary<string, string> AllowedPermissions = new(StringComparer.Ordinal)
    {
        ["contents"] = "read",
        ["checks"] = "write",
        ["actions"] = "read",
    };

    /// <summary>Publishers whose actions may be pinned to a release tag; any other must be pinned to a full commit SHA.</summary>
    private static readonly HashSet<string> TagTrustedOwners = ["actions", "classroom-resources"];

    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(WorkflowPath);
        yaml.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(yaml.Documents).RootNode);
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Get(map, key) as YamlScalarNode)?.Value;

    private static IEnumerable<(string Job, YamlMappingNode JobNode, YamlMappingNode Step)> Steps(YamlMappingNode workflow) =>
        from job in ((YamlMappingNode)Get(workflow, "jobs")!).Children
        from step in ((YamlSequenceNode)Get((YamlMappingNode)job.Value, "steps")!).Children
        select (((YamlScalarNode)job.Key).Value!, (YamlMappingNode)job.Value, (YamlMappingNode)step);

    private static Dictionary<string, string> JobEnvironment(YamlMappingNode job) =>
        (Get(job, "env") as YamlMappingNode)?.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!)
        ?? [];

    [Fact]
    public void It_has_a_valid_workflow_structure()
    {
        var workflow = Workflow();
        Assert.False(string.IsNullOrWhiteSpace(Scalar(workflow, "name")));
        var on = Assert.IsType<YamlMappingNode>(Get(workflow, "on"));
        Assert.Contains(on.Children.Keys, k => ((YamlScalarNode)k).Value == "push");
        var jobs = Assert.IsType<YamlMappingNode>(Get(workflow, "jobs"));
        Assert.NotEmpty(jobs.Children);
        foreach (var (_, value) in jobs.Children)
        {
            var job = Assert.IsType<YamlMappingNode>(value);
            Assert.StartsWith("ubuntu-", Scalar(job, "runs-on"), StringComparison.Ordinal);
            Assert.True(int.Parse(Scalar(job, "timeout-minutes")!, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
            Assert.NotEmpty(Assert.IsType<YamlSequenceNode>(Get(job, "steps")).Children);
        }

        foreach (var (_, _, step) in Steps(workflow))
        {
            // Each step does one thing: it uses an action or it runs a script.
            Assert.True(Get(step, "uses") is null != Get(step, "run") is null, $"a step needs exactly one of uses/run: {step}");
        }
    }

    [Fact]
    public void Every_action_is_pinned_to_a_release_tag_of_a_trusted_publisher_or_a_full_commit_sha()
    {
        var uses = Steps(Workflow()).Select(s => Scalar(s.Step, "uses")).OfType<string>().ToList();
        Assert.NotEmpty(uses);
        foreach (var use in uses)
        {
            var match = ActionReference().Match(use);
            Assert.True(match.Success, $"'{use}' is not owner/repo@ref");
            var reference = match.Groups["ref"].Value;
            var pinnedToSha = Sha().IsMatch(reference);
            var pinnedToTag = VersionTag().IsMatch(reference) && TagTrustedOwners.Contains(match.Groups["owner"].Value);
            Assert.True(pinnedToSha || pinnedToTag, $"'{use}' must be pinned to a full commit SHA (or a vN tag, for actions/* and classroom-resources/*)");
        }
    }

    [Fact]
    public void Checkouts_persist_no_credentials_and_secrets_reach_only_a_checkouts_token()
    {
        var steps = Steps(Workflow()).ToList();
        var checkouts = steps.Where(s => Scalar(s.Step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, checkouts.Count);
        foreach (var (_, _, step) in checkouts)
        {
            var with = Assert.IsType<YamlMappingNode>(Get(step, "with"));
            Assert.Equal("false", Scalar(with, "persist-credentials"));
        }

        var text = File.ReadAllText(WorkflowPath);
        var secretUses = SecretReference().Matches(text).Count;
        var secretTokens = checkouts.Count(s => Scalar((YamlMappingNode)Get(s.Step, "with")!, "token")?.Contains("secrets.", StringComparison.Ordinal) == true);
        Assert.Equal(1, secretUses);
        Assert.Equal(secretUses, secretTokens);
    }

    [Fact]
    public void Permissions_are_explicit_and_minimal()
    {
        var workflow = Workflow();
        var permissions = Assert.IsType<YamlMappingNode>(Get(workflow, "permissions")); // not read-all/write-all
        foreach (var (key, value) in permissions.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            Assert.True(AllowedPermissions.TryGetValue(name, out var allowed), $"permission '{name}' is not needed");
            Assert.Equal(allowed, ((YamlScalarNode)value).Value);
        }

        foreach (var (_, job) in ((YamlMappingNode)Get(workflow, "jobs")!).Children)
        {
            Assert.Null(Get((YamlMappingNode)job, "permissions")); // no job widens them
        }
    }

    [Fact]
    public void No_expression_is_interpolated_into_a_run_script()
    {
        var runs = Steps(Workflow()).Select(s => Scalar(s.Step, "run")).OfType<string>().ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, run => Assert.DoesNotContain("${{", run, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_symlink_step_refuses_a_symlinked_notebook_before_grading()
    {
        var steps = Steps(Workflow()).ToList();
        var refuse = steps.FindIndex(s => Scalar(s.Step, "run")?.Contains("-type l", StringComparison.Ordinal) == true);
        var grade = steps.FindIndex(s => Scalar(s.Step, "id") == "course-grade");
        Assert.True(refuse >= 0 && grade > refuse, "a `find -type l` step must come before the grading step");
        var (_, job, step) = steps[refuse];
        var script = Scalar(step, "run")!;
        var notebook = JobEnvironment(job)["NOTEBOOK"];

        var linked = TestPaths.NewTempFolder("classroom-symlink");
        Directory.CreateDirectory(Path.Combine(linked, "submission"));
        File.CreateSymbolicLink(Path.Combine(linked, "submission", notebook), "/etc/passwd");
        Assert.Equal(1, await RunStepAsync(script, linked, notebook));

        var regular = TestPaths.NewTempFolder("classroom-regular");
        Directory.CreateDirectory(Path.Combine(regular, "submission"));
        File.Copy(TestPaths.SourceNotebook, Path.Combine(regular, "submission", notebook));
        Assert.Equal(0, await RunStepAsync(script, regular, notebook));
    }

    [Fact]
    public async Task The_course_commands_it_runs_exist_and_parse()
    {
        var steps = Steps(Workflow()).ToList();
        var (_, job, step) = steps.Single(s => Scalar(s.Step, "id") == "course-grade");
        var environment = JobEnvironment(job);
        var lines = Scalar(step, "run")!.Split('\n');

        // `dotnet build` / `dotnet run --project` name the course checkout's CLI project: it exists in this repository.
        var projects = lines.SelectMany(l => CourseProject().Matches(l)).Select(m => m.Groups["path"].Value).Distinct().ToList();
        Assert.Equal(["grader/Course.Cli"], projects);
        Assert.True(File.Exists(Path.Combine(BundleFixture.RepositoryRoot, "grader", "Course.Cli", "Course.Cli.csproj")));

        var invocations = lines.Where(l => l.Contains("--project course/grader/Course.Cli -- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(invocations);
        foreach (var line in invocations)
        {
            var arguments = line[(line.IndexOf(" -- ", StringComparison.Ordinal) + 4)..];
            foreach (var (name, value) in environment)
            {
                arguments = arguments.Replace("${" + name + "}", value, StringComparison.Ordinal);
            }

            var tokens = ShellWord().Matches(arguments).Select(m => m.Value.Trim('"')).ToArray();
            var parse = Course.Cli.CourseApp.BuildRootCommand(new TestConsole().Console).Parse(tokens);
            Assert.True(parse.Errors.Count == 0, $"`course {arguments}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");

            // And every option it passes is in the verb's real --help.
            using var help = new StringWriter();
            var exit = await Course.Cli.CourseApp.BuildRootCommand(new TestConsole().Console).Parse([tokens[0], "--help"])
                .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = help });
            Assert.Equal(0, exit);
            Assert.Contains("Usage:", help.ToString(), StringComparison.Ordinal);
            Assert.All(tokens.Where(t => t.StartsWith("--", StringComparison.Ordinal)), option => Assert.Contains(option, help.ToString(), StringComparison.Ordinal));
        }
    }

    private static async Task<int> RunStepAsync(string script, string workingDirectory, string notebook)
    {
        var start = new ProcessStartInfo("bash", ["-e", "-c", script]) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NOTEBOOK"] = notebook;
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9-]+)/[A-Za-z0-9._-]+(/[A-Za-z0-9._/-]+)?@(?<ref>\S+)$")]
    private static partial Regex ActionReference();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();

    [GeneratedRegex(@"^v\d+(\.\d+){0,2}$")]
    private static partial Regex VersionTag();

    [GeneratedRegex(@"\bsecrets\.")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"(?:--project |dotnet build (?:-c \w+ )?)course/(?<path>grader/[\w./-]+)")]
    private static partial Regex CourseProject();

    [GeneratedRegex("\"[^\"]*\"|\\S+")]
    private static partial Regex ShellWord();
}
