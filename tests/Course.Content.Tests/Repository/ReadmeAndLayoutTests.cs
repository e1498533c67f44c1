namespace Course.Content.Tests.Repository;

public class ReadmeAndLayoutTests
{
    [Fact]
    public void Readme_gives_the_main_job_then_the_tests_each_in_its_own_code_block()
    {
        var blocks = RepositoryFiles.ReadmeCodeBlocks();
        Assert.True(blocks.Count >= 2, "README.md needs at least two code blocks");
        Assert.Equal("./course check notebooks", blocks[0]);
        Assert.Contains("dotnet test Course.sln", blocks[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\n', blocks[0]);
        Assert.DoesNotContain('\n', blocks[1]);
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_and_the_main_job()
    {
        var ci = RepositoryFiles.Read(".ci/run");
        Assert.Contains("bash .ci/install-tools", ci, StringComparison.Ordinal);
        Assert.Contains("dotnet test Course.sln", ci, StringComparison.Ordinal);
        Assert.Contains("course check notebooks", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_runs_the_differential_test_against_the_kernel_pinned_in_the_local_tool_manifest()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(RepositoryFiles.Read(".config/dotnet-tools.json"));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("microsoft.dotnet-interactive");
        Assert.Equal("1.0.712001", tool.GetProperty("version").GetString());
        Assert.Contains("dotnet-interactive", tool.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("bash tests/Course.Differential.Tests/run.sh", RepositoryFiles.Read(".ci/run"), StringComparison.Ordinal);
        Assert.Contains("dotnet tool restore", RepositoryFiles.Read("tests/Course.Differential.Tests/run.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Solution_is_in_the_classic_format_and_lists_every_project()
    {
        var sln = RepositoryFiles.Read("Course.sln");
        Assert.StartsWith("Microsoft Visual Studio Solution File, Format Version 12.00", sln.TrimStart('\uFEFF', '\r', '\n'), StringComparison.Ordinal);
        var root = RepositoryFiles.Course.Root;
        var projects = new[] { "lib", "grader", "tests" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(root, p).Replace('/', '\\'))
            .ToList();
        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.Contains(p, sln, StringComparison.Ordinal));
    }

    [Fact]
    public void Shared_build_settings_turn_on_nullable_and_warnings_as_errors()
    {
        var props = RepositoryFiles.Read("Directory.Build.props");
        Assert.Contains("<Nullable>enable</Nullable>", props, StringComparison.Ordinal);
        Assert.Contains("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", props, StringComparison.Ordinal);
        Assert.Contains("<Deterministic>true</Deterministic>", props, StringComparison.Ordinal);
        Assert.Contains("<ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>", RepositoryFiles.Read("Directory.Build.props") + RepositoryFiles.Read("Directory.Packages.props"), StringComparison.Ordinal);
    }

    [Fact]
    public void Course_library_targets_a_framework_every_kernel_can_load_and_builds_to_the_documented_path()
    {
        var csproj = RepositoryFiles.Read("lib/CollectiveSecurity/CollectiveSecurity.csproj");
        Assert.Contains("<TargetFramework>net8.0</TargetFramework>", csproj, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryFiles.Course.CourseLibAssembly), "the build did not write " + RepositoryFiles.Course.CourseLibAssembly);
        Assert.Contains(Course.Notebooks.CourseDirectory.CourseLibReference, RepositoryFiles.Read("README.md"), StringComparison.Ordinal);
    }
}
