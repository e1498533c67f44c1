namespace CollectiveSecurity.Organizations;

/// <summary>
/// The holders of the five permanent seats of the Security Council (Charter Art. 23), each of which can veto
/// a substantive decision (Art. 27(3)). The Soviet Union held its seat until 24 Dec 1991, when the Russian
/// Federation continued it; they are two values here because the veto record counts them apart.
/// The seat "China" was held by the Republic of China until 25 Oct 1971 and by the People's Republic since.
/// </summary>
public enum PermanentMember
{
    /// <summary>China (Republic of China to 1971, People's Republic of China since).</summary>
    China,

    /// <summary>France.</summary>
    France,

    /// <summary>The Union of Soviet Socialist Republics (USSR), 1945-1991.</summary>
    SovietUnion,

    /// <summary>The Russian Federation, continuing the Soviet seat since Dec 1991.</summary>
    Russia,

    /// <summary>The United Kingdom.</summary>
    UnitedKingdom,

    /// <summary>The United States of America.</summary>
    UnitedStates,
}

/// <summary>Short names and seat rules for <see cref="PermanentMember"/>.</summary>
public static class PermanentMembers
{
    private static readonly Dictionary<string, PermanentMember> s_byShortName = new(StringComparer.Ordinal)
    {
        ["China"] = PermanentMember.China,
        ["France"] = PermanentMember.France,
        ["USSR"] = PermanentMember.SovietUnion,
        ["Russia"] = PermanentMember.Russia,
        ["UK"] = PermanentMember.UnitedKingdom,
        ["USA"] = PermanentMember.UnitedStates,
    };

    /// <summary>The short name used in the datasets and in UN tables: China, France, USSR, Russia, UK, USA.</summary>
    /// <param name="member">The permanent member.</param>
    public static string ShortName(this PermanentMember member) => member switch
    {
        PermanentMember.China => "China",
        PermanentMember.France => "France",
        PermanentMember.SovietUnion => "USSR",
        PermanentMember.Russia => "Russia",
        PermanentMember.UnitedKingdom => "UK",
        PermanentMember.UnitedStates => "USA",
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "not a permanent member"),
    };

    /// <summary>Reads a short name (China, France, USSR, Russia, UK, USA).</summary>
    /// <param name="shortName">The short name, exactly as in the datasets.</param>
    /// <param name="member">The member, when the name is known.</param>
    /// <returns>Whether the name is one of the six short names.</returns>
    public static bool TryParse(string shortName, out PermanentMember member) =>
        s_byShortName.TryGetValue(shortName, out member);

    /// <summary>The five members holding the permanent seats in <paramref name="year"/> (the USSR to 1991, Russia from 1992).</summary>
    /// <param name="year">A year from 1946 on.</param>
    public static IReadOnlyList<PermanentMember> In(int year) =>
        year < 1946
            ? throw new ArgumentOutOfRangeException(nameof(year), year, "the Security Council first met in 1946")
            :
            [
                PermanentMember.China,
                PermanentMember.France,
                year <= 1991 ? PermanentMember.SovietUnion : PermanentMember.Russia,
                PermanentMember.UnitedKingdom,
                PermanentMember.UnitedStates,
            ];
}
