using System.Globalization;

namespace CollectiveSecurity.Organizations;

/// <summary>One member's vote in a ballot, and whether that member holds a veto in this body.</summary>
/// <param name="Member">The member's name, e.g. "USSR", "Yugoslavia".</param>
/// <param name="Vote">How it voted (or that it was absent).</param>
/// <param name="HasVeto">Whether its No alone can block a decision (a permanent member of the Security Council).</param>
/// <param name="IsParty">Whether it is a party to the dispute being decided (matters in the League Council).</param>
public sealed record BallotEntry(string Member, Vote Vote, bool HasVeto = false, bool IsParty = false)
{
    /// <summary>One line, e.g. "USSR: Absent (veto)".</summary>
    public override string ToString() => $"{Member}: {Vote}{(HasVeto ? " (veto)" : string.Empty)}{(IsParty ? " (party)" : string.Empty)}";
}

/// <summary>
/// A vote taken in a council or assembly: who voted how on one draft. Members are unique by name.
/// A <see cref="VotingRule"/> turns a ballot into a <see cref="Decision"/>.
/// </summary>
public sealed record Ballot
{
    /// <summary>Creates a ballot; member names must be unique and non-empty, and there must be at least one member.</summary>
    /// <param name="subject">What was voted on, e.g. "S/RES/82 (1950) Korea".</param>
    /// <param name="entries">Every member's vote.</param>
    public Ballot(string subject, IEnumerable<BallotEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("a ballot needs at least one member", nameof(entries));
        }

        var seen = new HashSet<string>(list.Length, StringComparer.Ordinal);
        foreach (var entry in list)
        {
            if (string.IsNullOrWhiteSpace(entry.Member) || !seen.Add(entry.Member))
            {
                throw new ArgumentException($"member '{entry.Member}' must appear once and have a name", nameof(entries));
            }
        }

        Subject = subject;
        Entries = list.AsReadOnly();
    }

    /// <summary>What was voted on.</summary>
    public string Subject { get; }

    /// <summary>Every member's vote, in the order given.</summary>
    public IReadOnlyList<BallotEntry> Entries { get; }

    /// <summary>The published count: yes-no-abstain (absent members are not counted).</summary>
    public VoteTally Tally => new(Count(Vote.Yes), Count(Vote.No), Count(Vote.Abstain));

    /// <summary>How many members voted <paramref name="vote"/>.</summary>
    /// <param name="vote">The vote to count.</param>
    public int Count(Vote vote) => Entries.Count(e => e.Vote == vote);

    /// <summary>The members who voted <paramref name="vote"/>.</summary>
    /// <param name="vote">The vote to look for.</param>
    public IReadOnlyList<string> MembersVoting(Vote vote) => Entries.Where(e => e.Vote == vote).Select(e => e.Member).ToArray();

    /// <summary>Two ballots are equal when they have the same subject and the same votes in the same order.</summary>
    /// <param name="other">The other ballot.</param>
    public bool Equals(Ballot? other) => other is not null && Subject == other.Subject && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Subject, Entries.Count, Entries.Count > 0 ? Entries[0] : null);

    /// <summary>One line, e.g. "S/RES/678 (1990): 12-2-1".</summary>
    public override string ToString() => $"{Subject}: {Tally}";
}

/// <summary>The result of applying a decision rule to a ballot, with the reason in words.</summary>
/// <param name="Subject">What was voted on.</param>
/// <param name="Rule">The rule applied, e.g. "Security Council (9 of 15, veto)".</param>
/// <param name="Adopted">Whether the draft was adopted.</param>
/// <param name="Tally">The vote count.</param>
/// <param name="BlockedBy">Members whose votes alone defeated it (vetoes, or dissenters under unanimity); empty otherwise.</param>
/// <param name="Reason">Why, e.g. "vetoed by UK, France" or "adopted: 9 yes of 7 needed, no permanent member against".</param>
public sealed record Decision(string Subject, string Rule, bool Adopted, VoteTally Tally, IReadOnlyList<string> BlockedBy, string Reason)
{
    /// <summary>Whether one or more members blocked it with a veto or a dissent that unanimity makes decisive.</summary>
    public bool WasBlocked => BlockedBy.Count > 0;

    /// <summary>One line, e.g. "S/RES/82 (1950): ADOPTED 9-0-1 under Security Council ... (adopted: ...)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Subject}: {(Adopted ? "ADOPTED" : "NOT ADOPTED")} {Tally} under {Rule} ({Reason})");
}
