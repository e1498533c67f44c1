namespace CollectiveSecurity.Organizations;

/// <summary>
/// The UN General Assembly: every member one vote (Charter Art. 18). Important questions need two-thirds of the
/// members present and voting, others a simple majority; its resolutions on peace and security are recommendations.
/// Under "Uniting for Peace" (A/RES/377 (V), 3 Nov 1950), when the Security Council fails to act because a permanent
/// member votes no, the Assembly can meet in emergency special session within 24 hours and recommend collective measures
/// (UNEF I in 1956 was created this way).
/// </summary>
public static class GeneralAssembly
{
    /// <summary>The rule for important questions, including recommendations on peace and security: two-thirds of those present and voting.</summary>
    public static TwoThirdsMajority ImportantQuestion { get; } = new("General Assembly (two-thirds of those present and voting)");

    /// <summary>The date Uniting for Peace was adopted (52-5-2): 3 Nov 1950.</summary>
    public static DateOnly UnitingForPeaceAdopted { get; } = new(1950, 11, 3);

    /// <summary>Decides an important question from its published tally.</summary>
    /// <param name="subject">What was voted on.</param>
    /// <param name="tally">Yes-no-abstain.</param>
    /// <example><c>GeneralAssembly.Decide("A/RES/ES-11/1 (2022)", new VoteTally(141, 5, 35))</c> is adopted.</example>
    public static Decision Decide(string subject, VoteTally tally) => ImportantQuestion.Decide(subject, tally);

    /// <summary>
    /// Whether Uniting for Peace lets the Assembly take up a matter in emergency special session: the Council failed to adopt a
    /// substantive draft because a permanent member voted against, and then a procedural vote of the Council (no veto) called the session.
    /// (A majority of UN members can also request it; that route is not modelled here.)
    /// </summary>
    /// <param name="councilDecision">The Council's decision on the substantive draft.</param>
    /// <param name="proceduralVote">The Council's procedural vote to call the session.</param>
    public static bool CanConveneEmergencySession(Decision councilDecision, Decision proceduralVote)
    {
        ArgumentNullException.ThrowIfNull(councilDecision);
        ArgumentNullException.ThrowIfNull(proceduralVote);
        return !councilDecision.Adopted && councilDecision.WasBlocked && proceduralVote.Adopted;
    }
}
