namespace CollectiveSecurity.Principles;

/// <summary>A named idea of the field with its meaning and where it is written down.</summary>
/// <typeparam name="T">The enum that names the idea.</typeparam>
/// <param name="Id">The enum value.</param>
/// <param name="Name">Its usual name.</param>
/// <param name="Meaning">What it means, in plain words.</param>
/// <param name="Basis">Where it comes from (treaty articles, doctrine).</param>
public sealed record Concept<T>(T Id, string Name, string Meaning, string Basis)
    where T : struct, Enum
{
    /// <summary>One line: "Name: meaning (basis)".</summary>
    public override string ToString() => $"{Name}: {Meaning} ({Basis})";
}
