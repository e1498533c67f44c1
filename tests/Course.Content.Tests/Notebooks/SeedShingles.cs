using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Course.Content.Tests.Notebooks;

/// <summary>
/// Runs of <see cref="RunLength"/> words, normalised so that case, punctuation and apostrophes do not matter,
/// and their fingerprints. The course's seed essays are not part of the repository, so the tests compare
/// against <c>seed-fingerprints.txt</c>: one fingerprint per 12-word run of the seeds (the first 8 bytes of
/// the SHA-256 of the run's words joined by single spaces, as hex), written by <see cref="WriteFingerprints"/>.
/// </summary>
internal static partial class SeedShingles
{
    /// <summary>The length of a shared run that counts as copying.</summary>
    public const int RunLength = 12;

    /// <summary>The fingerprint file, next to this source file in the repository.</summary>
    public static string FingerprintFile =>
        Path.Combine(CourseNotebooks.Course.Root, "tests", "Course.Content.Tests", "Notebooks", "seed-fingerprints.txt");

    /// <summary>The words of <paramref name="text"/>: lower case, letters and digits only, apostrophes dropped.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal))
            .Select(m => m.Value)
            .ToList();

    /// <summary>Every run of <see cref="RunLength"/> consecutive words in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Runs(string text)
    {
        var words = Words(text);
        for (var i = 0; i + RunLength <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(RunLength));
        }
    }

    /// <summary>The fingerprint of one run.</summary>
    public static ulong Fingerprint(string run) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(run)));

    /// <summary>Reads the committed fingerprints of the seed essays.</summary>
    public static HashSet<ulong> LoadFingerprints()
    {
        Assert.True(File.Exists(FingerprintFile), $"missing {FingerprintFile}: it is generated from the seed essays (see SeedShingles.WriteFingerprints)");
        return File.ReadLines(FingerprintFile)
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => ulong.Parse(l, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    /// <summary>Writes the fingerprints of every seed essay in <paramref name="seedFolder"/> (used once, when the seeds change).</summary>
    public static void WriteFingerprints(string seedFolder, string outputFile)
    {
        var prints = Directory.GetFiles(seedFolder, "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Runs(File.ReadAllText(f)))
            .Select(Fingerprint)
            .Distinct()
            .Order()
            .Select(p => p.ToString("x16", CultureInfo.InvariantCulture));
        File.WriteAllLines(outputFile, new[]
        {
            "# Fingerprints of every 12-word run in the course's seed essays (/work/shared/seeds), for the no-copying test.",
            "# Each line: first 8 bytes of SHA-256 of the run's normalised words joined by spaces (see SeedShingles.cs).",
        }.Concat(prints));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
