using System.Globalization;
using CollectiveSecurity.Principles;

namespace CollectiveSecurity.Simulations;

/// <summary>The conflict a mission is sent into.</summary>
/// <param name="Name">Name, e.g. "Rwanda 1994".</param>
/// <param name="Intensity">How violent it is, 0-1 (1 = the worst the model knows).</param>
/// <param name="TroopsNeeded">Troops that would cover the theatre fully.</param>
/// <param name="Escalation">Monthly growth rate of violence while no mission is deployed, 0-1 (logistic: growth slows as violence nears its ceiling).</param>
public sealed record ConflictSetting(string Name, double Intensity, int TroopsNeeded, double Escalation)
{
    /// <summary>Intensity, 0-1.</summary>
    public double Intensity { get; } = Intensity is >= 0 and <= 1 ? Intensity : throw new ArgumentOutOfRangeException(nameof(Intensity), Intensity, "from 0 to 1");

    /// <summary>Troops for full coverage (at least 1).</summary>
    public int TroopsNeeded { get; } = TroopsNeeded >= 1 ? TroopsNeeded : throw new ArgumentOutOfRangeException(nameof(TroopsNeeded), TroopsNeeded, "at least 1");

    /// <summary>Monthly escalation, 0-1.</summary>
    public double Escalation { get; } = Escalation is >= 0 and <= 1 ? Escalation : throw new ArgumentOutOfRangeException(nameof(Escalation), Escalation, "from 0 to 1");

    /// <summary>Rwanda, April 1994: extreme and fast-escalating violence; the force commander asked for about 5,000 troops.</summary>
    public static ConflictSetting Rwanda1994 { get; } = new("Rwanda 1994", 0.9, 5000, 0.3);

    /// <summary>A ceasefire line between two states that want it kept (Sinai 1956, Golan 1974): low intensity, small theatre.</summary>
    public static ConflictSetting InterstateCeasefire { get; } = new("Interstate ceasefire line", 0.2, 3000, 0.02);

    /// <summary>A civil war with many armed groups over a large country (eastern Congo, Mali): high intensity, huge theatre.</summary>
    public static ConflictSetting CivilWar { get; } = new("Civil war, many armed groups", 0.7, 30000, 0.05);
}

/// <summary>A plan for a peace operation: how soon, how big, how robust, and with how much consent.</summary>
/// <param name="Name">Name, e.g. "UNAMIR as reduced (270 troops)".</param>
/// <param name="DeploymentDelayMonths">Months from the decision to deployment (0-60).</param>
/// <param name="Troops">Troops deployed (0-200,000).</param>
/// <param name="Mandate">The mission type, from observers to enforcement; sets the mandate's robustness.</param>
/// <param name="Consent">How far the main parties consent, 0-1.</param>
public sealed record PeacekeepingPlan(string Name, int DeploymentDelayMonths, int Troops, MissionType Mandate, double Consent)
{
    /// <summary>Delay, 0-60 months.</summary>
    public int DeploymentDelayMonths { get; } = DeploymentDelayMonths is >= 0 and <= 60 ? DeploymentDelayMonths : throw new ArgumentOutOfRangeException(nameof(DeploymentDelayMonths), DeploymentDelayMonths, "from 0 to 60 months");

    /// <summary>Troops, 0-200,000.</summary>
    public int Troops { get; } = Troops is >= 0 and <= 200_000 ? Troops : throw new ArgumentOutOfRangeException(nameof(Troops), Troops, "from 0 to 200,000");

    /// <summary>Consent, 0-1.</summary>
    public double Consent { get; } = Consent is >= 0 and <= 1 ? Consent : throw new ArgumentOutOfRangeException(nameof(Consent), Consent, "from 0 to 1");

    /// <summary>The mandate's robustness, 0-1: observer 0, traditional 0.3, multidimensional 0.6, enforcement 1.</summary>
    public double Robustness => Mandate switch
    {
        MissionType.Observer => 0,
        MissionType.Traditional => 0.3,
        MissionType.Multidimensional => 0.6,
        _ => 1,
    };

    /// <summary>UNAMIR after res 912 (21 Apr 1994) cut it to about 270: a Chapter VI mission whose consent had collapsed, already in place.</summary>
    public static PeacekeepingPlan Rwanda1994Actual { get; } = new("UNAMIR as reduced (270 troops, Chapter VI)", 0, 270, MissionType.Traditional, 0.2);

    /// <summary>The counterfactual the force commander (Dallaire) argued for: about 5,000 troops within a month and a robust mandate.</summary>
    public static PeacekeepingPlan Rwanda1994Reinforced { get; } = new("5,000 troops in a month, robust mandate", 1, 5000, MissionType.Enforcement, 0.2);
}

/// <summary>The model's estimate for one plan in one conflict, averaged over its runs.</summary>
/// <param name="Plan">The plan's name.</param>
/// <param name="Conflict">The conflict's name.</param>
/// <param name="CivilianHarm">Violence against civilians over the horizon (index: 100 = one month at full intensity).</param>
/// <param name="HarmWithoutMission">The same index had no mission been sent.</param>
/// <param name="SuccessProbability">Share of runs in which violence at the horizon fell to a quarter of its starting level or below.</param>
/// <param name="PeacekeeperFatalitiesPer1000">Expected peacekeeper deaths per 1,000 troops per year.</param>
public sealed record PeacekeepingOutcome(string Plan, string Conflict, double CivilianHarm, double HarmWithoutMission, double SuccessProbability, double PeacekeeperFatalitiesPer1000)
{
    /// <summary>Share of the harm the mission prevented, 0-1.</summary>
    public double HarmReduction => HarmWithoutMission <= 0 ? 0 : 1 - (CivilianHarm / HarmWithoutMission);

    /// <summary>One line with the main figures.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Plan} in {Conflict}: harm {CivilianHarm:F0} (-{HarmReduction * 100:F0}% vs none), success {SuccessProbability * 100:F0}%, peacekeeper deaths {PeacekeeperFatalitiesPer1000:F1}/1,000/yr");
}

/// <summary>
/// The trade-offs of a peace operation: deployment delay, troop numbers, mandate robustness and consent, against harm to civilians,
/// the chance of success and the risk to peacekeepers. Monte Carlo over uncertain spoiler strength and eroding consent;
/// deterministic for a seed.
/// </summary>
/// <remarks>
/// <para>Assumptions (stylised, in the spirit of the findings that more troops, deployed sooner, reduce violence; Hultman, Kathman and Shannon 2014):</para>
/// <list type="bullet">
/// <item>Each run draws the spoilers' strength s from U(0.6, 1.4) and the realised consent as the plan's consent ±0.1.</item>
/// <item>Violence starts at 100 × intensity × s per month and, until the mission deploys, grows logistically at the conflict's escalation
/// rate toward a ceiling of 100 × s (the most the armed groups can do).</item>
/// <item>Effectiveness e = coverage × (consent × (0.6 + 0.3 robustness) + (1 - consent) × 0.8 robustness) / √s, at most 0.95, where
/// coverage = troops / troops needed (at most 1): with consent even observers help; without it only robust mandates do.</item>
/// <item>After deployment, violence closes half the gap to (1 - e) × its level at deployment each month. Harm is the sum over 24 months.</item>
/// <item>Peacekeeper deaths per 1,000 per year = 0.5 + 4 × intensity × s × (1 - consent) × (0.5 + robustness) / (0.5 + coverage): robust
/// mandates without consent expose troops, thin forces are more vulnerable (the UN's own figures run from about 1 to 3 per 1,000).</item>
/// </list>
/// </remarks>
public static class PeacekeepingTradeoffModel
{
    /// <summary>Months simulated.</summary>
    public const int HorizonMonths = 24;

    /// <summary>Estimates a plan's outcome.</summary>
    /// <param name="conflict">The conflict.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="seed">Seed of the random numbers.</param>
    /// <param name="runs">Monte Carlo runs (1-100,000).</param>
    public static PeacekeepingOutcome Evaluate(ConflictSetting conflict, PeacekeepingPlan plan, int seed, int runs = 1000)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runs, 100_000);
        var random = new Random(seed);
        double harm = 0, baseline = 0, successes = 0, fatalities = 0;
        var coverage = Math.Min(1.0, (double)plan.Troops / conflict.TroopsNeeded);
        for (var run = 0; run < runs; run++)
        {
            var spoilers = 0.6 + (0.8 * random.NextDouble());
            var consent = Math.Clamp(plan.Consent + ((random.NextDouble() * 0.2) - 0.1), 0, 1);
            var effectiveness = Math.Min(0.95, coverage * ((consent * (0.6 + (0.3 * plan.Robustness))) + ((1 - consent) * 0.8 * plan.Robustness)) / Math.Sqrt(spoilers));
            var start = 100 * conflict.Intensity * spoilers;
            var ceiling = 100 * spoilers;
            var (runHarm, final) = Simulate(start, ceiling, conflict.Escalation, plan.Troops == 0 ? int.MaxValue : plan.DeploymentDelayMonths, effectiveness);
            harm += runHarm;
            baseline += Simulate(start, ceiling, conflict.Escalation, int.MaxValue, 0).Harm;
            successes += final <= start / 4 ? 1 : 0;
            fatalities += 0.5 + (4 * conflict.Intensity * spoilers * (1 - consent) * (0.5 + plan.Robustness) / (0.5 + coverage));
        }

        return new PeacekeepingOutcome(plan.Name, conflict.Name, harm / runs, baseline / runs, successes / runs, plan.Troops == 0 ? 0 : fatalities / runs);
    }

    private static (double Harm, double Final) Simulate(double start, double ceiling, double escalation, int deployAt, double effectiveness)
    {
        double violence = start, harm = 0, target = 0;
        for (var month = 0; month < HorizonMonths; month++)
        {
            if (month < deployAt)
            {
                violence = month == 0 ? start : violence + (escalation * violence * (1 - (violence / ceiling)));
            }
            else
            {
                if (month == deployAt)
                {
                    target = violence * (1 - effectiveness);
                }

                violence += (target - violence) / 2;
            }

            harm += violence;
        }

        return (harm, violence);
    }
}
