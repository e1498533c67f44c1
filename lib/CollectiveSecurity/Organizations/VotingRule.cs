using System.Globalization;

namespace CollectiveSecurity.Organizations;

/// <summary>
/// A decision rule: how a body turns its members' votes into a decision. The course's bodies differ in exactly
/// this: the League Council needed unanimity, the Security Council needs a qualified majority with no permanent
/// member against, the General Assembly two-thirds of those present and voting, NATO consensus.
/// </summary>
public abstract record VotingRule
{
    /// <summary>A short name of the rule, e.g. "Security Council (9 of 15, veto)".</summary>
    public abstract string Name { get; }

    /// <summary>Applies the rule to a ballot.</summary>
    /// <param name="ballot">The votes.</param>
    /// <returns>The decision and the reason for it.</returns>
    public abstract Decision Decide(Ballot ballot);

    /// <summary>The rule's name.</summary>
    public override string ToString() => Name;

    /// <summary>Joins member names for a reason text.</summary>
    /// <param name="members">Member names.</param>
    protected static string Names(IEnumerable<string> members) => string.Join(", ", members);
}

/// <summary>
/// Qualified majority with a veto: adopted when at least <see cref="RequiredYes"/> members vote yes and fewer than
/// <see cref="VetoesToBlock"/> veto-holders vote no. This is Charter Art. 27(3) when RequiredYes = 9 and VetoesToBlock = 1.
/// An abstaining or absent veto-holder does not block (unless <see cref="AbstentionBlocks"/>, which was the Charter's literal
/// reading, "concurring votes", that the Council's practice abandoned from 1946).
/// </summary>
/// <param name="RequiredYes">Yes votes needed (9 of 15 today; 7 of 11 before 1966).</param>
/// <param name="VetoesToBlock">How many veto-holders voting No it takes to block (1 today; 2 in the "veto restraint" reform variant).</param>
/// <param name="AbstentionBlocks">Whether a veto-holder's abstention or absence also blocks (the literal reading of "concurring votes").</param>
/// <param name="Label">Name shown in decisions.</param>
public sealed record QualifiedMajorityWithVeto(int RequiredYes, int VetoesToBlock = 1, bool AbstentionBlocks = false, string Label = "qualified majority with veto") : VotingRule
{
    /// <summary>Yes votes needed (at least 1).</summary>
    public int RequiredYes { get; } = RequiredYes >= 1 ? RequiredYes : throw new ArgumentOutOfRangeException(nameof(RequiredYes), RequiredYes, "at least one yes vote is needed");

    /// <summary>Vetoes needed to block (at least 1).</summary>
    public int VetoesToBlock { get; } = VetoesToBlock >= 1 ? VetoesToBlock : throw new ArgumentOutOfRangeException(nameof(VetoesToBlock), VetoesToBlock, "at least one veto is needed to block");

    /// <inheritdoc/>
    public override string Name => Label;

    /// <inheritdoc/>
    public override Decision Decide(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var tally = ballot.Tally;
        var vetoes = ballot.Entries.Where(e => e.HasVeto && (e.Vote == Vote.No || (AbstentionBlocks && e.Vote != Vote.Yes))).Select(e => e.Member).ToArray();
        if (vetoes.Length >= VetoesToBlock)
        {
            return new Decision(ballot.Subject, Name, false, tally, vetoes, $"vetoed by {Names(vetoes)}");
        }

        if (tally.Yes < RequiredYes)
        {
            return new Decision(ballot.Subject, Name, false, tally, [], string.Create(CultureInfo.InvariantCulture, $"only {tally.Yes} yes of {RequiredYes} needed"));
        }

        var notBlocking = ballot.Entries.Where(e => e.HasVeto && e.Vote is Vote.Abstain or Vote.Absent).Select(e => $"{e.Member} {e.Vote.ToString().ToLowerInvariant()}").ToArray();
        var reason = string.Create(CultureInfo.InvariantCulture, $"{tally.Yes} yes of {RequiredYes} needed, ")
            + (vetoes.Length > 0 ? $"{Names(vetoes)} against but {VetoesToBlock} vetoes needed to block" : "no veto")
            + (notBlocking.Length > 0 ? $"; {Names(notBlocking)}: not a veto" : string.Empty);
        return new Decision(ballot.Subject, Name, true, tally, [], reason);
    }
}

/// <summary>
/// Unanimity of the members present (League Covenant Art. 5(1)): one No among those whose vote counts defeats the draft.
/// Abstentions and absences do not break unanimity. When <see cref="ExcludeParties"/> is set, the votes of the parties
/// to the dispute are not counted, as for a Council report under Art. 15(6)-(7) and the finding against Italy in Oct 1935;
/// under Art. 11 they counted, which is why Japan alone could defeat the Council's Manchuria resolution of 24 Oct 1931.
/// </summary>
/// <param name="ExcludeParties">Whether parties to the dispute are left out of the count.</param>
/// <param name="Label">Name shown in decisions.</param>
public sealed record Unanimity(bool ExcludeParties = false, string Label = "unanimity") : VotingRule
{
    /// <inheritdoc/>
    public override string Name => Label;

    /// <inheritdoc/>
    public override Decision Decide(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var counted = ballot.Entries.Where(e => !(ExcludeParties && e.IsParty)).ToArray();
        var dissent = counted.Where(e => e.Vote == Vote.No).Select(e => e.Member).ToArray();
        if (dissent.Length > 0)
        {
            return new Decision(ballot.Subject, Name, false, ballot.Tally, dissent, $"unanimity broken by {Names(dissent)}");
        }

        if (!counted.Any(e => e.Vote == Vote.Yes))
        {
            return new Decision(ballot.Subject, Name, false, ballot.Tally, [], "nobody voted yes");
        }

        var ignored = ballot.Entries.Where(e => ExcludeParties && e.IsParty && e.Vote == Vote.No).Select(e => e.Member).ToArray();
        return new Decision(ballot.Subject, Name, true, ballot.Tally, [], ignored.Length > 0
            ? $"unanimous apart from the parties, whose votes do not count ({Names(ignored)} against)"
            : "unanimous among the members whose votes count");
    }
}

/// <summary>
/// Two-thirds of the members present and voting (Charter Art. 18(2), the General Assembly's rule for important questions).
/// Abstentions are not "voting", so they neither help nor hurt.
/// </summary>
/// <param name="Label">Name shown in decisions.</param>
public sealed record TwoThirdsMajority(string Label = "two-thirds of members present and voting") : VotingRule
{
    /// <inheritdoc/>
    public override string Name => Label;

    /// <inheritdoc/>
    public override Decision Decide(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return Decide(ballot.Subject, ballot.Tally);
    }

    /// <summary>Applies the rule to a published tally (all that is known of most Assembly votes).</summary>
    /// <param name="subject">What was voted on.</param>
    /// <param name="tally">The yes-no-abstain count.</param>
    public Decision Decide(string subject, VoteTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var voting = tally.Yes + tally.No;
        var adopted = voting > 0 && tally.Yes * 3 >= voting * 2;
        var needed = ((voting * 2) + 2) / 3;
        return new Decision(subject, Name, adopted, tally, [], string.Create(CultureInfo.InvariantCulture,
            $"{tally.Yes} yes of {needed} needed ({voting} present and voting; {tally.Abstain} abstentions not counted)"));
    }
}

/// <summary>
/// Consensus: adopted when nobody objects (NATO's North Atlantic Council; there is no vote, so every ally holds a de facto veto).
/// A No is an objection; abstaining ("constructive abstention") or staying silent lets the decision through.
/// </summary>
/// <param name="Label">Name shown in decisions.</param>
public sealed record Consensus(string Label = "consensus") : VotingRule
{
    /// <inheritdoc/>
    public override string Name => Label;

    /// <inheritdoc/>
    public override Decision Decide(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var objections = ballot.MembersVoting(Vote.No);
        return objections.Count > 0
            ? new Decision(ballot.Subject, Name, false, ballot.Tally, objections, $"no consensus: {Names(objections)} object")
            : new Decision(ballot.Subject, Name, true, ballot.Tally, [], "consensus: no ally objects");
    }
}
