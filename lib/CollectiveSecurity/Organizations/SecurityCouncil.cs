using System.Globalization;

namespace CollectiveSecurity.Organizations;

/// <summary>Whether a Security Council question is procedural (no veto, Art. 27(2)) or substantive ("all other matters", Art. 27(3)).</summary>
public enum QuestionKind
{
    /// <summary>Any other matter: needs the qualified majority including the concurring votes of the permanent members, i.e. no permanent member against.</summary>
    Substantive,

    /// <summary>A procedural matter (agenda, inviting speakers, calling an emergency session of the Assembly): the qualified majority alone, no veto.</summary>
    Procedural,
}

/// <summary>
/// A Security Council ballot that can only describe a real Council: the five permanent members of that year exactly
/// once each, and exactly 6 (to 1965) or 10 (from 1966) elected members, so 11 or 15 votes in all.
/// </summary>
public sealed record CouncilBallot
{
    /// <summary>Creates a ballot and checks that it is a full Council of its year.</summary>
    /// <param name="subject">What was voted on, e.g. "S/RES/678 (1990) Iraq".</param>
    /// <param name="date">Date of the vote (1946 on).</param>
    /// <param name="votes">Every member's vote; permanent members by short name (China, France, USSR or Russia, UK, USA).</param>
    /// <exception cref="ArgumentException">The votes do not make up the Council of that year.</exception>
    public CouncilBallot(string subject, DateOnly date, IEnumerable<(string Member, Vote Vote)> votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var list = votes.ToArray();
        var size = SecurityCouncil.SizeIn(date.Year);
        if (list.Length != size)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the Security Council had {size} members in {date.Year}, but {list.Length} votes were given"), nameof(votes));
        }

        var permanent = PermanentMembers.In(date.Year).Select(m => m.ShortName()).ToHashSet(StringComparer.Ordinal);
        foreach (var name in permanent.Where(p => !list.Any(v => v.Member == p)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"permanent member {name} has no vote (in {date.Year} the five were {string.Join(", ", permanent)})"), nameof(votes));
        }

        foreach (var (member, _) in list)
        {
            if (PermanentMembers.TryParse(member, out _) && !permanent.Contains(member))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{member} did not hold a permanent seat in {date.Year}"), nameof(votes));
            }
        }

        Date = date;
        Ballot = new Ballot(subject, list.Select(v => new BallotEntry(v.Member, v.Vote, HasVeto: permanent.Contains(v.Member))));
    }

    /// <summary>Date of the vote.</summary>
    public DateOnly Date { get; }

    /// <summary>The votes, with the permanent members marked as veto-holders.</summary>
    public Ballot Ballot { get; }

    /// <summary>What was voted on.</summary>
    public string Subject => Ballot.Subject;

    /// <summary>The published count, yes-no-abstain.</summary>
    public VoteTally Tally => Ballot.Tally;

    /// <summary>The permanent members' votes.</summary>
    public IReadOnlyDictionary<PermanentMember, Vote> PermanentVotes =>
        Ballot.Entries.Where(e => e.HasVeto).ToDictionary(e => Parse(e.Member), e => e.Vote);

    /// <summary>One line, e.g. "S/RES/678 (1990) Iraq, 1990-11-29: 12-2-1".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Subject}, {Date:yyyy-MM-dd}: {Tally}");

    private static PermanentMember Parse(string name) => PermanentMembers.TryParse(name, out var member) ? member : throw new InvalidOperationException(name);
}

/// <summary>
/// The UN Security Council (Charter Chapter V): primary responsibility for international peace and security (Art. 24),
/// decisions binding on all members (Art. 25), enforcement under Chapter VII (Art. 39-42).
/// Voting (Art. 27): each member one vote; procedural matters need 9 votes; all other matters 9 votes
/// "including the concurring votes of the permanent members", read in practice since 1946 as "no permanent member
/// votes against": an abstention or absence is not a veto. Before the enlargement in force from 1966 the Council had
/// 11 members and needed 7 votes.
/// </summary>
public static class SecurityCouncil
{
    /// <summary>The first year of the 15-member Council (the 1963 amendment entered into force on 31 Aug 1965).</summary>
    public const int EnlargedFrom = 1966;

    /// <summary>Number of members in <paramref name="year"/>: 11 to 1965, 15 from 1966.</summary>
    /// <param name="year">A year from 1946 on.</param>
    public static int SizeIn(int year) => year < 1946
        ? throw new ArgumentOutOfRangeException(nameof(year), year, "the Security Council first met in 1946")
        : year < EnlargedFrom ? 11 : 15;

    /// <summary>Affirmative votes needed in <paramref name="year"/>: 7 to 1965, 9 from 1966.</summary>
    /// <param name="year">A year from 1946 on.</param>
    public static int RequiredVotesIn(int year) => SizeIn(year) == 11 ? 7 : 9;

    /// <summary>Today's rule for substantive questions: 9 of 15, one permanent member's No blocks, abstention is not a veto.</summary>
    public static VotingRule Rule { get; } = RuleIn(EnlargedFrom);

    /// <summary>The rule for substantive questions in a given year (7 of 11 before 1966).</summary>
    /// <param name="year">A year from 1946 on.</param>
    public static VotingRule RuleIn(int year) =>
        new QualifiedMajorityWithVeto(RequiredVotesIn(year), Label: string.Create(CultureInfo.InvariantCulture, $"Security Council ({RequiredVotesIn(year)} of {SizeIn(year)}, veto)"));

    /// <summary>The rule for procedural questions in a given year (the same majority, no veto).</summary>
    /// <param name="year">A year from 1946 on.</param>
    public static VotingRule ProceduralRuleIn(int year) =>
        new QualifiedMajorityWithVeto(RequiredVotesIn(year), VetoesToBlock: 99, Label: string.Create(CultureInfo.InvariantCulture, $"Security Council procedural ({RequiredVotesIn(year)} of {SizeIn(year)}, no veto)"));

    /// <summary>Decides a ballot under the rule of its year.</summary>
    /// <param name="ballot">A full Council's votes.</param>
    /// <param name="kind">Substantive (the default, veto applies) or procedural.</param>
    /// <example><c>SecurityCouncil.Decide(HistoricVotes.Korea82)</c> is adopted: 9 yes, and the USSR's absence is not a veto.</example>
    public static Decision Decide(CouncilBallot ballot, QuestionKind kind = QuestionKind.Substantive)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var rule = kind == QuestionKind.Substantive ? RuleIn(ballot.Date.Year) : ProceduralRuleIn(ballot.Date.Year);
        return rule.Decide(ballot.Ballot);
    }
}
