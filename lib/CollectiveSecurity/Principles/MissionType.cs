namespace CollectiveSecurity.Principles;

/// <summary>
/// The kinds of UN peace operation, from the lightest footprint to the heaviest.
/// The course datasets classify every operation as one of the first three; <see cref="Enforcement"/>
/// names what the UN authorizes others (coalitions, regional bodies) to do under Chapter VII.
/// </summary>
public enum MissionType
{
    /// <summary>Unarmed military observers who watch a ceasefire or truce line and report (e.g. UNTSO 1948, UNMOGIP 1949).</summary>
    Observer,

    /// <summary>Lightly armed troops interposed between states that consented, to supervise a ceasefire (e.g. UNEF I 1956, UNFICYP 1964).</summary>
    Traditional,

    /// <summary>Military, police and civilian components that help implement a peace agreement inside a state: elections, disarmament, rule of law, protection of civilians (e.g. UNTAG 1989, MONUSCO).</summary>
    Multidimensional,

    /// <summary>Force used under Chapter VII without the consent of the parties, usually by states or coalitions the Council authorizes (e.g. Korea 1950, Iraq 1990-91).</summary>
    Enforcement,
}
