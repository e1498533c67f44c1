using System.Diagnostics;
using System.Text.Json;
using Course.Cli;
using Course.Cli.Infrastructure;
using Spectre.Console;

namespace Course.Kernel.Tests;

/// <summary>
/// A temporary Jupyter data folder with the course kernel installed by the real CLI (<c>course kernel
/// install --prefix</c>), pointing at the course.dll built next to these tests, and a way to run the
/// Python scripts that drive it with Jupyter's own client.
/// </summary>
public sealed class KernelFixture : IDisposable
{
    public const string KernelName = "csharp-course-test";

    public KernelFixture()
    {
        Root = Directory.CreateTempSubdirectory("course-kernel-tests-").FullName;
        var (exit, _, error) = RunCourse("kernel", "install", "--prefix", Root, "--name", KernelName);
        if (exit != 0)
        {
            throw new InvalidOperationException("course kernel install failed: " + error);
        }
    }

    public string Root { get; }

    /// <summary>The Jupyter data folder that holds <c>kernels/csharp-course-test</c>.</summary>
    public string JupyterPath => Path.Combine(Root, "share", "jupyter");

    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static (int Exit, string Output, string Error) RunCourse(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(
            AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) }),
            error);
        var exit = CourseApp.RunAsync(args, console).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs a Python script from the test folder and parses the JSON its last stdout line holds.</summary>
    public static JsonElement RunScript(string script, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {limit}; stderr: {stderr.Result}");
        }

        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(process.ExitCode == 0 && lines.Length > 0, $"{script} exited {process.ExitCode}; stderr: {stderr.Result}");
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that is still exiting may hold a file; the temp folder is cleaned later.
        }
    }
}
