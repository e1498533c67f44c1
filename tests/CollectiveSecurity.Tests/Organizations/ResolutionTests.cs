using CollectiveSecurity.Data;
using CollectiveSecurity.Organizations;

namespace CollectiveSecurity.Tests.Organizations;

public class ResolutionTests
{
    [Fact]
    public void Citations_parse_and_print_the_UN_way()
    {
        var r = Resolution.TryParse("S/RES/678 (1990)");
        Assert.Equal(new Resolution(678, 1990), r);
        Assert.Equal("S/RES/678 (1990)", r!.Symbol);
        Assert.Null(Resolution.TryParse("S/2011/612"));
        Assert.Null(Resolution.TryParse("A/RES/1000 (ES-I)"));
        Assert.Throws<ArgumentException>(() => new Resolution(678, 1990, new DateOnly(1991, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resolution(0, 1990));
    }

    [Fact]
    public void Enforcement_cases_expose_their_Council_resolutions_with_date_and_vote()
    {
        var iraq = CourseData.EnforcementCases.Single(c => c.Id == 9);
        var r678 = iraq.CouncilResolutions.Single(r => r.Number == 678);
        Assert.Equal("S/RES/678 (1990), 1990-11-29, 12-2-1", r678.ToString());

        var kosovo = CourseData.EnforcementCases.Single(c => c.Resolutions.Any(r => r.StartsWith("S/1999/328", StringComparison.Ordinal)));
        Assert.Equal(3, kosovo.CouncilResolutions.Count);
        var all = CourseData.EnforcementCases.SelectMany(c => c.CouncilResolutions).ToArray();
        Assert.Equal(88, all.Count(r => r.Adopted is not null && r.Year <= 2019));
    }

    [Fact]
    public void Missions_authorized_by_the_Council_cite_dated_resolutions()
    {
        var councilMissions = CourseData.Missions.Where(m => m.AuthorizedBy == AuthorizingOrgan.SecurityCouncil).ToArray();
        Assert.Equal(69, councilMissions.Length);
        Assert.All(councilMissions, m => Assert.NotEmpty(m.CouncilResolutions));
        Assert.Equal(new Resolution(50, 1948, new DateOnly(1948, 5, 29)), CourseData.Missions[0].CouncilResolutions[0]);
        Assert.Empty(CourseData.Missions.Single(m => m.Acronym == "UNEF I").CouncilResolutions);
    }
}
