namespace CollectiveSecurity.Organizations;

/// <summary>An article of the Covenant of the League of Nations (1919) that the course refers to.</summary>
/// <param name="Number">Article number.</param>
/// <param name="Title">What it is about, in a few words.</param>
/// <param name="Summary">What it says, in plain words.</param>
public sealed record CovenantArticle(int Number, string Title, string Summary)
{
    /// <summary>One line, e.g. "Art. 16 (sanctions): ...".</summary>
    public override string ToString() => FormattableString.Invariant($"Art. {Number} ({Title}): {Summary}");
}

/// <summary>
/// The Council of the League of Nations (1920-1946): a few permanent great-power members and elected members.
/// Its decisions needed the agreement of all members represented at the meeting (Covenant Art. 5(1)), so any one member
/// could block. In a dispute report (Art. 15) the parties' votes were not counted; under Art. 11 ("any war or threat of war")
/// they were, which let Japan block the Council over Manchuria in 1931.
/// </summary>
public static class LeagueCouncil
{
    /// <summary>Art. 10: members undertake to respect and preserve against external aggression each other's territorial integrity and independence (the guarantee at the heart of collective security).</summary>
    public static CovenantArticle Article10 { get; } = new(10, "guarantee", "Members respect and preserve against external aggression the territorial integrity and political independence of all members; the Council advises on the means.");

    /// <summary>Art. 11: any war or threat of war is a matter of concern to the whole League; the Council meets at a member's request.</summary>
    public static CovenantArticle Article11Text { get; } = new(11, "threat of war", "Any war or threat of war is a matter of concern to the whole League, which shall take any action deemed wise and effectual to safeguard peace.");

    /// <summary>Art. 12: disputes go to arbitration, judicial settlement or the Council, and no resort to war until three months after the award or report (peaceful settlement).</summary>
    public static CovenantArticle Article12 { get; } = new(12, "peaceful settlement", "Members submit disputes likely to lead to a rupture to arbitration, judicial settlement or the Council, and do not resort to war until three months after the award or report.");

    /// <summary>Art. 15: the Council reports on a dispute; a report agreed by all members other than the parties binds members not to go to war with a party that complies.</summary>
    public static CovenantArticle Article15 { get; } = new(15, "dispute report", "The Council inquires and reports; if its report is unanimous apart from the parties, members agree not to go to war with a party that complies with it.");

    /// <summary>Art. 16: a member resorting to war in disregard of Art. 12, 13 or 15 is deemed to have committed an act of war against all members, who sever trade and financial relations with it; the Council recommends military contributions.</summary>
    public static CovenantArticle Article16 { get; } = new(16, "sanctions", "A member resorting to war in disregard of its covenants is deemed to have committed an act of war against all members, who immediately sever all trade and financial relations with it; the Council recommends what armed forces members shall contribute.");

    /// <summary>The Council's rule under Art. 11: unanimity of all members present, the parties included.</summary>
    public static VotingRule Article11 { get; } = new Unanimity(ExcludeParties: false, Label: "League Council unanimity (Art. 11, parties included)");

    /// <summary>The Council's rule for a report on a dispute (Art. 15(6)-(7)) and findings of aggression: unanimity not counting the parties.</summary>
    public static VotingRule DisputeReport { get; } = new Unanimity(ExcludeParties: true, Label: "League Council unanimity (Art. 15, parties excluded)");

    /// <summary>The general rule (Art. 5(1)): unanimity of the members present.</summary>
    public static VotingRule Rule => Article11;

    /// <summary>The date the League's economic sanctions against Italy took effect (Abyssinia): 18 Nov 1935.</summary>
    public static DateOnly AbyssiniaSanctionsEffective { get; } = new(1935, 11, 18);

    /// <summary>The date those sanctions were lifted: 15 Jul 1936, after Italy had taken Addis Ababa (5 May 1936). Oil was never embargoed.</summary>
    public static DateOnly AbyssiniaSanctionsLifted { get; } = new(1936, 7, 15);

    /// <summary>Decides a League Council ballot.</summary>
    /// <param name="ballot">The votes; mark the parties to the dispute with <see cref="BallotEntry.IsParty"/>.</param>
    /// <param name="disputeReport">True for a report under Art. 15 (parties' votes not counted); false for Art. 11 (they count).</param>
    public static Decision Decide(Ballot ballot, bool disputeReport = false) => (disputeReport ? DisputeReport : Article11).Decide(ballot);
}
