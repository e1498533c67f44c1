namespace CollectiveSecurity.Principles;

/// <summary>
/// What kind of collective response a case was, in the vocabulary the course uses to keep four often-confused ideas
/// apart. The test is who acts, against whom, on what authority and with whose consent; a single crisis can contain
/// more than one kind (Korea in 1950 began as Council-authorized enforcement and ended with an armistice).
/// </summary>
public enum ResponseKind
{
    /// <summary>
    /// Members of one system pledge to answer aggression by <em>any</em> state, a member included, as an attack on all
    /// (Covenant Article 16; UN Charter Chapter VII). The threat faces inward and is not named in advance.
    /// </summary>
    CollectiveSecurity,

    /// <summary>
    /// Allies pledge to defend one another against an attack from outside the alliance (North Atlantic Treaty Article 5,
    /// resting on Charter Article 51). The threat faces outward, and an attack by one ally on another obliges nobody.
    /// </summary>
    CollectiveDefence,

    /// <summary>
    /// A force deployed with the consent of the main parties, impartial between them, using force only in self-defence
    /// and defence of the mandate (the Capstone Doctrine's three principles). It keeps an agreed peace; it does not
    /// decide who is the aggressor.
    /// </summary>
    Peacekeeping,

    /// <summary>
    /// Military or economic coercion decided or authorized by the Security Council under Chapter VII without the consent
    /// of the state coerced, usually carried out by coalitions or regional bodies (Iraq 1990-91, Libya 2011), rarely by
    /// a UN force itself (UNOSOM II in 1993, MONUSCO's Force Intervention Brigade from 2013).
    /// </summary>
    Enforcement,
}

/// <summary>The four kinds of collective response, each with its name, meaning and legal basis, for notebooks to print.</summary>
public static class ResponseKinds
{
    /// <summary>Every <see cref="ResponseKind"/>, in enum order, described once.</summary>
    public static IReadOnlyList<Concept<ResponseKind>> All { get; } =
    [
        new(ResponseKind.CollectiveSecurity, "collective security", "all members against whichever state breaks the peace, a member included", "Covenant Art. 10-16; UN Charter Chapter VII"),
        new(ResponseKind.CollectiveDefence, "collective defence", "allies against an attack from outside the alliance", "UN Charter Art. 51; e.g. North Atlantic Treaty Art. 5"),
        new(ResponseKind.Peacekeeping, "peacekeeping", "an impartial force deployed with the parties' consent, using force only in self-defence and defence of the mandate", "Council or Assembly mandates between Chapters VI and VII; Capstone Doctrine (2008)"),
        new(ResponseKind.Enforcement, "enforcement", "coercion without the target's consent, decided or authorized by the Security Council", "UN Charter Art. 39-42"),
    ];

    /// <summary>The description of <paramref name="kind"/>.</summary>
    public static Concept<ResponseKind> Describe(ResponseKind kind) => All.Single(c => c.Id == kind);
}
