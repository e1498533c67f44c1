using System.Diagnostics;
using System.IO.Compression;
using Course.Grading.Sandbox;

namespace Course.Grading.Tests.Autograder;

/// <summary>
/// Builds one Gradescope bundle for the test assignment with the real <c>course autograder</c> verb (shipping
/// the Course.Cli build that this test project was built with), and unzips it once for every test.
/// </summary>
public sealed class BundleFixture : IAsyncLifetime
{
    /// <summary>The course repository (holds Course.sln), found by walking up from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Course.Cli's own build output in the same configuration as the tests (bin/&lt;Configuration&gt;/net10.0).</summary>
    public static string GraderBuild
    {
        get
        {
            var testBin = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            return Path.Combine(RepositoryRoot, "grader", "Course.Cli", "bin", testBin.Parent!.Name, testBin.Name);
        }
    }

    public string Folder { get; } = TestPaths.NewTempFolder("autograder");

    public string ZipPath => Path.Combine(Folder, "council-votes-autograder.zip");

    /// <summary>The unzipped bundle: what Gradescope puts in /autograder/source.</summary>
    public string Source => Path.Combine(Folder, "source");

    public string VerbOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var (exit, output, error) = await TestConsole.RunAsync("autograder", "--source", TestPaths.SourceNotebook, "--out", ZipPath, "--grader", GraderBuild);
        if (exit != 0)
        {
            throw new InvalidOperationException("course autograder failed: " + error);
        }

        VerbOutput = output;
        ZipFile.ExtractToDirectory(ZipPath, Source);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A fresh simulated /autograder tree (source = the unzipped bundle, submission = <paramref name="submit"/>'s
    /// files, results empty), then the bundle's real run_autograder run by bash with AUTOGRADER_ROOT pointing
    /// at it and DOTNET at this machine's dotnet (setup.sh's installs are skipped). Returns the tree's root,
    /// run_autograder's exit code and its log.
    /// </summary>
    public async Task<(string Root, int Exit, string Log)> RunAutograderAsync(Action<string> submit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = Path.Combine(Folder, "runs", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "submission"));
        Directory.CreateDirectory(Path.Combine(root, "results"));
        Directory.CreateSymbolicLink(Path.Combine(root, "source"), Source);
        submit(Path.Combine(root, "submission"));

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "source", "run_autograder"));
        start.Environment["AUTOGRADER_ROOT"] = root;
        start.Environment["DOTNET"] = new WorkerOptions().DotnetHost;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("run_autograder did not finish in 5 minutes");
        }

        return (root, process.ExitCode, await stdout + await stderr);
    }
}
