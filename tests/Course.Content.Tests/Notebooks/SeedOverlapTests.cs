namespace Course.Content.Tests.Notebooks;

/// <summary>
/// No notebook copies the seed essays: no run of 12 words (ignoring case and punctuation) in any markdown cell
/// or code comment, source or released, also occurs in a seed.
/// </summary>
public sealed class SeedOverlapTests
{
    private static readonly Lazy<HashSet<ulong>> s_seeds = new(SeedShingles.LoadFingerprints);

    [Fact]
    public void The_fingerprints_recognise_a_run_from_the_seeds_whatever_its_case_and_punctuation()
    {
        // The title of one seed essay, as a reader might quote it.
        const string Quoted = "Role of International Organizations in Collective Security: A Dilemma of International Security Order";
        Assert.True(s_seeds.Value.Count > 5000, $"only {s_seeds.Value.Count} seed fingerprints; the file looks truncated");
        Assert.Contains(SeedShingles.Fingerprint(SeedShingles.Runs(Quoted).First()), s_seeds.Value);
        Assert.Contains(SeedShingles.Fingerprint(SeedShingles.Runs(Quoted.ToUpperInvariant().Replace(":", " --", StringComparison.Ordinal)).First()), s_seeds.Value);
        Assert.DoesNotContain(SeedShingles.Fingerprint(SeedShingles.Runs("peacekeeping " + Quoted).First()), s_seeds.Value);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void No_twelve_word_run_is_shared_with_the_seeds(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        var copied = CourseNotebooks.ProseOf(notebook)
            .SelectMany(cell => SeedShingles.Runs(cell.Text).Where(run => s_seeds.Value.Contains(SeedShingles.Fingerprint(run))).Select(run => $"cell '{cell.CellId}': \"{run}\""))
            .Distinct()
            .ToList();
        Assert.True(copied.Count == 0, $"{folder}/{name} shares {copied.Count} run(s) of {SeedShingles.RunLength} words with the seed essays; rewrite in your own words:\n" + string.Join('\n', copied.Take(20)));
    }
}
