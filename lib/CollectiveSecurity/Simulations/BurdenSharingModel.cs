using System.Globalization;
using CollectiveSecurity.Data;

namespace CollectiveSecurity.Simulations;

/// <summary>A state in the burden-sharing game and how much it values the common good (peace kept somewhere).</summary>
/// <param name="Name">State name.</param>
/// <param name="Valuation">How much it values the public good, in the model's units (think: its economic size); at least 0.</param>
public sealed record BurdenSharer(string Name, double Valuation)
{
    /// <summary>Valuation (never negative).</summary>
    public double Valuation { get; } = Valuation >= 0 ? Valuation : throw new ArgumentOutOfRangeException(nameof(Valuation), Valuation, "cannot be negative");
}

/// <summary>One state's share of the burden in equilibrium.</summary>
/// <param name="Name">State name.</param>
/// <param name="ValuationShare">Its share of all valuations (its share of the benefit), 0-1.</param>
/// <param name="Contribution">What it contributes.</param>
/// <param name="ContributionShare">Its share of all contributions, 0-1.</param>
public sealed record BurdenShare(string Name, double ValuationShare, double Contribution, double ContributionShare)
{
    /// <summary>One line, e.g. "Large: 60% of the benefit, 100% of the burden".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {ValuationShare * 100:F0}% of the benefit, {ContributionShare * 100:F0}% of the burden");
}

/// <summary>The voluntary-contribution equilibrium of a burden-sharing game.</summary>
/// <param name="Shares">Each state's burden, in the order given.</param>
/// <param name="Total">Total provided in equilibrium.</param>
/// <param name="EfficientTotal">What would maximise the sum of all states' benefits (the Samuelson level).</param>
/// <param name="Rounds">Best-response rounds until no state changed its contribution.</param>
public sealed record BurdenSharingResult(IReadOnlyList<BurdenShare> Shares, double Total, double EfficientTotal, int Rounds)
{
    /// <summary>Total provided as a share of the efficient total (below 1: under-provision).</summary>
    public double ProvisionRatio => EfficientTotal <= 0 ? 1 : Total / EfficientTotal;

    /// <summary>One line, e.g. "provided 9.0 of an efficient 17.0 (53%); free riders: 4".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"provided {Total:F1} of an efficient {EfficientTotal:F1} ({ProvisionRatio * 100:F0}%); free riders: {Shares.Count(s => s.Contribution == 0)}");
}

/// <summary>How concentrated the contributions of troops and police are at one snapshot.</summary>
/// <param name="Snapshot">Date of the snapshot.</param>
/// <param name="Countries">Contributing countries listed in the snapshot.</param>
/// <param name="Total">Uniformed personnel in all (the listed sum, or the total deployed when given).</param>
/// <param name="TopTenShare">Share of the ten largest contributors, 0-1.</param>
/// <param name="CountriesForHalf">How many of the largest contributors together provide half (listed countries + 1 when the list does not reach half).</param>
/// <param name="Herfindahl">Herfindahl-Hirschman index of the listed shares, 0-1 (1 = a single contributor); a lower bound when only the largest are listed.</param>
public sealed record ContributorConcentration(DateOnly Snapshot, int Countries, int Total, double TopTenShare, int CountriesForHalf, double Herfindahl)
{
    /// <summary>One line with the figures.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Snapshot:yyyy-MM-dd}: {Countries} countries, {Total} personnel; top ten {TopTenShare * 100:F0}%, {CountriesForHalf} provide half, HHI {Herfindahl:F3}");
}

/// <summary>
/// Burden sharing among contributors: who pays for the common good of peace. A voluntary-contribution game shows the
/// "exploitation of the great by the small" (Olson and Zeckhauser 1966); the contributor data show who actually carries it.
/// </summary>
/// <remarks>
/// <para>Assumptions of the game: each state i gets v_i · ln(1 + C) from the total C provided and pays its own contribution c_i.
/// Its best response to the others' total C₋ᵢ is c_i = max(0, v_i - 1 - C₋ᵢ). States revise one at a time in an order shuffled each
/// round with the seed, until nobody changes (the equilibrium is unique; the seed changes only the path). The efficient total
/// maximises Σ v_i · ln(1 + C) - C, i.e. C* = Σ v_i - 1.</para>
/// </remarks>
public static class BurdenSharingModel
{
    /// <summary>Finds the voluntary-contribution equilibrium.</summary>
    /// <param name="states">The states (at least one; names unique).</param>
    /// <param name="seed">Seed for the order of revisions.</param>
    /// <param name="maxRounds">Rounds at most (1-10,000).</param>
    public static BurdenSharingResult VoluntaryContributions(IReadOnlyList<BurdenSharer> states, int seed, int maxRounds = 1000)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0 || states.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != states.Count)
        {
            throw new ArgumentException("at least one state, names unique", nameof(states));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxRounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRounds, 10_000);
        var random = new Random(seed);
        var contribution = new double[states.Count];
        var order = Enumerable.Range(0, states.Count).ToArray();
        var rounds = 0;
        var changed = true;
        while (changed && rounds < maxRounds)
        {
            rounds++;
            changed = false;
            random.Shuffle(order);
            foreach (var i in order)
            {
                var others = contribution.Sum() - contribution[i];
                var best = Math.Max(0, states[i].Valuation - 1 - others);
                if (Math.Abs(best - contribution[i]) > 1e-12)
                {
                    contribution[i] = best;
                    changed = true;
                }
            }
        }

        var total = contribution.Sum();
        var valuations = states.Sum(s => s.Valuation);
        var shares = states.Select((s, i) => new BurdenShare(s.Name, valuations == 0 ? 0 : s.Valuation / valuations, contribution[i], total == 0 ? 0 : contribution[i] / total)).ToArray();
        return new BurdenSharingResult(shares, total, Math.Max(0, valuations - 1), rounds);
    }

    /// <summary>How concentrated the contributions are at one snapshot of <see cref="CourseData.Contributors"/>.</summary>
    /// <param name="contributors">Contributors, any snapshots.</param>
    /// <param name="snapshot">The snapshot date, e.g. 2021-01-31.</param>
    /// <param name="totalDeployed">
    /// All uniformed personnel deployed at the time, when the snapshot lists only the largest contributors (the 1999 snapshot lists twelve;
    /// use the year's figure from <see cref="CourseData.PersonnelByYear"/>). Null: the listed contributors are all of them.
    /// </param>
    /// <exception cref="ArgumentException">No contributor has that snapshot date, or the total is smaller than the listed personnel.</exception>
    public static ContributorConcentration Concentration(IEnumerable<Contributor> contributors, DateOnly snapshot, int? totalDeployed = null)
    {
        ArgumentNullException.ThrowIfNull(contributors);
        var sizes = contributors.Where(c => c.Snapshot == snapshot).Select(c => c.TotalUniformed).OrderDescending().ToArray();
        if (sizes.Length == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"no contributors on {snapshot:yyyy-MM-dd}"), nameof(snapshot));
        }

        if (totalDeployed < sizes.Sum())
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the total deployed ({totalDeployed}) is smaller than the {sizes.Sum()} listed"), nameof(totalDeployed));
        }

        double total = totalDeployed ?? sizes.Sum();
        var running = 0;
        var forHalf = 0;
        while (running * 2 < total && forHalf < sizes.Length)
        {
            running += sizes[forHalf++];
        }

        // When the listed contributors do not reach half of the total, the count is unknown: report all listed plus one.
        forHalf = running * 2 >= total ? forHalf : sizes.Length + 1;
        return new ContributorConcentration(snapshot, sizes.Length, (int)total, sizes.Take(10).Sum() / total, forHalf, sizes.Sum(s => (s / total) * (s / total)));
    }
}
