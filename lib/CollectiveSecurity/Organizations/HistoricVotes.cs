namespace CollectiveSecurity.Organizations;

/// <summary>
/// Real votes whose results are known, member by member, for testing the decision rules against history.
/// Tallies agree with <c>un_enforcement_cases.csv</c> and <c>unsc_vetoes.csv</c>; the member-by-member votes are from the
/// UN meeting records as summarised in standard histories.
/// </summary>
public static class HistoricVotes
{
    private static readonly string[] s_elected1950 = ["Cuba", "Ecuador", "Egypt", "India", "Norway", "Yugoslavia"];
    private static readonly string[] s_elected1956 = ["Australia", "Belgium", "Cuba", "Iran", "Peru", "Yugoslavia"];
    private static readonly string[] s_elected1990 = ["Canada", "Colombia", "Côte d'Ivoire", "Cuba", "Ethiopia", "Finland", "Malaysia", "Romania", "Yemen", "Zaire"];
    private static readonly string[] s_elected2011 = ["Bosnia and Herzegovina", "Brazil", "Colombia", "Gabon", "Germany", "India", "Lebanon", "Nigeria", "Portugal", "South Africa"];

    /// <summary>S/RES/82, 25 Jun 1950: North Korea's attack a breach of the peace. 9-0-1: Yugoslavia abstained, the USSR was absent (boycotting) — adopted, because absence is not a veto.</summary>
    public static CouncilBallot Korea82 { get; } = Council("S/RES/82 (1950) Korea", new DateOnly(1950, 6, 25), s_elected1950,
        yes: ["China", "France", "UK", "USA", "Cuba", "Ecuador", "Egypt", "India", "Norway"], no: [], abstain: ["Yugoslavia"], absent: ["USSR"]);

    /// <summary>S/RES/83, 27 Jun 1950: members to furnish assistance to repel the attack. 7-1-0: Yugoslavia against; Egypt and India did not take part in the vote (recorded as not participating, not as abstentions), the USSR absent — adopted with exactly the 7 votes needed.</summary>
    public static CouncilBallot Korea83 { get; } = Council("S/RES/83 (1950) Korea", new DateOnly(1950, 6, 27), s_elected1950,
        yes: ["China", "France", "UK", "USA", "Cuba", "Ecuador", "Norway"], no: ["Yugoslavia"], abstain: [], absent: ["Egypt", "India", "USSR"]);

    /// <summary>S/RES/84, 7 Jul 1950: a unified command under the United States. 7-0-3: Egypt, India, Yugoslavia abstained, the USSR absent.</summary>
    public static CouncilBallot Korea84 { get; } = Council("S/RES/84 (1950) Korea", new DateOnly(1950, 7, 7), s_elected1950,
        yes: ["China", "France", "UK", "USA", "Cuba", "Ecuador", "Norway"], no: [], abstain: ["Egypt", "India", "Yugoslavia"], absent: ["USSR"]);

    /// <summary>S/3710, 30 Oct 1956: US draft calling on Israel to withdraw behind the armistice lines. 7-2-2: UK and France against (vetoes), Australia and Belgium abstained.</summary>
    public static CouncilBallot Suez1956 { get; } = Council("S/3710 (1956) Suez", new DateOnly(1956, 10, 30), s_elected1956,
        yes: ["China", "USA", "USSR", "Cuba", "Iran", "Peru", "Yugoslavia"], no: ["UK", "France"], abstain: ["Australia", "Belgium"], absent: []);

    /// <summary>S/RES/660, 2 Aug 1990: condemns Iraq's invasion of Kuwait, demands withdrawal. 14-0-0; Yemen did not take part in the vote.</summary>
    public static CouncilBallot Iraq660 { get; } = Council("S/RES/660 (1990) Iraq", new DateOnly(1990, 8, 2), s_elected1990,
        yes: ["China", "France", "USSR", "UK", "USA", "Canada", "Colombia", "Côte d'Ivoire", "Cuba", "Ethiopia", "Finland", "Malaysia", "Romania", "Zaire"], no: [], abstain: [], absent: ["Yemen"]);

    /// <summary>S/RES/678, 29 Nov 1990: authorizes "all necessary means" after 15 Jan 1991. 12-2-1: Cuba and Yemen against, China abstained — adopted, because neither No is a permanent member's and China's abstention is not a veto.</summary>
    public static CouncilBallot Iraq678 { get; } = Council("S/RES/678 (1990) Iraq", new DateOnly(1990, 11, 29), s_elected1990,
        yes: ["France", "USSR", "UK", "USA", "Canada", "Colombia", "Côte d'Ivoire", "Ethiopia", "Finland", "Malaysia", "Romania", "Zaire"], no: ["Cuba", "Yemen"], abstain: ["China"], absent: []);

    /// <summary>S/2011/612, 4 Oct 2011: draft condemning the Syrian government's repression. 9-2-4: Russia and China against (vetoes); Brazil, India, Lebanon, South Africa abstained.</summary>
    public static CouncilBallot Syria2011 { get; } = Council("S/2011/612 (2011) Syria", new DateOnly(2011, 10, 4), s_elected2011,
        yes: ["France", "UK", "USA", "Bosnia and Herzegovina", "Colombia", "Gabon", "Germany", "Nigeria", "Portugal"], no: ["Russia", "China"], abstain: ["Brazil", "India", "Lebanon", "South Africa"], absent: []);

    /// <summary>
    /// League Council, 24 Oct 1931 (Manchuria, under Covenant Art. 11): resolution calling on Japan to withdraw its troops by 16 Nov.
    /// 13 for, Japan against — not adopted, because unanimity under Art. 11 included the parties. Decide with <see cref="LeagueCouncil.Article11"/>.
    /// </summary>
    public static Ballot Manchuria1931 { get; } = new("League Council resolution of 24 Oct 1931 (Manchuria)",
        new[] { "United Kingdom", "France", "Germany", "Italy", "China", "Guatemala", "Irish Free State", "Norway", "Panama", "Peru", "Poland", "Spain", "Yugoslavia" }
            .Select(m => new BallotEntry(m, Vote.Yes, IsParty: m == "China"))
            .Append(new BallotEntry("Japan", Vote.No, IsParty: true)));

    /// <summary>
    /// League Council, 7 Oct 1935 (Abyssinia): finding that Italy had resorted to war in disregard of the Covenant, the step before
    /// Art. 16 sanctions. The 13 other members concurred, Italy voted against — adopted, because a party's vote is not counted
    /// (decide with <see cref="LeagueCouncil.DisputeReport"/>). Sanctions took effect on 18 Nov 1935 and were lifted on 15 Jul 1936.
    /// The list of the ten elected members is compiled from standard histories (verify before citing it).
    /// </summary>
    public static Ballot Abyssinia1935 { get; } = new("League Council finding of 7 Oct 1935 (Italy and Abyssinia)",
        new[] { "United Kingdom", "France", "USSR", "Argentina", "Australia", "Chile", "Denmark", "Ecuador", "Poland", "Portugal", "Romania", "Spain", "Turkey" }
            .Select(m => new BallotEntry(m, Vote.Yes))
            .Append(new BallotEntry("Italy", Vote.No, IsParty: true)));

    private static CouncilBallot Council(string subject, DateOnly date, string[] elected, string[] yes, string[] no, string[] abstain, string[] absent)
    {
        var votes = yes.Select(m => (m, Vote.Yes))
            .Concat(no.Select(m => (m, Vote.No)))
            .Concat(abstain.Select(m => (m, Vote.Abstain)))
            .Concat(absent.Select(m => (m, Vote.Absent)))
            .ToArray();
        var missing = elected.Where(e => !votes.Any(v => v.m == e)).ToArray();
        return missing.Length > 0
            ? throw new InvalidOperationException($"{subject}: no vote for {string.Join(", ", missing)}")
            : new CouncilBallot(subject, date, votes);
    }
}
