using System.Diagnostics;
using Course.Notebooks;

namespace Course.Grading.Tests.Cli;

/// <summary>
/// The README's test command starts with <c>bash .ci/install-tools</c>: on every system it must exit 0 (so that
/// <c>dotnet test</c> always runs), say in at most one line per problem what it could not install, and call
/// apt-get only on a Linux that has it. The real script runs with a fake <c>uname</c>, <c>id</c>, <c>apt-get</c>
/// and <c>sudo</c> first on an otherwise empty PATH, which simulates macOS, Windows' Git Bash and a Debian whose
/// package mirror fails.
/// </summary>
public sealed class InstallToolsTests
{
    private static string Script => Path.Combine(
        CourseDirectory.TryFind(AppContext.BaseDirectory)?.Root ?? throw new InvalidOperationException("no Course.sln above the tests"), ".ci", "install-tools");

    private static async Task<(int Exit, string[] Lines, string AptLog)> RunAsync(string os, int uid, int aptExit)
    {
        var bin = TestPaths.NewTempFolder("fake-bin");
        var aptLog = Path.Combine(bin, "apt.log");
        void Tool(string name, string body)
        {
            var path = Path.Combine(bin, name);
            File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Tool("uname", $"echo '{os}'");
        Tool("id", $"echo {uid}");
        Tool("apt-get", $"echo \"apt-get $*\" >> '{aptLog}'; exit {aptExit}");
        Tool("sudo", $"echo sudo >> '{aptLog}'; \"$@\"");
        File.CreateSymbolicLink(Path.Combine(bin, "dirname"), "/usr/bin/dirname");

        var start = new ProcessStartInfo("/bin/bash", [Script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = bin;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = ((await output) + (await error)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (process.ExitCode, lines, File.Exists(aptLog) ? await File.ReadAllTextAsync(aptLog) : string.Empty);
    }

    [Theory]
    [InlineData("Darwin")]
    [InlineData("MINGW64_NT-10.0-19045")]
    public async Task Without_apt_get_it_prints_one_line_of_what_to_install_and_exits_zero(string os)
    {
        // bwrap and npm are not on the fake PATH, so at least bubblewrap is missing.
        var (exit, lines, aptLog) = await RunAsync(os, uid: 501, aptExit: 0);

        Assert.Equal(0, exit);
        var line = Assert.Single(lines);
        Assert.StartsWith($"install-tools: on {os}, install these yourself if you want every test to run: ", line, StringComparison.Ordinal);
        Assert.Contains("bubblewrap", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, aptLog);
    }

    [Fact]
    public async Task On_a_Debian_whose_apt_get_fails_it_says_so_in_one_line_and_exits_zero()
    {
        var (exit, lines, aptLog) = await RunAsync("Linux", uid: 0, aptExit: 100);

        Assert.Equal(0, exit);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("install-tools: apt-get install ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("install-tools: apt-get could not install ", lines[1], StringComparison.Ordinal);
        Assert.Contains("the tests that need them will say so", lines[1], StringComparison.Ordinal);
        // One quiet update; it failed, so no install was attempted; root needs no sudo.
        Assert.Equal("apt-get update -qq\n", aptLog);
    }

    [Fact]
    public async Task On_a_Debian_as_a_user_it_installs_the_missing_packages_quietly_through_sudo()
    {
        var (exit, lines, aptLog) = await RunAsync("Linux", uid: 1000, aptExit: 0);

        Assert.Equal(0, exit);
        var line = Assert.Single(lines);
        Assert.StartsWith("install-tools: apt-get install ", line, StringComparison.Ordinal);
        var calls = aptLog.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sudo", calls[0]);
        Assert.Equal("apt-get update -qq", calls[1]);
        Assert.Equal("sudo", calls[2]);
        Assert.StartsWith("apt-get install -y -qq --no-install-recommends ", calls[3], StringComparison.Ordinal);
        Assert.Contains("bubblewrap", calls[3], StringComparison.Ordinal);
    }
}
