using CollectiveSecurity.Data;
using CollectiveSecurity.Simulations;

namespace CollectiveSecurity.Tests.Simulations;

public class BurdenSharingModelTests
{
    private static readonly BurdenSharer[] s_states = [new("Large", 12), new("Medium", 4), new("Small A", 1.5), new("Small B", 1.5), new("Small C", 1)];

    [Fact]
    public void The_great_carry_the_small_and_the_good_is_underprovided()
    {
        var result = BurdenSharingModel.VoluntaryContributions(s_states, seed: 1);
        var large = result.Shares[0];
        Assert.Equal(0.6, large.ValuationShare, 10);
        Assert.Equal(1.0, large.ContributionShare, 10);
        Assert.Equal(12 - 1, result.Total, 9);
        Assert.Equal(20 - 1, result.EfficientTotal, 9);
        Assert.True(result.ProvisionRatio < 1);
        Assert.All(result.Shares.Skip(1), s => Assert.Equal(0, s.Contribution));
    }

    [Fact]
    public void Every_seed_reaches_the_same_equilibrium()
    {
        var totals = Enumerable.Range(0, 10).Select(seed => BurdenSharingModel.VoluntaryContributions(s_states, seed).Total).Distinct().ToArray();
        Assert.Single(totals);
        Assert.Throws<ArgumentException>(() => BurdenSharingModel.VoluntaryContributions([new("A", 1), new("A", 2)], 1));
    }

    [Fact]
    public void Contributions_were_spread_thinner_in_1999_than_in_2021_and_moved_south()
    {
        var y2021 = BurdenSharingModel.Concentration(CourseData.Contributors, new DateOnly(2021, 1, 31));
        Assert.Equal(122, y2021.Countries);
        Assert.Equal(81_932, y2021.Total);
        Assert.Equal(8, y2021.CountriesForHalf);

        var deployed1999 = CourseData.PersonnelByYear.Single(p => p.Year == 1999).TotalUniformed;
        var y1999 = BurdenSharingModel.Concentration(CourseData.Contributors, new DateOnly(1999, 11, 13), deployed1999);
        Assert.True(y1999.TopTenShare < y2021.TopTenShare);

        string[] Top(int year) => CourseData.Contributors.Where(c => c.Snapshot.Year == year && c.Rank <= 10).Select(c => c.Iso3).ToArray();
        Assert.Contains("IRL", Top(1999));
        Assert.Contains("USA", Top(1999));
        Assert.DoesNotContain("IRL", Top(2021));
        Assert.DoesNotContain("USA", Top(2021));
        Assert.Throws<ArgumentException>(() => BurdenSharingModel.Concentration(CourseData.Contributors, new DateOnly(2000, 1, 1)));
        Assert.Throws<ArgumentException>(() => BurdenSharingModel.Concentration(CourseData.Contributors, new DateOnly(1999, 11, 13), 100));
    }
}
