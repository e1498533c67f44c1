using CollectiveSecurity.Data;
using CollectiveSecurity.Organizations;

namespace CollectiveSecurity.Tests.Organizations;

/// <summary>Charter Art. 27 against votes whose results history records.</summary>
public class SecurityCouncilTests
{
    [Fact]
    public void Korea_1950_resolution_82_passes_because_the_USSR_absence_is_not_a_veto()
    {
        var decision = SecurityCouncil.Decide(HistoricVotes.Korea82);
        Assert.True(decision.Adopted);
        Assert.Equal(new VoteTally(9, 0, 1), decision.Tally);
        Assert.Empty(decision.BlockedBy);
        Assert.Contains("USSR absent: not a veto", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(11, HistoricVotes.Korea82.Ballot.Entries.Count);
    }

    [Fact]
    public void Korea_1950_resolutions_83_and_84_pass_with_exactly_seven_of_eleven()
    {
        Assert.Equal(new VoteTally(7, 1, 0), HistoricVotes.Korea83.Tally);
        Assert.True(SecurityCouncil.Decide(HistoricVotes.Korea83).Adopted);
        Assert.Equal(new VoteTally(7, 0, 3), HistoricVotes.Korea84.Tally);
        Assert.True(SecurityCouncil.Decide(HistoricVotes.Korea84).Adopted);
    }

    [Fact]
    public void Had_the_USSR_attended_and_voted_no_resolution_82_would_have_been_vetoed()
    {
        var withUssr = new CouncilBallot("S/RES/82 with the USSR present", HistoricVotes.Korea82.Date,
            HistoricVotes.Korea82.Ballot.Entries.Select(e => (e.Member, e.Member == "USSR" ? Vote.No : e.Vote)));
        var decision = SecurityCouncil.Decide(withUssr);
        Assert.False(decision.Adopted);
        Assert.Equal(["USSR"], decision.BlockedBy);
    }

    [Fact]
    public void Iraq_1990_resolution_678_passes_12_2_1_with_China_abstaining()
    {
        var decision = SecurityCouncil.Decide(HistoricVotes.Iraq678);
        Assert.True(decision.Adopted);
        Assert.Equal(new VoteTally(12, 2, 1), decision.Tally);
        Assert.Equal(["Cuba", "Yemen"], HistoricVotes.Iraq678.Ballot.MembersVoting(Vote.No));
        Assert.Equal(Vote.Abstain, HistoricVotes.Iraq678.PermanentVotes[PermanentMember.China]);
        Assert.True(SecurityCouncil.Decide(HistoricVotes.Iraq660).Adopted);
    }

    [Fact]
    public void Historic_tallies_agree_with_the_enforcement_dataset()
    {
        var korea = CourseData.EnforcementCases.Single(c => c.Id == 1);
        Assert.Equal(korea.TallyOf("S/RES/82"), HistoricVotes.Korea82.Tally);
        Assert.Equal(korea.TallyOf("S/RES/83"), HistoricVotes.Korea83.Tally);
        Assert.Equal(korea.TallyOf("S/RES/84"), HistoricVotes.Korea84.Tally);
        var iraq = CourseData.EnforcementCases.Single(c => c.Id == 9);
        Assert.Equal(iraq.TallyOf("S/RES/660"), HistoricVotes.Iraq660.Tally);
        Assert.Equal(iraq.TallyOf("S/RES/678"), HistoricVotes.Iraq678.Tally);
    }

    [Fact]
    public void Vetoed_drafts_fail_naming_the_vetoing_members_as_the_veto_dataset_records()
    {
        var suez = SecurityCouncil.Decide(HistoricVotes.Suez1956);
        Assert.False(suez.Adopted);
        Assert.Equal(["UK", "France"], suez.BlockedBy);
        Assert.Equal("vetoed by UK, France", suez.Reason);

        var syria = SecurityCouncil.Decide(HistoricVotes.Syria2011);
        Assert.False(syria.Adopted);
        Assert.Equal(new VoteTally(9, 2, 4), syria.Tally);
        var recorded = CourseData.Vetoes.Single(v => v.DraftSymbol == "S/2011/612");
        Assert.Equal(recorded.Tally, syria.Tally);
        Assert.Equal(recorded.VetoedBy.Select(m => m.ShortName()).Order(), syria.BlockedBy.Order());
    }

    [Fact]
    public void A_procedural_vote_cannot_be_vetoed()
    {
        var decision = SecurityCouncil.Decide(HistoricVotes.Suez1956, QuestionKind.Procedural);
        Assert.True(decision.Adopted);
    }

    [Fact]
    public void Too_few_yes_votes_fail_without_a_veto()
    {
        var ballot = new CouncilBallot("eight yes", new DateOnly(2000, 1, 1),
            new[] { "China", "France", "Russia", "UK", "USA", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J" }
                .Select((m, i) => (m, i < 8 ? Vote.Yes : Vote.Abstain)));
        var decision = SecurityCouncil.Decide(ballot);
        Assert.False(decision.Adopted);
        Assert.False(decision.WasBlocked);
        Assert.Equal("only 8 yes of 9 needed", decision.Reason);
    }

    [Fact]
    public void A_ballot_must_be_a_full_council_of_its_year()
    {
        var fourteen = new[] { "China", "France", "Russia", "UK", "USA", "A", "B", "C", "D", "E", "F", "G", "H", "I" }.Select(m => (m, Vote.Yes));
        var e1 = Assert.Throws<ArgumentException>(() => new CouncilBallot("x", new DateOnly(2000, 1, 1), fourteen));
        Assert.Contains("15 members in 2000", e1.Message, StringComparison.Ordinal);

        var ussrIn2000 = new[] { "China", "France", "USSR", "UK", "USA", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J" }.Select(m => (m, Vote.Yes));
        Assert.Throws<ArgumentException>(() => new CouncilBallot("x", new DateOnly(2000, 1, 1), ussrIn2000));

        var twice = new[] { "China", "France", "Russia", "UK", "USA", "A", "B", "C", "D", "E", "F", "G", "H", "I", "A" }.Select(m => (m, Vote.Yes));
        Assert.Throws<ArgumentException>(() => new CouncilBallot("x", new DateOnly(2000, 1, 1), twice));
    }

    [Fact]
    public void Council_size_and_majority_follow_the_1965_enlargement()
    {
        Assert.Equal((11, 7), (SecurityCouncil.SizeIn(1965), SecurityCouncil.RequiredVotesIn(1965)));
        Assert.Equal((15, 9), (SecurityCouncil.SizeIn(1966), SecurityCouncil.RequiredVotesIn(1966)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SecurityCouncil.SizeIn(1945));
        Assert.Equal(PermanentMember.SovietUnion, PermanentMembers.In(1991)[2]);
        Assert.Equal(PermanentMember.Russia, PermanentMembers.In(1992)[2]);
    }

    [Fact]
    public void Literal_concurring_votes_would_have_let_an_absence_block_Korea()
    {
        var literal = new QualifiedMajorityWithVeto(7, AbstentionBlocks: true, Label: "literal Art. 27(3)");
        var decision = literal.Decide(HistoricVotes.Korea82.Ballot);
        Assert.False(decision.Adopted);
        Assert.Equal(["USSR"], decision.BlockedBy);
    }
}
