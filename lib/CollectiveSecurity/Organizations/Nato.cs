namespace CollectiveSecurity.Organizations;

/// <summary>An armed attack, as NATO's Article 5 and Article 6 see it.</summary>
/// <param name="Attacker">Who attacked.</param>
/// <param name="Victim">Who was attacked.</param>
/// <param name="AttackerIsAlly">Whether the attacker is itself a NATO member.</param>
/// <param name="VictimIsAlly">Whether the victim is a NATO member.</param>
/// <param name="InTreatyArea">Whether the attack falls in the area of Art. 6 (members' territory in Europe and North America, Turkey, islands and forces north of the Tropic of Cancer).</param>
public sealed record ArmedAttack(string Attacker, string Victim, bool AttackerIsAlly, bool VictimIsAlly, bool InTreatyArea = true);

/// <summary>
/// The North Atlantic Treaty Organization (1949): a collective <em>defence</em> alliance, not a collective <em>security</em>
/// system. Article 5: an armed attack against one ally in the treaty area is an attack against all, and each assists
/// by "such action as it deems necessary" (self-defence under Charter Art. 51). It faces outward: it does not act against
/// an aggressor inside the alliance, which is what collective security would demand. Decisions are by consensus.
/// </summary>
public static class Nato
{
    /// <summary>The number of allies since Sweden joined on 7 Mar 2024.</summary>
    public const int Allies = 32;

    /// <summary>The only invocation of Article 5: 12 Sep 2001, after the attacks on the United States.</summary>
    public static DateOnly Article5Invoked { get; } = new(2001, 9, 12);

    /// <summary>The North Atlantic Council's rule: consensus, every ally can block.</summary>
    public static VotingRule Rule { get; } = new Consensus("North Atlantic Council (consensus)");

    /// <summary>Decides a North Atlantic Council ballot (a No is an objection).</summary>
    /// <param name="ballot">The allies' positions.</param>
    public static Decision Decide(Ballot ballot) => Rule.Decide(ballot);

    /// <summary>
    /// Whether Article 5 applies: an ally attacked in the treaty area by a state outside the alliance. An attack by one ally on
    /// another (Turkey in Cyprus, 1974, involved Greece) is outside Article 5: the difference between collective defence and collective security.
    /// </summary>
    /// <param name="attack">The attack.</param>
    public static bool Article5Applies(ArmedAttack attack)
    {
        ArgumentNullException.ThrowIfNull(attack);
        return attack.VictimIsAlly && !attack.AttackerIsAlly && attack.InTreatyArea;
    }
}
