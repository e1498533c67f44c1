using CollectiveSecurity.Simulations;

namespace CollectiveSecurity.Tests.Simulations;

public class SanctionsGameTests
{
    [Fact]
    public void Abyssinia_sanctions_collapse_because_great_powers_stay_out()
    {
        var result = SanctionsGame.Play(SanctionsScenario.Abyssinia1935, seed: 1, freeRiding: 0);
        Assert.Equal(SanctionsOutcome.SanctionsCollapsed, result.Outcome);
        Assert.False(result.Deters);
        // Round 0: the eight willing members cut 53% of Italy's trade, but outsiders and refusers divert 0.8 x 47%.
        Assert.Equal(0.53 - (0.8 * 0.47), result.Rounds[0].NetPressure, 10);
        Assert.Equal(8, result.Rounds[0].Complying.Count);
        Assert.DoesNotContain("Germany", result.Rounds[0].Complying);
    }

    [Fact]
    public void The_same_sanctions_with_every_great_power_in_deter_and_succeed()
    {
        var result = SanctionsGame.Play(SanctionsScenario.Abyssinia1935WithAllGreatPowers, seed: 1, freeRiding: 0);
        Assert.True(result.Deters);
        Assert.Equal(SanctionsOutcome.AggressorYielded, result.Outcome);
        Assert.Equal(SanctionsScenario.Abyssinia1935.RoundsToBite, result.Rounds.Count);
    }

    [Fact]
    public void Free_riding_delays_success_and_at_the_extreme_prevents_it()
    {
        var scenario = SanctionsScenario.Abyssinia1935WithAllGreatPowers;
        var none = SanctionsGame.Play(scenario, seed: 5, freeRiding: 0);
        var some = SanctionsGame.Play(scenario, seed: 5, freeRiding: 0.3);
        var most = SanctionsGame.Play(scenario, seed: 5, freeRiding: 0.9);
        Assert.Equal(SanctionsOutcome.AggressorYielded, none.Outcome);
        Assert.Empty(none.Rounds.SelectMany(r => r.FreeRiding));
        Assert.True(some.Rounds.Count > none.Rounds.Count);
        Assert.NotEmpty(some.Rounds.SelectMany(r => r.FreeRiding));
        Assert.NotEqual(SanctionsOutcome.AggressorYielded, most.Outcome);
    }

    [Fact]
    public void The_same_seed_replays_the_same_game()
    {
        var a = SanctionsGame.Play(SanctionsScenario.Abyssinia1935WithAllGreatPowers, seed: 9, freeRiding: 0.5);
        var b = SanctionsGame.Play(SanctionsScenario.Abyssinia1935WithAllGreatPowers, seed: 9, freeRiding: 0.5);
        Assert.Equal(a.Rounds.Select(r => string.Join(",", r.Complying)), b.Rounds.Select(r => string.Join(",", r.Complying)));
        var differs = Enumerable.Range(10, 20).Any(seed =>
            SanctionsGame.Play(SanctionsScenario.Abyssinia1935WithAllGreatPowers, seed, 0.5).Rounds.Count != a.Rounds.Count);
        Assert.True(differs, "some other seed plays out differently");
    }

    [Fact]
    public void Impossible_scenarios_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SanctionsScenario("x", "A", [new SanctionsState("B", 0.7, 0, 1), new SanctionsState("C", 0.7, 0, 1)], 0.5, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SanctionsScenario("x", "A", [], 0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SanctionsState("B", 0.2, 1.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SanctionsGame.Play(SanctionsScenario.Abyssinia1935, 1, freeRiding: 2));
    }
}
