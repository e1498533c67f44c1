using System.Text.Json;

namespace Course.Content.Tests.Repository;

public class DevContainerTests
{
    private static JsonElement DevContainer()
    {
        var text = RepositoryFiles.Read(".devcontainer/devcontainer.json");
        using var doc = JsonDocument.Parse(text); // strict JSON: no comments, no trailing commas
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Uses_the_official_dotnet_10_dev_container_image()
    {
        Assert.Equal("mcr.microsoft.com/devcontainers/dotnet:10.0", DevContainer().GetProperty("image").GetString());
    }

    [Fact]
    public void Installs_the_dotnet_9_runtime_that_polyglot_notebooks_needs()
    {
        var dotnetFeature = DevContainer().GetProperty("features").GetProperty("ghcr.io/devcontainers/features/dotnet:2");
        Assert.Contains("9.0", dotnetFeature.GetProperty("additionalVersions").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Recommends_the_extensions_a_learner_needs()
    {
        var extensions = DevContainer().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions); // Polyglot Notebooks
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.csdevkit", extensions);
    }

    [Fact]
    public void Post_create_command_installs_the_pinned_kernel_then_runs_the_readme_set_up()
    {
        var setUp = RepositoryFiles.ReadmeCodeBlocks()[0];
        var steps = DevContainer().GetProperty("postCreateCommand").GetString()!.Split(" && ");
        Assert.Equal("dotnet tool restore", steps[0]); // the dotnet-interactive tool of .config/dotnet-tools.json
        Assert.StartsWith("dotnet dotnet-interactive jupyter install --path ", steps[2], StringComparison.Ordinal); // its Jupyter kernelspecs, for VS Code's Jupyter extension
        Assert.Contains(setUp, steps);
        Assert.Contains(steps, s => s.EndsWith("kernel install --user", StringComparison.Ordinal)); // the course's own kernel
    }

    [Fact]
    public void Opens_files_that_exist()
    {
        var files = DevContainer().GetProperty("customizations").GetProperty("codespaces").GetProperty("openFiles")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(RepositoryFiles.Course.Root, f)), f + " does not exist"));
    }
}
