using System.Globalization;

namespace CollectiveSecurity.Organizations;

/// <summary>How one member of a council or assembly stands on a draft.</summary>
public enum Vote
{
    /// <summary>In favour.</summary>
    Yes,

    /// <summary>Against. In the Security Council a permanent member's No on a substantive question is a veto.</summary>
    No,

    /// <summary>Present and not voting. In the Security Council an abstaining permanent member does not veto (practice since 1946, upheld by the ICJ in 1971).</summary>
    Abstain,

    /// <summary>Not present. Like an abstention, the absence of a permanent member is not a veto (Korea, June 1950).</summary>
    Absent,
}

/// <summary>
/// A published vote count: yes-no-abstain, as UN records print it ("12-2-1"). Absent members are not in the count.
/// </summary>
/// <param name="Yes">Votes in favour.</param>
/// <param name="No">Votes against.</param>
/// <param name="Abstain">Abstentions.</param>
public sealed record VoteTally(int Yes, int No, int Abstain)
{
    /// <summary>Votes in favour (never negative).</summary>
    public int Yes { get; } = Yes >= 0 ? Yes : throw new ArgumentOutOfRangeException(nameof(Yes), Yes, "a vote count cannot be negative");

    /// <summary>Votes against (never negative).</summary>
    public int No { get; } = No >= 0 ? No : throw new ArgumentOutOfRangeException(nameof(No), No, "a vote count cannot be negative");

    /// <summary>Abstentions (never negative).</summary>
    public int Abstain { get; } = Abstain >= 0 ? Abstain : throw new ArgumentOutOfRangeException(nameof(Abstain), Abstain, "a vote count cannot be negative");

    /// <summary>Members who voted or abstained.</summary>
    public int Present => Yes + No + Abstain;

    /// <summary>Reads "yes-no-abstain", e.g. "9-0-1".</summary>
    /// <param name="text">The tally text.</param>
    /// <returns>The tally, or null when the text is not of that form.</returns>
    public static VoteTally? TryParse(string text)
    {
        var parts = text.Trim().Split('-');
        if (parts.Length != 3)
        {
            return null;
        }

        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new VoteTally(numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>The tally as UN records print it, e.g. "12-2-1".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Yes}-{No}-{Abstain}");
}
