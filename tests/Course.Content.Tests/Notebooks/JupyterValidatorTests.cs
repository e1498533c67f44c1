using System.Diagnostics;

namespace Course.Content.Tests.Notebooks;

/// <summary>
/// Every notebook, source and released, passes Jupyter's own validator: Debian's python3-nbformat, run as a real
/// process (<c>nbformat.validate</c> against the nbformat 4 JSON schema).
/// </summary>
public sealed class JupyterValidatorTests
{
    private const string Python = "/usr/bin/python3";

    // Reads and validates each path given; prints one line per file so the test can check every file was seen.
    private const string Script = """
        import sys
        try:
            import nbformat
        except ImportError:
            print("NO-NBFORMAT")
            sys.exit(3)
        for path in sys.argv[1:]:
            try:
                nbformat.validate(nbformat.read(path, as_version=4))
                print("VALID\t" + path)
            except Exception as error:
                print("INVALID\t" + path + "\t" + " ".join(str(error).split())[:400])
        """;

    [Fact]
    public async Task Every_notebook_passes_nbformat_validate()
    {
        var paths = CourseNotebooks.Folders
            .SelectMany(folder => CourseNotebooks.FileNames.Select(name => CourseNotebooks.RequirePath(folder, name)))
            .ToList();
        Assert.True(File.Exists(Python), $"{Python} is missing: run .ci/install-tools (it installs python3 and python3-nbformat)");

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Python);
        var stderrTask = process.StandardError.ReadToEndAsync();
        var lines = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await process.WaitForExitAsync();
        var stderr = await stderrTask;

        Assert.False(lines.Contains("NO-NBFORMAT"), "python3-nbformat is missing: run .ci/install-tools");
        var invalid = lines.Where(l => l.StartsWith("INVALID", StringComparison.Ordinal)).ToList();
        Assert.True(invalid.Count == 0, "Jupyter's validator rejects:\n" + string.Join('\n', invalid));
        var valid = lines.Where(l => l.StartsWith("VALID\t", StringComparison.Ordinal)).Select(l => l["VALID\t".Length..]).ToList();
        Assert.True(
            paths.Order(StringComparer.Ordinal).SequenceEqual(valid.Order(StringComparer.Ordinal)),
            $"the validator did not report on every notebook (exit {process.ExitCode}): {string.Join(' ', lines)} {stderr}");
        Assert.Equal(0, process.ExitCode);
    }
}
