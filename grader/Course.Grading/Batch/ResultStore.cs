using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Course.Grading.Reports;
using Course.Grading.Results;

namespace Course.Grading.Batch;

/// <summary>
/// Where a batch keeps each finished grade: <c>&lt;out&gt;/&lt;student&gt;/&lt;assignment&gt;/</c> gets
/// <c>feedback.html</c> and <c>results.json</c>, then a <c>.grade-record.json</c> holding the result and
/// the key it was computed for (a hash of the submission's bytes, the instructor's notebook and the
/// grading settings). All three are written atomically, the record last, so a batch killed half-way
/// and started again reuses every grade that was finished and redoes only the rest.
/// </summary>
public sealed class ResultStore(string outFolder)
{
    /// <summary>Changes whenever grading could give a different result for the same input.</summary>
    public const string GraderVersion = "course-grader/2";

    private const string RecordFileName = ".grade-record.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string OutFolder { get; } = Path.GetFullPath(outFolder ?? throw new ArgumentNullException(nameof(outFolder)));

    /// <summary>The folder of one student's assignment.</summary>
    public string FolderOf(string studentId, string assignment) => Path.Combine(OutFolder, studentId, assignment);

    /// <summary>The key of a grade: what it depends on.</summary>
    public static string KeyOf(byte[] submission, string instructorNotebook, string settings)
    {
        ArgumentNullException.ThrowIfNull(submission);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(GraderVersion + "\0" + settings + "\0"));
        hash.AppendData(Encoding.UTF8.GetBytes(instructorNotebook ?? string.Empty));
        hash.AppendData("\0"u8);
        hash.AppendData(submission);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The finished result for <paramref name="key"/>, or null when there is none (or it is stale or damaged).</summary>
    public SubmissionResult? TryLoad(string studentId, string assignment, string key)
    {
        var folder = FolderOf(studentId, assignment);
        var path = Path.Combine(folder, RecordFileName);
        if (!File.Exists(path) || !File.Exists(Path.Combine(folder, "results.json")) || !File.Exists(Path.Combine(folder, "feedback.html")))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<GradeRecord>(File.ReadAllBytes(path), Json);
            return record is not null && record.Key == key ? record.Result : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes feedback, results and then the record, each atomically.</summary>
    public void Save(SubmissionResult result, string key)
    {
        ArgumentNullException.ThrowIfNull(result);
        var folder = FolderOf(result.StudentId, result.Assignment);
        AtomicFile.WriteAllText(Path.Combine(folder, "feedback.html"), FeedbackHtml.Render(result));
        AtomicFile.WriteAllText(Path.Combine(folder, "results.json"), GradescopeResults.ToJson(result));
        AtomicFile.WriteAllBytes(Path.Combine(folder, RecordFileName), JsonSerializer.SerializeToUtf8Bytes(new GradeRecord(key, result), Json));
    }

    private sealed record GradeRecord(string Key, SubmissionResult Result);
}
