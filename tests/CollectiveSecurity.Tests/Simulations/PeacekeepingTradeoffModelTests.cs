using CollectiveSecurity.Principles;
using CollectiveSecurity.Simulations;

namespace CollectiveSecurity.Tests.Simulations;

public class PeacekeepingTradeoffModelTests
{
    private static PeacekeepingOutcome Run(ConflictSetting conflict, int delay, int troops, MissionType mandate, double consent) =>
        PeacekeepingTradeoffModel.Evaluate(conflict, new PeacekeepingPlan("plan", delay, troops, mandate, consent), seed: 3);

    [Fact]
    public void Rwanda_1994_a_reduced_UNAMIR_barely_dents_the_violence_a_quick_robust_force_would_have()
    {
        var actual = PeacekeepingTradeoffModel.Evaluate(ConflictSetting.Rwanda1994, PeacekeepingPlan.Rwanda1994Actual, seed: 1);
        var reinforced = PeacekeepingTradeoffModel.Evaluate(ConflictSetting.Rwanda1994, PeacekeepingPlan.Rwanda1994Reinforced, seed: 1);
        Assert.True(actual.HarmReduction < 0.2);
        Assert.Equal(0, actual.SuccessProbability);
        Assert.True(reinforced.CivilianHarm < actual.CivilianHarm / 2);
        Assert.True(reinforced.SuccessProbability > 0.5);
    }

    [Fact]
    public void More_troops_help_and_delay_hurts()
    {
        var conflict = ConflictSetting.CivilWar;
        Assert.True(Run(conflict, 3, 20000, MissionType.Multidimensional, 0.6).CivilianHarm < Run(conflict, 3, 5000, MissionType.Multidimensional, 0.6).CivilianHarm);
        Assert.True(Run(conflict, 1, 20000, MissionType.Multidimensional, 0.6).CivilianHarm < Run(conflict, 12, 20000, MissionType.Multidimensional, 0.6).CivilianHarm);
    }

    [Fact]
    public void Consent_makes_light_missions_work_without_it_only_robust_mandates_help_at_a_cost_in_lives()
    {
        var conflict = ConflictSetting.InterstateCeasefire;
        Assert.True(Run(conflict, 1, 3000, MissionType.Traditional, 0.9).CivilianHarm < Run(conflict, 1, 3000, MissionType.Traditional, 0.1).CivilianHarm);
        var observersWithoutConsent = Run(conflict, 1, 3000, MissionType.Observer, 0.05);
        var robustWithoutConsent = Run(conflict, 1, 3000, MissionType.Enforcement, 0.05);
        var robustWithConsent = Run(conflict, 1, 3000, MissionType.Enforcement, 0.9);
        Assert.True(robustWithoutConsent.CivilianHarm < observersWithoutConsent.CivilianHarm);
        Assert.True(robustWithoutConsent.PeacekeeperFatalitiesPer1000 > robustWithConsent.PeacekeeperFatalitiesPer1000);
        Assert.True(robustWithoutConsent.PeacekeeperFatalitiesPer1000 > observersWithoutConsent.PeacekeeperFatalitiesPer1000);
    }

    [Fact]
    public void No_mission_changes_nothing_and_the_seed_fixes_the_result()
    {
        var none = Run(ConflictSetting.CivilWar, 0, 0, MissionType.Observer, 0.5);
        Assert.Equal(none.HarmWithoutMission, none.CivilianHarm, 9);
        Assert.Equal(0, none.PeacekeeperFatalitiesPer1000);
        Assert.Equal(Run(ConflictSetting.CivilWar, 2, 8000, MissionType.Traditional, 0.5), Run(ConflictSetting.CivilWar, 2, 8000, MissionType.Traditional, 0.5));
        var other = PeacekeepingTradeoffModel.Evaluate(ConflictSetting.CivilWar, new PeacekeepingPlan("plan", 2, 8000, MissionType.Traditional, 0.5), seed: 4);
        Assert.NotEqual(Run(ConflictSetting.CivilWar, 2, 8000, MissionType.Traditional, 0.5).CivilianHarm, other.CivilianHarm);
    }

    [Fact]
    public void Impossible_plans_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeacekeepingPlan("x", 0, 100, MissionType.Observer, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeacekeepingPlan("x", -1, 100, MissionType.Observer, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConflictSetting("x", 0.5, 0, 0.1));
    }
}
