namespace CollectiveSecurity.Principles;

/// <summary>
/// The three principles a collective security system rests on. Security is indivisible: an attack on one is an attack on
/// all, and the aggressor may be any state, inside the system or outside it (unlike an alliance, which faces outward).
/// </summary>
public enum CollectiveSecurityPrinciple
{
    /// <summary>Every member renounces the use and threat of force against the others.</summary>
    RenunciationOfForce,

    /// <summary>Every member helps any victim of aggression against any aggressor, member or not.</summary>
    MutualAssistance,

    /// <summary>Disputes are settled by peaceful means: negotiation, mediation, arbitration, courts.</summary>
    PeacefulSettlement,
}

/// <summary>The six things collective security needs to work; where one is missing, the system fails.</summary>
public enum Prerequisite
{
    /// <summary>All members, the great powers above all, belong to the system and are bound by it.</summary>
    Universality,

    /// <summary>All governments accept the existing order well enough to give up force except in self-defence.</summary>
    AcceptanceOfStatusQuo,

    /// <summary>Members agree on what aggression is and who the aggressor is, quickly enough to act.</summary>
    AgreedDefinitionOfAggression,

    /// <summary>Members, the great powers above all, are willing to bear the costs (forces, money, lost trade) even against friends and their own immediate interests.</summary>
    WillingnessToAct,

    /// <summary>Members actively stop breaches of the sanctions, so that the aggressor finds no one to trade with.</summary>
    EnforcementOfSanctions,

    /// <summary>The combined power of the rest outweighs any aggressor; no state can defeat all others at once (a premise nuclear weapons call into question).</summary>
    PreponderanceOfPower,
}

/// <summary>How one case measured up against the prerequisites.</summary>
/// <param name="Case">The case, e.g. "Abyssinia 1935-36".</param>
/// <param name="Unmet">Prerequisites that were missing.</param>
/// <param name="Explanation">Why, in a few sentences.</param>
public sealed record PrerequisiteAssessment(string Case, IReadOnlyList<Prerequisite> Unmet, string Explanation)
{
    /// <summary>The prerequisites that were present.</summary>
    public IReadOnlyList<Prerequisite> Met => Enum.GetValues<Prerequisite>().Except(Unmet).ToArray();

    /// <summary>One line: the case and what was missing.</summary>
    public override string ToString() => $"{Case}: missing {(Unmet.Count == 0 ? "nothing" : string.Join(", ", Unmet))}";
}

/// <summary>The principles and prerequisites of collective security, described, and two cases measured against them.</summary>
public static class CollectiveSecurityPrinciples
{
    /// <summary>The three principles, with their treaty basis.</summary>
    public static IReadOnlyList<Concept<CollectiveSecurityPrinciple>> All { get; } =
    [
        new(CollectiveSecurityPrinciple.RenunciationOfForce, "Renunciation of force",
            "members give up the use and threat of force against one another; since a breach is met by all, it amounts to a ban on war",
            "Covenant Art. 10, 12; Kellogg-Briand Pact 1928; UN Charter Art. 2(4)"),
        new(CollectiveSecurityPrinciple.MutualAssistance, "Mutual assistance",
            "all members come to the aid of a victim of aggression, whoever the aggressor is, member or not",
            "Covenant Art. 16; UN Charter Art. 2(5), 25, 39-43, 49"),
        new(CollectiveSecurityPrinciple.PeacefulSettlement, "Peaceful settlement of disputes",
            "disputes go to negotiation, inquiry, mediation, arbitration or courts before, and instead of, force; the causes of conflict are to be removed",
            "Covenant Art. 12-15; UN Charter Art. 2(3), Chapter VI (Art. 33)"),
    ];

    /// <summary>The prerequisites, with where the idea comes from.</summary>
    public static IReadOnlyList<Concept<Prerequisite>> Prerequisites { get; } =
    [
        new(Prerequisite.Universality, "Universality", "all states, the great powers above all, are members and bound", "Inis Claude, Power and International Relations (1962); the League without the US, Germany, Japan, USSR at various times"),
        new(Prerequisite.AcceptanceOfStatusQuo, "Acceptance of the status quo", "governments accept the existing order enough to renounce force except in self-defence", "Birn 1974; revisionist powers (Italy, Japan, Germany) in the 1930s"),
        new(Prerequisite.AgreedDefinitionOfAggression, "Agreed definition of aggression", "members can agree, in time, on what aggression is and who committed it", "Charter Art. 39; GA resolution 3314 (XXIX), 1974"),
        new(Prerequisite.WillingnessToAct, "Willingness to act", "members, the great powers above all, commit forces and money even when their own interests are not at stake or point the other way", "Covenant Art. 16(2); Charter Art. 43 (never implemented)"),
        new(Prerequisite.EnforcementOfSanctions, "Enforcement of sanctions", "members stop trade that breaks the sanctions, so the aggressor finds no way round them", "Covenant Art. 16(1); Charter Art. 41"),
        new(Prerequisite.PreponderanceOfPower, "Preponderance of power", "the rest together outweigh any aggressor, so aggression does not pay", "collective security theory; challenged where the aggressor is a great or nuclear power"),
    ];

    /// <summary>Abyssinia 1935-36: the League named Italy the aggressor and imposed sanctions, and still failed.</summary>
    public static PrerequisiteAssessment Abyssinia1935 { get; } = new("Abyssinia 1935-36",
        [Prerequisite.Universality, Prerequisite.AcceptanceOfStatusQuo, Prerequisite.WillingnessToAct, Prerequisite.EnforcementOfSanctions],
        "The US, Germany and Japan were outside the League; Italy sought conquest; Britain and France, wanting Italy against Germany, kept oil off the list, left the Suez Canal open and drafted the Hoare-Laval plan; non-members kept trading. Sanctions ran from 18 Nov 1935 to 15 Jul 1936 and Italy took Addis Ababa.");

    /// <summary>Kuwait 1990-91: the Council condemned, sanctioned and authorized force, and Iraq was expelled.</summary>
    public static PrerequisiteAssessment Kuwait1990 { get; } = new("Kuwait 1990-91",
        [],
        "After the Cold War no permanent member blocked: resolution 660 (14-0) named the breach, 661 imposed sanctions, 678 (12-2-1, China abstaining) authorized all necessary means, and a coalition of 35 states with overwhelming power restored Kuwait by Feb 1991.");

    /// <summary>The description of one principle.</summary>
    /// <param name="principle">The principle.</param>
    public static Concept<CollectiveSecurityPrinciple> Describe(CollectiveSecurityPrinciple principle) => All.Single(c => c.Id == principle);

    /// <summary>The description of one prerequisite.</summary>
    /// <param name="prerequisite">The prerequisite.</param>
    public static Concept<Prerequisite> Describe(Prerequisite prerequisite) => Prerequisites.Single(c => c.Id == prerequisite);
}
