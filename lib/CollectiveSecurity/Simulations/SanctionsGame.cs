using System.Globalization;

namespace CollectiveSecurity.Simulations;

/// <summary>A state in the sanctions game: how much of the aggressor's trade it carries, and how it weighs costs against the system.</summary>
/// <param name="Name">State name.</param>
/// <param name="TradeWeight">Its share of the aggressor's foreign trade (or other economic lifeline), 0-1; all weights in a scenario add up to at most 1.</param>
/// <param name="Cost">What complying costs it per round, relative to its commitment, 0-1 (lost exports, a wish to keep the aggressor as an ally).</param>
/// <param name="Commitment">How much it values upholding collective security, 0-1.</param>
/// <param name="IsMember">Whether it belongs to the collective security system; outsiders never sanction and can take up the trade.</param>
/// <param name="IsGreatPower">Whether it is a great power (for reading the results).</param>
public sealed record SanctionsState(string Name, double TradeWeight, double Cost, double Commitment, bool IsMember = true, bool IsGreatPower = false)
{
    /// <summary>Trade weight, 0-1.</summary>
    public double TradeWeight { get; } = TradeWeight is >= 0 and <= 1 ? TradeWeight : throw new ArgumentOutOfRangeException(nameof(TradeWeight), TradeWeight, "a share from 0 to 1");

    /// <summary>Cost of complying, 0-1.</summary>
    public double Cost { get; } = Cost is >= 0 and <= 1 ? Cost : throw new ArgumentOutOfRangeException(nameof(Cost), Cost, "from 0 to 1");

    /// <summary>Commitment to the system, 0-1.</summary>
    public double Commitment { get; } = Commitment is >= 0 and <= 1 ? Commitment : throw new ArgumentOutOfRangeException(nameof(Commitment), Commitment, "from 0 to 1");
}

/// <summary>A sanctions episode to play: the states, the aggressor's breaking point, and how easily trade is diverted.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Aggressor">The state sanctioned.</param>
/// <param name="States">Its trading partners.</param>
/// <param name="Threshold">Net economic pressure (share of its trade cut, 0-1) at which the aggressor gives in.</param>
/// <param name="Substitution">How much of the trade cut off by sanctioning states the non-sanctioning states can replace, per unit of their own weight, 0-1.</param>
/// <param name="RoundsToBite">Consecutive rounds (months) the pressure must stay at the threshold before the aggressor gives in.</param>
public sealed record SanctionsScenario(string Name, string Aggressor, IReadOnlyList<SanctionsState> States, double Threshold, double Substitution, int RoundsToBite = 6)
{
    /// <summary>Rounds the pressure must be sustained (1-100).</summary>
    public int RoundsToBite { get; } = RoundsToBite is >= 1 and <= 100 ? RoundsToBite : throw new ArgumentOutOfRangeException(nameof(RoundsToBite), RoundsToBite, "from 1 to 100");

    /// <summary>The aggressor's breaking point, 0-1.</summary>
    public double Threshold { get; } = Threshold is > 0 and <= 1 ? Threshold : throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "from 0 (exclusive) to 1");

    /// <summary>Trade diversion, 0-1.</summary>
    public double Substitution { get; } = Substitution is >= 0 and <= 1 ? Substitution : throw new ArgumentOutOfRangeException(nameof(Substitution), Substitution, "from 0 to 1");

    /// <summary>The states (weights must add up to at most 1, names unique).</summary>
    public IReadOnlyList<SanctionsState> States { get; } =
        States.Sum(s => s.TradeWeight) > 1 + 1e-9 ? throw new ArgumentException("trade weights add up to more than 1", nameof(States))
        : States.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != States.Count ? throw new ArgumentException("state names must be unique", nameof(States))
        : States;

    /// <summary>
    /// Abyssinia 1935-36, with illustrative weights (not measured trade data): League members Britain and France carry 23% of Italy's
    /// trade but value Italy against Germany (cost 0.5, commitment 0.6); six smaller members carry 30%; Austria and Hungary are members that
    /// refused sanctions; Germany (left the League in 1933) and the United States (never joined) carry 37% and stay out. Italy gives in
    /// when half its trade is cut for six months. In the model the sanctions unravel within two rounds; in history they lingered until
    /// 15 Jul 1936, after Italy had won. The model shows why they could not bite, not how long governments kept up appearances.
    /// </summary>
    public static SanctionsScenario Abyssinia1935 { get; } = new("Abyssinia 1935 (League sanctions on Italy)", "Italy",
    [
        new("United Kingdom", 0.14, 0.5, 0.6, IsGreatPower: true),
        new("France", 0.09, 0.5, 0.6, IsGreatPower: true),
        new("Switzerland", 0.05, 0.3, 0.6),
        new("Netherlands", 0.05, 0.3, 0.6),
        new("Belgium", 0.05, 0.3, 0.6),
        new("Yugoslavia", 0.05, 0.3, 0.6),
        new("Romania", 0.05, 0.3, 0.6),
        new("Poland", 0.05, 0.3, 0.6),
        new("Austria", 0.05, 0.6, 0.0),
        new("Hungary", 0.05, 0.6, 0.0),
        new("Germany", 0.20, 0.5, 0.0, IsMember: false, IsGreatPower: true),
        new("United States", 0.17, 0.5, 0.0, IsMember: false, IsGreatPower: true),
    ], Threshold: 0.5, Substitution: 0.8);

    /// <summary>The same episode had Germany and the United States been committed members (commitment 0.6, cost 0.3): the counterfactual of universality.</summary>
    public static SanctionsScenario Abyssinia1935WithAllGreatPowers { get; } = new(
        "Abyssinia 1935, all great powers in",
        Abyssinia1935.Aggressor,
        [.. Abyssinia1935.States.Select(s => s.Name is "Germany" or "United States" ? new SanctionsState(s.Name, s.TradeWeight, 0.3, 0.6, IsMember: true, s.IsGreatPower) : s)],
        Abyssinia1935.Threshold,
        Abyssinia1935.Substitution,
        Abyssinia1935.RoundsToBite);
}

/// <summary>How a sanctions episode ended.</summary>
public enum SanctionsOutcome
{
    /// <summary>Net pressure stayed at the aggressor's breaking point long enough: it gave in.</summary>
    AggressorYielded,

    /// <summary>No member was sanctioning any more: the sanctions were lifted (as on 15 Jul 1936).</summary>
    SanctionsCollapsed,

    /// <summary>The rounds ran out with sanctions in place but short of the breaking point.</summary>
    Stalemate,
}

/// <summary>One round of the game.</summary>
/// <param name="Round">Round number, from 0.</param>
/// <param name="Complying">Members sanctioning this round.</param>
/// <param name="FreeRiding">Members that defected although the sanctions would work without them.</param>
/// <param name="NetPressure">Share of the aggressor's trade cut, after diversion, 0-1.</param>
public sealed record SanctionsRound(int Round, IReadOnlyList<string> Complying, IReadOnlyList<string> FreeRiding, double NetPressure)
{
    /// <summary>One line, e.g. "round 2: 6 complying, 1 free-riding, pressure 0.41".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"round {Round}: {Complying.Count} complying, {FreeRiding.Count} free-riding, pressure {NetPressure:F2}");
}

/// <summary>The result of one play of the sanctions game.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="PledgedPressure">Pressure if every member kept its pledge: when it reaches the threshold the threat alone should deter.</param>
/// <param name="Deters">Whether the pledged pressure reaches the aggressor's breaking point (deterrence is credible on paper).</param>
/// <param name="Rounds">Every round played.</param>
public sealed record SanctionsResult(string Scenario, SanctionsOutcome Outcome, double PledgedPressure, bool Deters, IReadOnlyList<SanctionsRound> Rounds)
{
    /// <summary>One line, e.g. "Abyssinia 1935: SanctionsCollapsed after 4 rounds (pledged pressure 0.33, no deterrence)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario}: {Outcome} after {Rounds.Count} rounds (pledged pressure {PledgedPressure:F2}, {(Deters ? "deters" : "no deterrence")})");
}

/// <summary>
/// A sanctions and deterrence game: members of a collective security system decide, round by round, whether to keep up
/// sanctions against an aggressor, defect, or free-ride. It shows why collective security fails when great powers stay out.
/// Deterministic: the same scenario, free-riding tendency and seed give the same result.
/// </summary>
/// <remarks>
/// <para>Assumptions:</para>
/// <list type="bullet">
/// <item>Net pressure = the trade weight of sanctioning members minus <c>Substitution</c> times the weight of everyone not sanctioning
/// (outsiders and defectors take up the trade), floored at 0. The aggressor gives in when net pressure has stayed at its threshold
/// for <c>RoundsToBite</c> consecutive rounds.</item>
/// <item>Round 0: every member sanctions whose commitment is at least its cost. Later rounds, each member looks at what the others did
/// last round. If the others already reach the threshold without it, a member willing to pay (commitment at least its cost, perturbed
/// by ±<c>noise</c>) free-rides with probability <c>freeRiding</c>; because everyone reasons alike, free-riding can unravel even a
/// coalition that would have sufficed. Otherwise it
/// sanctions if its commitment is at least its cost, perturbed by ±<c>noise</c>, plus a pessimism term: how far short the sanctions
/// would fall even if it and every willing member sanctioned, as a share of the threshold. Sanctions that cannot work unravel;
/// sanctions that could work dip when members free-ride and recover when the others no longer suffice.</item>
/// <item>Outsiders never sanction. Deterrence: the threat is credible on paper when the pledged pressure (every member sanctioning) reaches the threshold.</item>
/// <item>Weights in the built-in scenarios are illustrative teaching values, not trade statistics.</item>
/// </list>
/// </remarks>
public static class SanctionsGame
{
    /// <summary>Plays a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="seed">Seed of the random numbers (free-riding draws and cost noise).</param>
    /// <param name="freeRiding">Probability that a member defects when the sanctions would work without it, 0-1.</param>
    /// <param name="noise">How much a member's cost varies from round to round (±share), 0-1.</param>
    /// <param name="maxRounds">Rounds (months) to play at most (1-1000).</param>
    public static SanctionsResult Play(SanctionsScenario scenario, int seed, double freeRiding = 0.3, double noise = 0.1, int maxRounds = 24)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(freeRiding, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(freeRiding, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(noise, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(noise, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRounds, 1000);

        var random = new Random(seed);
        var states = scenario.States;
        var pledged = Pressure(scenario, states.Select(s => s.IsMember).ToArray());
        var complying = states.Select(s => s.IsMember && s.Commitment >= s.Cost).ToArray();
        var rounds = new List<SanctionsRound> { Round(0, scenario, complying, []) };
        var outcome = SanctionsOutcome.Stalemate;
        var biting = 0;
        for (var round = 1; ; round++)
        {
            var last = rounds[^1];
            biting = last.NetPressure >= scenario.Threshold ? biting + 1 : 0;
            if (biting >= scenario.RoundsToBite)
            {
                outcome = SanctionsOutcome.AggressorYielded;
                break;
            }

            if (last.Complying.Count == 0)
            {
                outcome = SanctionsOutcome.SanctionsCollapsed;
                break;
            }

            if (round >= maxRounds)
            {
                break;
            }

            var next = new bool[states.Count];
            var freeRiders = new List<string>();
            for (var i = 0; i < states.Count; i++)
            {
                // Draw both numbers for every state, in a fixed order, so one state's choice never shifts another's randomness.
                var freeRideDraw = random.NextDouble();
                var costNoise = 1 + (((random.NextDouble() * 2) - 1) * noise);
                if (!states[i].IsMember)
                {
                    continue;
                }

                var withoutMe = (bool[])complying.Clone();
                withoutMe[i] = false;
                var willing = states[i].Commitment >= states[i].Cost * costNoise;
                if (Pressure(scenario, withoutMe) >= scenario.Threshold)
                {
                    // The others suffice: a willing member may still free-ride; an unwilling one simply does not sanction.
                    next[i] = willing && freeRideDraw >= freeRiding;
                    if (willing && !next[i])
                    {
                        freeRiders.Add(states[i].Name);
                    }

                    continue;
                }

                var shortfall = Math.Max(0, scenario.Threshold - Pressure(scenario, Potential(states, i))) / scenario.Threshold;
                next[i] = states[i].Commitment >= (states[i].Cost * costNoise) + shortfall;
            }

            complying = next;
            rounds.Add(Round(round, scenario, complying, freeRiders));
        }

        return new SanctionsResult(scenario.Name, outcome, pledged, pledged >= scenario.Threshold, rounds);
    }

    /// <summary>Who would sanction if every willing member did (commitment at least cost), with member <paramref name="me"/> in.</summary>
    private static bool[] Potential(IReadOnlyList<SanctionsState> states, int me) =>
        states.Select((s, i) => i == me || (s.IsMember && s.Commitment >= s.Cost)).ToArray();

    private static SanctionsRound Round(int round, SanctionsScenario scenario, bool[] complying, IReadOnlyList<string> freeRiders) =>
        new(round, scenario.States.Where((_, i) => complying[i]).Select(s => s.Name).ToArray(), freeRiders, Pressure(scenario, complying));

    private static double Pressure(SanctionsScenario scenario, bool[] complying)
    {
        double cut = 0, leak = 0;
        for (var i = 0; i < complying.Length; i++)
        {
            if (complying[i])
            {
                cut += scenario.States[i].TradeWeight;
            }
            else
            {
                leak += scenario.States[i].TradeWeight;
            }
        }

        return Math.Max(0, cut - (scenario.Substitution * leak));
    }
}
