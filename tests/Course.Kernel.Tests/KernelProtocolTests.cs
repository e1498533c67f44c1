namespace Course.Kernel.Tests;

/// <summary>The kernel driven by Jupyter's own client (Python jupyter_client), as a real process, through every message type.</summary>
public sealed class KernelProtocolTests(KernelFixture kernel) : IClassFixture<KernelFixture>
{
    // Every check the script must report, so that a check that silently did not run fails the test.
    private static readonly string[] ExpectedChecks =
    [
        "start", "kernel_info", "heartbeat",
        "execute: status busy/idle, execute_input, execute_result",
        "stream stdout and stderr",
        "display_data and update_display_data",
        "error: runtime exception", "error: compile error",
        "execution counts go up by one per stored cell (errors included)",
        "silent: no execute_input, no outputs, count unchanged",
        "store_history=false: runs and shows, count unchanged",
        "state is shared between cells; count resumes",
        "a Polyglot cell (#!csharp first line) runs",
        "is_complete",
        "complete: members of a type", "complete: a variable from an earlier cell", "complete: members of an instance",
        "inspect: quick info at the cursor", "inspect: nothing there",
        "comm_info",
        "bad signature: ignored (no reply)", "bad signature: the forged execute changed nothing", "bad signature: a line on the kernel's stderr",
        "interrupt_request stops an endless loop with an error", "after an interrupt the kernel lives on with its state",
        "SIGINT stops an endless loop with an error",
        "interrupt of a blocked cell (no loop): error after the grace period", "after abandoning a blocked cell the kernel runs cells again",
        "restart: a fresh kernel (earlier state gone, count from 1)",
        "shutdown_reply, then the process exits",
    ];

    [Fact]
    public void Jupyter_client_drives_every_message_type_and_every_check_passes()
    {
        using var temp = new TempFolder();
        var verdicts = KernelFixture.RunScript(
            "kernel_protocol.py",
            TimeSpan.FromMinutes(5),
            "--jupyter-path", kernel.JupyterPath, "--name", KernelFixture.KernelName, "--log", Path.Combine(temp.Path, "kernel.log"));

        var byName = verdicts.EnumerateArray().ToDictionary(v => v.GetProperty("check").GetString()!, v => v);
        var missing = ExpectedChecks.Where(name => !byName.ContainsKey(name)).ToList();
        var failed = byName.Values.Where(v => !v.GetProperty("ok").GetBoolean())
            .Select(v => $"{v.GetProperty("check").GetString()}: {v.GetProperty("detail").GetString()}").ToList();
        Assert.True(missing.Count == 0 && failed.Count == 0, $"missing: {string.Join(", ", missing)}\nfailed:\n{string.Join("\n", failed)}");
    }

    [Fact]
    public void Notebooks_run_through_nbconvert_have_the_same_per_cell_outcomes_as_course_run()
    {
        using var temp = new TempFolder();
        var notebooks = new[] { "State.ipynb", "Errors.ipynb", "Formatting.ipynb" }
            .Select(name => Path.Combine(AppContext.BaseDirectory, "Notebooks", name)).ToArray();
        var runOut = Path.Combine(temp.Path, "course-run");
        var (exit, _, error) = KernelFixture.RunCourse(["run", Path.Combine(AppContext.BaseDirectory, "Notebooks"), "--out", runOut]);
        Assert.True(exit == 1, "Errors.ipynb has failing cells, so course run exits 1: " + error);

        var report = KernelFixture.RunScript(
            "compare_notebooks.py",
            TimeSpan.FromMinutes(5),
            ["--jupyter-path", kernel.JupyterPath, "--name", KernelFixture.KernelName, "--course-run-out", runOut, "--work", Path.Combine(temp.Path, "kernel"), .. notebooks]);

        var entries = report.EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        foreach (var entry in entries)
        {
            Assert.True(entry.GetProperty("mismatches").GetArrayLength() == 0, entry.ToString());
            Assert.True(entry.GetProperty("cells").GetInt32() > 0, entry.ToString());
        }

        // The error cells really are errors in both: the comparison is not between two empty runs.
        Assert.True(entries.Single(e => e.GetProperty("notebook").GetString()!.EndsWith("Errors.ipynb", StringComparison.Ordinal)).GetProperty("errors").GetInt32() > 0);
    }
}

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("course-kernel-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder later.
        }
    }
}
