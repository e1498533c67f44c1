using CollectiveSecurity.Data;
using CollectiveSecurity.Simulations;

namespace CollectiveSecurity.Tests.Simulations;

public class CouncilVotingSimulationTests
{
    [Fact]
    public void The_same_seed_gives_the_same_results_and_another_seed_differs()
    {
        var a = CouncilVotingSimulation.Run(CouncilVotingSimulation.SecurityCouncilToday, 2000, seed: 42);
        var b = CouncilVotingSimulation.Run(CouncilVotingSimulation.SecurityCouncilToday, 2000, seed: 42);
        var c = CouncilVotingSimulation.Run(CouncilVotingSimulation.SecurityCouncilToday, 2000, seed: 43);
        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(a.BlockedBy, b.BlockedBy);
        Assert.NotEqual(a.Adopted, c.Adopted);
    }

    [Fact]
    public void More_veto_players_mean_fewer_decisions()
    {
        var results = CouncilVotingSimulation.Run(CouncilVotingSimulation.StandardDesigns, 5000, seed: 1).ToDictionary(r => r.Design);
        double Rate(CouncilDesign d) => results[d.Name].AdoptionRate;
        Assert.True(Rate(CouncilVotingSimulation.LeagueUnanimity) < Rate(CouncilVotingSimulation.SecurityCouncilToday));
        // New veto-holders placed between the existing extremes are absorbed: they block no more than today's five.
        Assert.True(Rate(CouncilVotingSimulation.MorePermanentMembers) <= Rate(CouncilVotingSimulation.SecurityCouncilToday));
        Assert.True(Rate(CouncilVotingSimulation.SecurityCouncilToday) < Rate(CouncilVotingSimulation.VetoRestraint));
        Assert.True(Rate(CouncilVotingSimulation.VetoRestraint) <= Rate(CouncilVotingSimulation.NoVeto));
        Assert.Equal(0, results[CouncilVotingSimulation.NoVeto.Name].Vetoed);
    }

    [Fact]
    public void The_members_at_the_ends_of_the_spectrum_veto_most()
    {
        var result = CouncilVotingSimulation.Run(CouncilVotingSimulation.SecurityCouncilToday, 5000, seed: 7);
        var blocked = result.BlockedBy.ToDictionary(p => p.Key, p => p.Value);
        Assert.True(blocked["USA"] > blocked["France"]);
        Assert.True(blocked["Russia"] > blocked["China"]);
    }

    [Fact]
    public void Replaying_the_real_vetoes_shows_how_many_had_the_votes()
    {
        var replay = CouncilVotingSimulation.ReplayVetoes(CourseData.Vetoes);
        var withTally = CourseData.Vetoes.Count(v => v.Tally is not null);
        Assert.All(replay, r => Assert.Equal(withTally, r.VetoedDraftsWithTally));
        Assert.Equal(0, replay[0].WouldHavePassed);
        Assert.InRange(replay[1].WouldHavePassed, 1, replay[2].WouldHavePassed);
        // Without a veto, the Syria draft of 4 Oct 2011 (9-2-4) would have passed; a 2-veto rule would still block it.
        var syria = CouncilVotingSimulation.ReplayVetoes(CourseData.Vetoes.Where(v => v.DraftSymbol == "S/2011/612"));
        Assert.Equal([0, 0, 1], syria.Select(r => r.WouldHavePassed));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CouncilVotingSimulation.Run(CouncilVotingSimulation.NoVeto, 0, 1));
    }
}
