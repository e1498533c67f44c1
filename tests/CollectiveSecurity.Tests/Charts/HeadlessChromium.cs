using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>Runs Debian's chromium headless on a local page: dumps the DOM after the page settles, or takes a screenshot.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Fails the calling test (never skips it) when chromium or the npm packages are missing.</summary>
    public static void RequirePrerequisites()
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"Chromium not found at {Executable}. Run .ci/install-browser (or .ci/install-tools, the README's test set-up): it installs Debian's chromium and runs npm ci.");
        }

        foreach (var file in new[] { RepoPaths.PlotlyMinJs, RepoPaths.WorldTopojson })
        {
            if (!File.Exists(file))
            {
                Assert.Fail($"{file} is missing. Run .ci/install-browser (or .ci/install-tools, the README's test set-up): it runs npm ci in {RepoPaths.Root}.");
            }
        }
    }

    /// <summary>Loads the page, lets <paramref name="virtualTimeMs"/> of virtual time pass, and returns the serialized DOM.</summary>
    public static string DumpDom(string htmlPath, int virtualTimeMs = 15_000, params string[] extraArguments) =>
        Run([.. extraArguments, $"--virtual-time-budget={virtualTimeMs.ToString(CultureInfo.InvariantCulture)}", "--dump-dom", new Uri(htmlPath).AbsoluteUri]);

    /// <summary>Loads the page and saves a PNG of the window.</summary>
    public static void Screenshot(string htmlPath, string pngPath, int width, int height, int virtualTimeMs = 15_000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngPath)!);
        File.Delete(pngPath);
        Run(
        [
            $"--screenshot={pngPath}",
            string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"),
            "--hide-scrollbars",
            $"--virtual-time-budget={virtualTimeMs.ToString(CultureInfo.InvariantCulture)}",
            new Uri(htmlPath).AbsoluteUri,
        ]);
        Assert.True(File.Exists(pngPath), $"chromium wrote no screenshot at {pngPath}");
    }

    private static string Run(IEnumerable<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("cs-chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
            }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s: {string.Join(' ', start.ArgumentList)}");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Assert.Fail(new StringBuilder()
                    .Append(CultureInfo.InvariantCulture, $"chromium exited with {process.ExitCode}: {string.Join(' ', start.ArgumentList)}\n")
                    .Append(stderr.Result)
                    .ToString());
            }

            return stdout.Result;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // chromium's helpers may still hold the profile for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
