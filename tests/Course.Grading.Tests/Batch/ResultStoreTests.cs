using System.Text;
using Course.Grading.Batch;
using Course.Grading.Results;

namespace Course.Grading.Tests.Batch;

/// <summary>A rerun reuses only records the grader itself signed for this output folder, and nothing after a run without the sandbox.</summary>
public sealed class ResultStoreTests
{
    private static SubmissionResult Result(string student, decimal score) => new(
        student, "council-votes", [new TestOutcome("test-a", score, 2, score > 0 ? TestStatus.Passed : TestStatus.Failed, score > 0 ? string.Empty : "wrong", false)], "summary", []);

    private static string Record(string output, string student) => Path.Combine(output, student, "council-votes", ".grade-record.json");

    [Fact]
    public void A_saved_result_is_reused_with_its_key_and_only_with_it()
    {
        var output = TestPaths.NewTempFolder("store");
        var store = new ResultStore(output);
        store.Save(Result("alice", 2), "KEY");
        Assert.Equal(2, new ResultStore(output).TryLoad("alice", "council-votes", "KEY")!.Score);
        Assert.Null(new ResultStore(output).TryLoad("alice", "council-votes", "OTHER"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(output, ResultStore.KeyFileName)));
        }
    }

    [Fact]
    public void A_record_rewritten_to_a_better_grade_is_not_reused()
    {
        var output = TestPaths.NewTempFolder("store");
        new ResultStore(output).Save(Result("mallory", 0), "KEY");
        var path = Record(output, "mallory");
        var forged = File.ReadAllText(path)
            .Replace("\"Score\": 0", "\"Score\": 2", StringComparison.Ordinal)
            .Replace("\"Status\": \"Failed\"", "\"Status\": \"Passed\"", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(path), forged);
        File.WriteAllText(path, forged);
        Assert.Null(new ResultStore(output).TryLoad("mallory", "council-votes", "KEY"));
    }

    [Fact]
    public void A_record_copied_from_another_output_folder_or_student_is_not_reused()
    {
        var first = TestPaths.NewTempFolder("store-a");
        var second = TestPaths.NewTempFolder("store-b");
        new ResultStore(first).Save(Result("alice", 2), "KEY");
        new ResultStore(second).Save(Result("mallory", 0), "KEY");
        File.Copy(Record(first, "alice"), Record(second, "mallory"), overwrite: true);
        Assert.Null(new ResultStore(second).TryLoad("mallory", "council-votes", "KEY"));
        Directory.CreateDirectory(Path.Combine(second, "alice", "council-votes"));
        File.Copy(Record(first, "alice"), Record(second, "alice"));
        Assert.Null(new ResultStore(second).TryLoad("alice", "council-votes", "KEY"));
    }

    [Fact]
    public void A_run_without_the_sandbox_reuses_nothing_and_forgets_the_secret()
    {
        var output = TestPaths.NewTempFolder("store");
        new ResultStore(output).Save(Result("alice", 2), "KEY");
        var unsandboxed = new ResultStore(output, workersSandboxed: false);
        Assert.Null(unsandboxed.TryLoad("alice", "council-votes", "KEY"));
        unsandboxed.Forget();
        Assert.False(File.Exists(Path.Combine(output, ResultStore.KeyFileName)));
        unsandboxed.Save(Result("bob", 2), "KEY");
        Assert.False(File.Exists(Path.Combine(output, ResultStore.KeyFileName)));

        // A later sandboxed run makes a new secret: nothing written before (or by a worker during) that run verifies.
        var later = new ResultStore(output);
        Assert.Null(later.TryLoad("alice", "council-votes", "KEY"));
        Assert.Null(later.TryLoad("bob", "council-votes", "KEY"));
        File.WriteAllBytes(Path.Combine(output, ResultStore.KeyFileName), Encoding.ASCII.GetBytes("a secret a worker chose, 32 byte"));
        Assert.Null(new ResultStore(output).TryLoad("bob", "council-votes", "KEY"));
    }

    [Fact]
    public void A_reused_result_rewrites_tampered_reports_and_an_output_folder_link_is_replaced()
    {
        var output = TestPaths.NewTempFolder("store");
        new ResultStore(output).Save(Result("alice", 2), "KEY");
        var results = Path.Combine(output, "alice", "council-votes", "results.json");
        var honest = File.ReadAllText(results);
        File.WriteAllText(results, "{\"score\": 100}");
        Assert.NotNull(new ResultStore(output).TryLoad("alice", "council-votes", "KEY"));
        Assert.Equal(honest, File.ReadAllText(results));

        var elsewhere = TestPaths.NewTempFolder("store-elsewhere");
        Directory.CreateSymbolicLink(Path.Combine(output, "bob"), elsewhere);
        new ResultStore(output).Save(Result("bob", 0), "KEY");
        Assert.Null(new DirectoryInfo(Path.Combine(output, "bob")).LinkTarget);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }
}
