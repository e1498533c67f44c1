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
/// <para>
/// A record is reused only if it is authentic: each carries an HMAC-SHA256, over the student, the
/// assignment, the key and the result, made with a 256-bit secret the grader keeps in
/// <c>&lt;out&gt;/.grader-key</c> (owner-only; never shown to a sandboxed worker, which sees none of the
/// grader's folders). A record written by anything else, copied from another output folder or moved to
/// another student does not verify and is graded again. Workers that ran without the sandbox
/// (<paramref name="workersSandboxed"/> false) could have read the secret and forged records, so such a
/// run reuses nothing, writes unsigned records (never reused) and deletes the secret before and after
/// grading (<see cref="Forget"/>): a later sandboxed run starts with a new secret. On reuse, results.json
/// and feedback.html are written again from the verified record, so a tampered copy does not survive.
/// </para>
/// </summary>
/// <param name="outFolder">The batch's output folder.</param>
/// <param name="workersSandboxed">True when every worker of this run is in the operating-system sandbox.</param>
public sealed class ResultStore(string outFolder, bool workersSandboxed = true)
{
    /// <summary>Changes whenever grading could give a different result for the same input.</summary>
    public const string GraderVersion = "course-grader/2";

    /// <summary>The secret's file in the output folder.</summary>
    public const string KeyFileName = ".grader-key";

    private const string RecordFileName = ".grade-record.json";
    private const int SecretBytes = 32;
    private const long MaxRecordBytes = 16L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock _secretLock = new();
    private byte[]? _secret;

    public string OutFolder { get; } = Path.GetFullPath(outFolder ?? throw new ArgumentNullException(nameof(outFolder)));

    /// <summary>True when records may be reused (every worker of this run is sandboxed).</summary>
    public bool ReusesRecords => workersSandboxed;

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

    /// <summary>
    /// The finished result for <paramref name="key"/>, or null when there is none, or it is stale, damaged,
    /// unsigned or signed with another secret, or this run reuses nothing. A reused result's
    /// results.json and feedback.html are written again from it.
    /// </summary>
    public SubmissionResult? TryLoad(string studentId, string assignment, string key)
    {
        if (!workersSandboxed)
        {
            return null;
        }

        var folder = FolderOf(studentId, assignment);
        var path = Path.Combine(folder, RecordFileName);
        var secret = ExistingSecret();
        var info = new FileInfo(path);
        if (secret is null || !info.Exists || info.LinkTarget is not null || info.Length > MaxRecordBytes)
        {
            return null;
        }

        SubmissionResult? result;
        try
        {
            var record = JsonSerializer.Deserialize<GradeRecord>(File.ReadAllBytes(path), Json);
            if (record?.Result is null || record.Key != key || record.Mac is null
                || record.Result.StudentId != studentId || record.Result.Assignment != assignment
                || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(record.Mac), Mac(secret, studentId, assignment, key, record.Result)))
            {
                return null;
            }

            result = record.Result;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or FormatException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        WriteReports(result);
        return result;
    }

    /// <summary>
    /// Writes feedback, results and then the record, each atomically. With <paramref name="reusable"/> false
    /// (a result that says the grader itself failed) no record is written, so a rerun grades it again.
    /// </summary>
    public void Save(SubmissionResult result, string key, bool reusable = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(key);
        WriteReports(result);
        var record = Path.Combine(FolderOf(result.StudentId, result.Assignment), RecordFileName);
        if (!reusable)
        {
            File.Delete(record);
            return;
        }

        var mac = workersSandboxed ? Convert.ToHexString(Mac(Secret(), result.StudentId, result.Assignment, key, result)) : null;
        AtomicFile.WriteAllBytes(record, JsonSerializer.SerializeToUtf8Bytes(new GradeRecord(key, mac, result), Json));
    }

    /// <summary>
    /// Deletes the secret (and so invalidates every record signed with it). A run without the sandbox calls
    /// it before its first worker starts and after its last one ended.
    /// </summary>
    public void Forget()
    {
        lock (_secretLock)
        {
            _secret = null;
            var path = Path.Combine(OutFolder, KeyFileName);
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                File.Delete(path);
            }
        }
    }

    private void WriteReports(SubmissionResult result)
    {
        var folder = FolderOf(result.StudentId, result.Assignment);
        RealFolder(Path.GetDirectoryName(folder)!);
        RealFolder(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, "feedback.html"), FeedbackHtml.Render(result));
        AtomicFile.WriteAllText(Path.Combine(folder, "results.json"), GradescopeResults.ToJson(result));
    }

    // A folder of the output that is a symbolic link (planted by a worker of an unsandboxed run) would send
    // writes elsewhere: the link is removed (not what it points to) and a real folder made.
    private static void RealFolder(string folder)
    {
        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            File.Delete(folder);
        }

        Directory.CreateDirectory(folder);
    }

    private static byte[] Mac(byte[] secret, string studentId, string assignment, string key, SubmissionResult result)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        mac.AppendData(Encoding.UTF8.GetBytes($"{GraderVersion}\0{studentId}\0{assignment}\0{key}\0"));
        mac.AppendData(JsonSerializer.SerializeToUtf8Bytes(result, Json));
        return mac.GetHashAndReset();
    }

    // The secret if the output folder has a valid one, else null (nothing signed with another can verify).
    private byte[]? ExistingSecret()
    {
        lock (_secretLock)
        {
            return _secret ??= ReadSecret(Path.Combine(OutFolder, KeyFileName));
        }
    }

    // The secret, made on first use: 32 random bytes in a new owner-only file.
    private byte[] Secret()
    {
        lock (_secretLock)
        {
            if (ExistingSecret() is { } secret)
            {
                return secret;
            }

            var path = Path.Combine(OutFolder, KeyFileName);
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                File.Delete(path);
            }

            Directory.CreateDirectory(OutFolder);
            var fresh = RandomNumberGenerator.GetBytes(SecretBytes);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            {
                stream.Write(fresh);
                stream.Flush(flushToDisk: true);
            }

            return _secret = fresh;
        }
    }

    private static byte[]? ReadSecret(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Length != SecretBytes)
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == SecretBytes ? bytes : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record GradeRecord(string Key, string? Mac, SubmissionResult Result);
}
