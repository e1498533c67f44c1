using CollectiveSecurity.Principles;

namespace CollectiveSecurity.Tests.Principles;

public class PrinciplesTests
{
    [Fact]
    public void Every_principle_prerequisite_and_mission_type_is_described_once()
    {
        Assert.Equal(Enum.GetValues<CollectiveSecurityPrinciple>(), CollectiveSecurityPrinciples.All.Select(c => c.Id));
        Assert.Equal(Enum.GetValues<Prerequisite>(), CollectiveSecurityPrinciples.Prerequisites.Select(c => c.Id));
        Assert.Equal(Enum.GetValues<PeacekeepingPrinciple>(), PeacekeepingPrinciples.All.Select(c => c.Id));
        Assert.Equal(Enum.GetValues<MissionType>(), PeacekeepingPrinciples.MissionTypes.Select(c => c.Id));
        Assert.Contains("Art. 16", CollectiveSecurityPrinciples.Describe(CollectiveSecurityPrinciple.MutualAssistance).Basis, StringComparison.Ordinal);
        Assert.Contains("self-defence", PeacekeepingPrinciples.Describe(PeacekeepingPrinciple.NonUseOfForce).Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_response_kind_is_described_once_and_collective_defence_rests_on_Article_51()
    {
        Assert.Equal(Enum.GetValues<ResponseKind>(), ResponseKinds.All.Select(c => c.Id));
        Assert.Contains("Art. 51", ResponseKinds.Describe(ResponseKind.CollectiveDefence).Basis, StringComparison.Ordinal);
        Assert.Contains("consent", ResponseKinds.Describe(ResponseKind.Peacekeeping).Meaning, StringComparison.Ordinal);
        Assert.Contains("a member included", ResponseKinds.Describe(ResponseKind.CollectiveSecurity).Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Abyssinia_failed_for_want_of_universality_and_will_Kuwait_met_them_all()
    {
        Assert.Contains(Prerequisite.Universality, CollectiveSecurityPrinciples.Abyssinia1935.Unmet);
        Assert.Contains(Prerequisite.EnforcementOfSanctions, CollectiveSecurityPrinciples.Abyssinia1935.Unmet);
        Assert.Empty(CollectiveSecurityPrinciples.Kuwait1990.Unmet);
        Assert.Equal(Enum.GetValues<Prerequisite>().Length, CollectiveSecurityPrinciples.Kuwait1990.Met.Count);
    }

    [Fact]
    public void Enforcement_sets_aside_consent_and_non_use_of_force_but_not_impartiality()
    {
        Assert.False(PeacekeepingPrinciples.Requires(MissionType.Enforcement, PeacekeepingPrinciple.Consent));
        Assert.False(PeacekeepingPrinciples.Requires(MissionType.Enforcement, PeacekeepingPrinciple.NonUseOfForce));
        Assert.True(PeacekeepingPrinciples.Requires(MissionType.Enforcement, PeacekeepingPrinciple.Impartiality));
        Assert.True(PeacekeepingPrinciples.Requires(MissionType.Traditional, PeacekeepingPrinciple.Consent));
    }
}
