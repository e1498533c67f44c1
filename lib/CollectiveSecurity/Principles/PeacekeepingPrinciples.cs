namespace CollectiveSecurity.Principles;

/// <summary>The three basic principles of UN peacekeeping (the "Hammarskjöld-Pearson" principles, restated in the 2008 Capstone Doctrine).</summary>
public enum PeacekeepingPrinciple
{
    /// <summary>The main parties consent to the deployment.</summary>
    Consent,

    /// <summary>The mission implements its mandate without favour or prejudice to any party (impartial is not neutral: it acts against violations by any side).</summary>
    Impartiality,

    /// <summary>No use of force except in self-defence and defence of the mandate.</summary>
    NonUseOfForce,
}

/// <summary>The principles of peacekeeping and the mission types, described; which principles each type keeps.</summary>
public static class PeacekeepingPrinciples
{
    /// <summary>The three principles.</summary>
    public static IReadOnlyList<Concept<PeacekeepingPrinciple>> All { get; } =
    [
        new(PeacekeepingPrinciple.Consent, "Consent of the parties",
            "the host state and main parties agree to the mission; without it a mission risks becoming a party to the conflict",
            "UNEF I 1956 (Egypt's consent; withdrawn in 1967); Capstone Doctrine 2008"),
        new(PeacekeepingPrinciple.Impartiality, "Impartiality",
            "the mandate is carried out without favour to any party; impartial does not mean neutral when a party breaks its commitments",
            "Brahimi Report 2000; Capstone Doctrine 2008"),
        new(PeacekeepingPrinciple.NonUseOfForce, "Non-use of force except in self-defence and defence of the mandate",
            "peacekeepers use force only to defend themselves and, under robust mandates, their mandate (e.g. protecting civilians)",
            "UNEF I rules; Capstone Doctrine 2008; res 2098 (2013) Force Intervention Brigade as the exception"),
    ];

    /// <summary>The mission types, with their meaning and an example.</summary>
    public static IReadOnlyList<Concept<MissionType>> MissionTypes { get; } =
    [
        new(MissionType.Observer, "Observer mission", "unarmed officers watch a ceasefire or border and report", "UNTSO 1948, UNMOGIP 1949"),
        new(MissionType.Traditional, "Traditional peacekeeping", "lightly armed troops interpose between consenting states after a ceasefire", "UNEF I 1956, UNFICYP 1964, UNDOF 1974"),
        new(MissionType.Multidimensional, "Multidimensional peacekeeping", "military, police and civilians help carry out a peace agreement and protect civilians inside a state", "UNTAG 1989, UNTAC 1992, MONUSCO 2010"),
        new(MissionType.Enforcement, "Peace enforcement", "force under Chapter VII without the parties' consent, usually by authorized states or coalitions", "Korea 1950, Kuwait 1991, Libya 2011"),
    ];

    /// <summary>Whether a mission type rests on a principle: enforcement sets aside consent and the non-use of force.</summary>
    /// <param name="type">The mission type.</param>
    /// <param name="principle">The principle.</param>
    public static bool Requires(MissionType type, PeacekeepingPrinciple principle) =>
        type != MissionType.Enforcement || principle == PeacekeepingPrinciple.Impartiality;

    /// <summary>The description of one principle.</summary>
    /// <param name="principle">The principle.</param>
    public static Concept<PeacekeepingPrinciple> Describe(PeacekeepingPrinciple principle) => All.Single(c => c.Id == principle);

    /// <summary>The description of one mission type.</summary>
    /// <param name="type">The mission type.</param>
    public static Concept<MissionType> Describe(MissionType type) => MissionTypes.Single(c => c.Id == type);
}
