using CollectiveSecurity.Organizations;

namespace CollectiveSecurity.Tests.Organizations;

/// <summary>League Council, General Assembly and NATO rules against recorded outcomes.</summary>
public class OtherBodiesTests
{
    [Fact]
    public void League_Council_Manchuria_1931_fails_under_Article_11_because_Japan_alone_dissented()
    {
        var decision = LeagueCouncil.Decide(HistoricVotes.Manchuria1931);
        Assert.False(decision.Adopted);
        Assert.Equal(new VoteTally(13, 1, 0), decision.Tally);
        Assert.Equal(["Japan"], decision.BlockedBy);
    }

    [Fact]
    public void League_Council_Abyssinia_1935_finding_passes_because_Italy_is_a_party()
    {
        Assert.True(LeagueCouncil.Decide(HistoricVotes.Abyssinia1935, disputeReport: true).Adopted);
        Assert.False(LeagueCouncil.Decide(HistoricVotes.Abyssinia1935, disputeReport: false).Adopted);
        Assert.Equal(new DateOnly(1935, 11, 18), LeagueCouncil.AbyssiniaSanctionsEffective);
        Assert.Equal(new DateOnly(1936, 7, 15), LeagueCouncil.AbyssiniaSanctionsLifted);
        Assert.Equal(16, LeagueCouncil.Article16.Number);
        Assert.Equal(10, LeagueCouncil.Article10.Number);
    }

    [Fact]
    public void Under_unanimity_an_abstention_does_not_block()
    {
        var ballot = new Ballot("x", [new BallotEntry("A", Vote.Yes), new BallotEntry("B", Vote.Abstain), new BallotEntry("C", Vote.Absent)]);
        Assert.True(new Unanimity().Decide(ballot).Adopted);
    }

    [Theory]
    [InlineData(52, 5, 2, true)] // A/RES/377 (V) Uniting for Peace, 3 Nov 1950
    [InlineData(141, 5, 35, true)] // A/RES/ES-11/1, 2 Mar 2022 (Ukraine)
    [InlineData(57, 0, 19, true)] // A/RES/1000 (ES-I), 5 Nov 1956, UNEF I
    [InlineData(10, 5, 100, true)] // exactly two-thirds of those voting; abstentions do not count
    [InlineData(9, 5, 0, false)]
    public void General_Assembly_needs_two_thirds_of_those_present_and_voting(int yes, int no, int abstain, bool adopted)
    {
        Assert.Equal(adopted, GeneralAssembly.Decide("GA vote", new VoteTally(yes, no, abstain)).Adopted);
    }

    [Fact]
    public void Uniting_for_Peace_opens_the_Assembly_after_a_veto_and_a_procedural_vote()
    {
        var veto = SecurityCouncil.Decide(HistoricVotes.Suez1956);
        var procedural = SecurityCouncil.Decide(HistoricVotes.Suez1956, QuestionKind.Procedural);
        Assert.True(GeneralAssembly.CanConveneEmergencySession(veto, procedural));
        var adopted = SecurityCouncil.Decide(HistoricVotes.Iraq678);
        Assert.False(GeneralAssembly.CanConveneEmergencySession(adopted, procedural));
    }

    [Fact]
    public void Nato_decides_by_consensus_and_Article_5_is_collective_defence_not_collective_security()
    {
        var allies = Enumerable.Range(1, Nato.Allies).Select(i => new BallotEntry($"Ally {i}", i == 7 ? Vote.Abstain : Vote.Yes)).ToList();
        Assert.True(Nato.Decide(new Ballot("x", allies)).Adopted);
        allies[3] = allies[3] with { Vote = Vote.No };
        var blocked = Nato.Decide(new Ballot("x", allies));
        Assert.False(blocked.Adopted);
        Assert.Equal(["Ally 4"], blocked.BlockedBy);

        Assert.True(Nato.Article5Applies(new ArmedAttack("al-Qaeda", "United States", AttackerIsAlly: false, VictimIsAlly: true)));
        Assert.False(Nato.Article5Applies(new ArmedAttack("Turkey", "Greece", AttackerIsAlly: true, VictimIsAlly: true)));
        Assert.False(Nato.Article5Applies(new ArmedAttack("Argentina", "United Kingdom (Falklands)", false, true, InTreatyArea: false)));
        Assert.Equal(new DateOnly(2001, 9, 12), Nato.Article5Invoked);
    }
}

public class BallotTests
{
    [Fact]
    public void Ballots_with_the_same_votes_are_equal_and_names_must_be_unique()
    {
        var a = new Ballot("x", [new BallotEntry("A", Vote.Yes), new BallotEntry("B", Vote.No)]);
        var b = new Ballot("x", [new BallotEntry("A", Vote.Yes), new BallotEntry("B", Vote.No)]);
        Assert.Equal(a, b);
        Assert.NotEqual(a, new Ballot("x", [new BallotEntry("A", Vote.Yes), new BallotEntry("B", Vote.Abstain)]));
        Assert.Throws<ArgumentException>(() => new Ballot("x", [new BallotEntry("A", Vote.Yes), new BallotEntry("A", Vote.No)]));
        Assert.Throws<ArgumentException>(() => new Ballot("x", []));
        Assert.Equal("x: 1-1-0", a.ToString());
    }
}
