using System.Globalization;
using CollectiveSecurity.Data;
using CollectiveSecurity.Organizations;

namespace CollectiveSecurity.Simulations;

/// <summary>A member seat in a simulated council: its name, its place on the political spectrum, and whether it holds a veto.</summary>
/// <param name="Name">Member name.</param>
/// <param name="Position">Position on a one-dimensional spectrum from -1 to 1 (a stand-in for alignment; the sign has no moral meaning).</param>
/// <param name="HasVeto">Whether its No alone blocks (if the design's rule has a veto).</param>
public sealed record CouncilSeat(string Name, double Position, bool HasVeto)
{
    /// <summary>The position, clamped to [-1, 1].</summary>
    public double Position { get; } = Math.Clamp(Position, -1, 1);
}

/// <summary>
/// A council to simulate: its fixed seats (usually the permanent members), how many elected seats are drawn at random
/// for each draft, and its decision rule.
/// </summary>
/// <param name="Name">Name of the design, e.g. "Security Council today".</param>
/// <param name="FixedSeats">Seats held by the same members on every draft.</param>
/// <param name="ElectedSeats">Seats filled for each draft by members at random positions (elected members rotate).</param>
/// <param name="Rule">The decision rule.</param>
public sealed record CouncilDesign(string Name, IReadOnlyList<CouncilSeat> FixedSeats, int ElectedSeats, VotingRule Rule)
{
    /// <summary>Elected seats (0 or more).</summary>
    public int ElectedSeats { get; } = ElectedSeats >= 0 ? ElectedSeats : throw new ArgumentOutOfRangeException(nameof(ElectedSeats), ElectedSeats, "cannot be negative");

    /// <summary>All seats.</summary>
    public int Seats => FixedSeats.Count + ElectedSeats;

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}

/// <summary>The outcome of simulating many drafts in one council design.</summary>
/// <param name="Design">The design's name.</param>
/// <param name="Drafts">Drafts voted on.</param>
/// <param name="Adopted">Drafts adopted.</param>
/// <param name="Vetoed">Drafts that failed because a veto-holder (or, under unanimity, any member) blocked them.</param>
/// <param name="BlockedBy">For each fixed seat, how many drafts it blocked (alone or with others), in seat order.</param>
public sealed record CouncilVotingResult(string Design, int Drafts, int Adopted, int Vetoed, IReadOnlyList<KeyValuePair<string, int>> BlockedBy)
{
    /// <summary>Share of drafts adopted, 0-1.</summary>
    public double AdoptionRate => Drafts == 0 ? 0 : (double)Adopted / Drafts;

    /// <summary>One line, e.g. "Security Council today: 412 of 1000 adopted (41.2%), 233 blocked".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Design}: {Adopted} of {Drafts} adopted ({AdoptionRate * 100:F1}%), {Vetoed} blocked");
}

/// <summary>What the veto record would look like under another rule, replaying the real vetoed drafts whose tallies are known.</summary>
/// <param name="Rule">The alternative rule.</param>
/// <param name="VetoedDraftsWithTally">Vetoed drafts with a known yes-no-abstain count.</param>
/// <param name="WouldHavePassed">How many of them the alternative rule would have adopted.</param>
public sealed record VetoReplayResult(string Rule, int VetoedDraftsWithTally, int WouldHavePassed)
{
    /// <summary>One line, e.g. "no veto: 150 of 179 vetoed drafts would have passed".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rule}: {WouldHavePassed} of {VetoedDraftsWithTally} vetoed drafts would have passed");
}

/// <summary>
/// Simulates council voting under different decision rules: the League's unanimity, today's Security Council, and reform
/// variants (more permanent members, veto restraint, no veto). Deterministic: the same seed gives the same results.
/// </summary>
/// <remarks>
/// <para>Assumptions (a spatial voting model, deliberately simple):</para>
/// <list type="bullet">
/// <item>Every member sits at a point on one political dimension from -1 to 1. The permanent members' points are fixed
/// (USA 0.8, UK 0.7, France 0.5, China -0.5, Russia -0.7); elected members are drawn uniformly for each draft, because
/// elected seats rotate.</item>
/// <item>Each draft sits at a point drawn uniformly in [-1, 1] and has a breadth drawn uniformly in [0.3, 1.3]: members within
/// the breadth vote yes, members beyond breadth + 0.3 vote no, those in between abstain.</item>
/// <item>Votes are sincere: nobody trades votes, and drafts that would be vetoed are still put to a vote (in reality many are
/// never tabled, so real adoption rates are higher and real veto counts lower).</item>
/// <item>The random numbers come from <see cref="Random"/> with the given seed, whose sequence .NET keeps stable for seeded instances.</item>
/// </list>
/// </remarks>
public static class CouncilVotingSimulation
{
    /// <summary>The five permanent members at their assumed positions.</summary>
    public static IReadOnlyList<CouncilSeat> PermanentFive { get; } =
    [
        new("USA", 0.8, true),
        new("UK", 0.7, true),
        new("France", 0.5, true),
        new("China", -0.5, true),
        new("Russia", -0.7, true),
    ];

    /// <summary>Today's Security Council: 5 permanent members with veto, 10 elected, 9 votes needed.</summary>
    public static CouncilDesign SecurityCouncilToday { get; } = new("Security Council today", PermanentFive, 10, SecurityCouncil.Rule);

    /// <summary>A League-style council of the same size deciding by unanimity: any member's No blocks.</summary>
    public static CouncilDesign LeagueUnanimity { get; } = new("League unanimity", [.. PermanentFive.Select(s => s with { HasVeto = false })], 10, new Unanimity(Label: "unanimity"));

    /// <summary>
    /// Veto restraint, in the form of the proposals that a veto count only when at least two permanent members cast it: as today,
    /// but one permanent member's No no longer blocks. (The French-Mexican initiative of 2015 asks instead for voluntary restraint
    /// in cases of mass atrocities; the ACT code of conduct asks the same of all members.)
    /// </summary>
    public static CouncilDesign VetoRestraint { get; } = new("Veto restraint (two vetoes to block)", PermanentFive, 10,
        new QualifiedMajorityWithVeto(9, VetoesToBlock: 2, Label: "9 of 15, two vetoes to block"));

    /// <summary>
    /// More permanent members with a veto: 25 seats, the five plus six new permanent members with veto (Germany 0.6, Japan 0.6, Brazil 0.1, India 0.0, two African seats -0.1 and 0.0), 14 elected, 15 votes needed.
    /// In this one-dimensional model the new veto-holders sit between the USA and Russia, so they add almost no new blocking:
    /// a veto player inside the range of existing ones is "absorbed" (Tsebelis). They would matter on issues where they stand apart.
    /// </summary>
    public static CouncilDesign MorePermanentMembers { get; } = new("11 permanent members with veto (25 seats)",
        [.. PermanentFive, new("Germany", 0.6, true), new("Japan", 0.6, true), new("Brazil", 0.1, true), new("India", 0.0, true), new("African seat 1", -0.1, true), new("African seat 2", 0.0, true)],
        14, new QualifiedMajorityWithVeto(15, Label: "15 of 25, veto"));

    /// <summary>No veto: 15 seats, 9 votes needed, permanent seats without veto.</summary>
    public static CouncilDesign NoVeto { get; } = new("No veto (9 of 15)", [.. PermanentFive.Select(s => s with { HasVeto = false })], 10,
        new QualifiedMajorityWithVeto(9, VetoesToBlock: int.MaxValue, Label: "9 of 15, no veto"));

    /// <summary>The designs compared in the course, in order from hardest to easiest to act.</summary>
    public static IReadOnlyList<CouncilDesign> StandardDesigns { get; } = [LeagueUnanimity, MorePermanentMembers, SecurityCouncilToday, VetoRestraint, NoVeto];

    /// <summary>Votes <paramref name="drafts"/> random drafts in each design, all designs seeing the same drafts and elected members for a seed.</summary>
    /// <param name="designs">The designs to compare.</param>
    /// <param name="drafts">Number of drafts (1 to 1,000,000).</param>
    /// <param name="seed">Seed of the random numbers.</param>
    public static IReadOnlyList<CouncilVotingResult> Run(IEnumerable<CouncilDesign> designs, int drafts, int seed)
    {
        ArgumentNullException.ThrowIfNull(designs);
        ArgumentOutOfRangeException.ThrowIfLessThan(drafts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(drafts, 1_000_000);
        return designs.Select(d => Run(d, drafts, seed)).ToArray();
    }

    /// <summary>Votes <paramref name="drafts"/> random drafts in one design.</summary>
    /// <param name="design">The design.</param>
    /// <param name="drafts">Number of drafts (1 to 1,000,000).</param>
    /// <param name="seed">Seed of the random numbers.</param>
    public static CouncilVotingResult Run(CouncilDesign design, int drafts, int seed)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentOutOfRangeException.ThrowIfLessThan(drafts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(drafts, 1_000_000);
        var random = new Random(seed);
        var blocked = new int[design.FixedSeats.Count];
        int adopted = 0, vetoed = 0;
        var elected = new double[design.ElectedSeats];
        for (var i = 0; i < drafts; i++)
        {
            // Draw in a fixed order so that designs with equal elected seats see identical drafts for the same seed.
            var position = (random.NextDouble() * 2) - 1;
            var breadth = 0.3 + random.NextDouble();
            for (var e = 0; e < elected.Length; e++)
            {
                elected[e] = (random.NextDouble() * 2) - 1;
            }

            var entries = design.FixedSeats.Select(s => new BallotEntry(s.Name, VoteOf(s.Position, position, breadth), s.HasVeto))
                .Concat(elected.Select((x, e) => new BallotEntry(string.Create(CultureInfo.InvariantCulture, $"Elected {e + 1}"), VoteOf(x, position, breadth))));
            var decision = design.Rule.Decide(new Ballot("simulated draft", entries));
            if (decision.Adopted)
            {
                adopted++;
            }
            else if (decision.WasBlocked)
            {
                vetoed++;
                for (var s = 0; s < design.FixedSeats.Count; s++)
                {
                    if (decision.BlockedBy.Contains(design.FixedSeats[s].Name))
                    {
                        blocked[s]++;
                    }
                }
            }
        }

        return new CouncilVotingResult(design.Name, drafts, adopted, vetoed,
            design.FixedSeats.Select((s, i) => new KeyValuePair<string, int>(s.Name, blocked[i])).ToArray());
    }

    /// <summary>
    /// Replays the real vetoed drafts (those with a known tally) under other rules: with no veto, a draft passes if it had the
    /// required yes votes (7 before 1966, 9 since); with veto restraint, if it also had fewer than two vetoes. No randomness.
    /// </summary>
    /// <param name="vetoes">Vetoed drafts, e.g. <see cref="CourseData.Vetoes"/>.</param>
    public static IReadOnlyList<VetoReplayResult> ReplayVetoes(IEnumerable<Veto> vetoes)
    {
        ArgumentNullException.ThrowIfNull(vetoes);
        var known = vetoes.Where(v => v.Tally is not null).ToArray();
        bool EnoughYes(Veto v) => v.Tally!.Yes >= SecurityCouncil.RequiredVotesIn(v.Year);
        return
        [
            new("today's rule", known.Length, 0),
            new("veto restraint (two vetoes to block)", known.Length, known.Count(v => EnoughYes(v) && v.VetoedBy.Count < 2)),
            new("no veto", known.Length, known.Count(EnoughYes)),
        ];
    }

    private static Vote VoteOf(double member, double draft, double breadth)
    {
        var distance = Math.Abs(member - draft);
        return distance <= breadth ? Vote.Yes : distance > breadth + 0.3 ? Vote.No : Vote.Abstain;
    }
}
