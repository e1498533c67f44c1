namespace Course.Content.Tests.WrongAnswers;

/// <summary>Wrong answers to the exercises of notebooks 03 to 06 (see <see cref="WrongAnswerTable"/>).</summary>
internal static class WrongAnswers03To06
{
    private const string Nb3 = "03-security-council.ipynb";
    private const string Nb4 = "04-peacekeeping.ipynb";
    private const string Nb5 = "05-burden-sharing.ipynb";
    private const string Nb6 = "06-future-of-collective-security.ipynb";

    public static IEnumerable<WrongAnswer> All { get; } =
    [
        // 03 ex1: Article 27
        WrongAnswer.Of(Nb3, "ex1", "the fifteen-member rule applied from 1965 instead of 1966",
            "var needed = year < 1965 ? 7 : 9;\nreturn tally.Yes >= needed && !permanentMemberVotedNo;"),
        WrongAnswer.Of(Nb3, "ex1", "the eleven-member rule kept through 1966",
            "var needed = year <= 1966 ? 7 : 9;\nreturn tally.Yes >= needed && !permanentMemberVotedNo;"),
        WrongAnswer.Of(Nb3, "ex1", "nine votes required in every year",
            "return tally.Yes >= 9 && !permanentMemberVotedNo;"),
        WrongAnswer.Of(Nb3, "ex1", "a simple majority of those voting instead of a fixed number",
            "return tally.Yes > tally.No + tally.Abstain && !permanentMemberVotedNo;"),
        WrongAnswer.Of(Nb3, "ex1", "the veto ignored",
            "return tally.Yes >= (year <= 1965 ? 7 : 9);"),

        // 03 ex2: main user of the veto in a period
        WrongAnswer.Of(Nb3, "ex2", "counts only the first of several vetoing members",
            "return CourseData.Vetoes.Where(v => v.Year >= fromYear && v.Year <= toYear).GroupBy(v => v.VetoedBy[0]).OrderByDescending(g => g.Count()).First().Key;"),
        WrongAnswer.Of(Nb3, "ex2", "the range includes the year after toYear",
            "return CourseData.Vetoes.Where(v => v.Year >= fromYear && v.Year <= toYear + 1).SelectMany(v => v.VetoedBy).GroupBy(m => m).OrderByDescending(g => g.Count()).First().Key;"),
        WrongAnswer.Of(Nb3, "ex2", "the least frequent user instead of the most",
            "return CourseData.Vetoes.Where(v => v.Year >= fromYear && v.Year <= toYear).SelectMany(v => v.VetoedBy).GroupBy(m => m).OrderBy(g => g.Count()).First().Key;"),
        WrongAnswer.Of(Nb3, "ex2", "whole decades used whatever the range",
            "return CourseData.Vetoes.Where(v => v.Decade == fromYear / 10 * 10).SelectMany(v => v.VetoedBy).GroupBy(m => m).OrderByDescending(g => g.Count()).First().Key;"),
        WrongAnswer.Of(Nb3, "ex2", "the visible test's values hard-coded",
            "return fromYear < 1970 ? PermanentMember.SovietUnion : PermanentMember.UnitedStates;"),

        // 03 ex3: double-veto replay
        WrongAnswer.Of(Nb3, "ex3", "more than two vetoes required to stay blocked",
            "var d = CourseData.Vetoes.Where(v => v.Year >= fromYear && v.Year <= toYear).ToList();\nvar b = d.Count(v => v.VetoedBy.Count > 2);\nreturn (b, d.Count - b);"),
        WrongAnswer.Of(Nb3, "ex3", "the last year of the range left out",
            "var d = CourseData.Vetoes.Where(v => v.Year >= fromYear && v.Year < toYear).ToList();\nvar b = d.Count(v => v.VetoedBy.Count >= 2);\nreturn (b, d.Count - b);"),
        WrongAnswer.Of(Nb3, "ex3", "vetoes cast counted instead of drafts",
            "var d = CourseData.Vetoes.Where(v => v.Year >= fromYear && v.Year <= toYear).ToList();\nvar b = d.Where(v => v.VetoedBy.Count >= 2).Sum(v => v.VetoedBy.Count);\nreturn (b, d.Count(v => v.VetoedBy.Count == 1));"),
        WrongAnswer.Of(Nb3, "ex3", "the year range ignored",
            "var b = CourseData.Vetoes.Count(v => v.VetoedBy.Count >= 2);\nreturn (b, CourseData.Vetoes.Count - b);"),

        // 03 ex4: blocked share of enforcement cases
        WrongAnswer.Of(Nb3, "ex4", "partly blocked cases not counted",
            "var p = CourseData.EnforcementCases.Where(c => c.StartYear >= fromYear && c.StartYear <= toYear).ToList();\nif (p.Count == 0) return null;\nreturn (double)p.Count(c => c.VetoEffect == VetoEffect.Blocked) / p.Count;"),
        WrongAnswer.Of(Nb3, "ex4", "the last year of the range left out",
            "var p = CourseData.EnforcementCases.Where(c => c.StartYear >= fromYear && c.StartYear < toYear).ToList();\nif (p.Count == 0) return null;\nreturn (double)p.Count(c => c.VetoEffect != VetoEffect.NotBlocked) / p.Count;"),
        WrongAnswer.Of(Nb3, "ex4", "cases selected by end year",
            "var p = CourseData.EnforcementCases.Where(c => (c.EndYear ?? 2025) >= fromYear && (c.EndYear ?? 2025) <= toYear).ToList();\nif (p.Count == 0) return null;\nreturn (double)p.Count(c => c.VetoEffect != VetoEffect.NotBlocked) / p.Count;"),
        WrongAnswer.Of(Nb3, "ex4", "an empty period gives 0 instead of null",
            "var p = CourseData.EnforcementCases.Where(c => c.StartYear >= fromYear && c.StartYear <= toYear).ToList();\nreturn p.Count == 0 ? 0.0 : (double)p.Count(c => c.VetoEffect != VetoEffect.NotBlocked) / p.Count;"),

        // 03 ex5: a rule change on real ballots
        WrongAnswer.Of(Nb3, "ex5", "one veto still blocks (today's rule)",
            "var e = ballot.Ballot.Entries;\nreturn e.Count(x => x.Vote == Vote.Yes) >= (ballot.Date.Year <= 1965 ? 7 : 9) && !e.Any(x => x.HasVeto && x.Vote == Vote.No);"),
        WrongAnswer.Of(Nb3, "ex5", "any two no votes block, elected members included",
            "var e = ballot.Ballot.Entries;\nreturn e.Count(x => x.Vote == Vote.Yes) >= (ballot.Date.Year <= 1965 ? 7 : 9) && e.Count(x => x.Vote == Vote.No) < 2;"),
        WrongAnswer.Of(Nb3, "ex5", "a permanent member's abstention counted as a veto",
            "var e = ballot.Ballot.Entries;\nreturn e.Count(x => x.Vote == Vote.Yes) >= (ballot.Date.Year <= 1965 ? 7 : 9) && e.Count(x => x.HasVeto && (x.Vote == Vote.No || x.Vote == Vote.Abstain)) < 2;"),
        WrongAnswer.Of(Nb3, "ex5", "nine votes required before 1966 too",
            "var e = ballot.Ballot.Entries;\nreturn e.Count(x => x.Vote == Vote.Yes) >= 9 && e.Count(x => x.HasVeto && x.Vote == Vote.No) < 2;"),
        WrongAnswer.Of(Nb3, "ex5", "the yes votes not counted at all",
            "return ballot.Ballot.Entries.Count(x => x.HasVeto && x.Vote == Vote.No) < 2;"),

        // 04 ex1: active operations and busiest year
        new(Nb4, "ex1-answer", "ex1-tests", "an operation that ended during the year is left out",
            ["return CourseData.Missions.Count(m => m.Region == region && m.Start.Year <= year && (m.End is null || m.End.Value.Year > year));", null]),
        new(Nb4, "ex1-answer", "ex1-tests", "the latest of tied years instead of the earliest",
            [null, "var best = 0; var bestCount = 0;\nfor (var y = 1948; y <= 2025; y++) { var c = ActiveIn(region, y); if (c >= bestCount && c > 0) { best = y; bestCount = c; } }\nreturn bestCount > 0 ? best : throw new InvalidOperationException();"]),
        new(Nb4, "ex1-answer", "ex1-tests", "the search stops in 2000",
            [null, "var best = 0; var bestCount = 0;\nfor (var y = 1948; y <= 2000; y++) { var c = ActiveIn(region, y); if (c > bestCount) { best = y; bestCount = c; } }\nreturn bestCount > 0 ? best : throw new InvalidOperationException();"]),
        new(Nb4, "ex1-answer", "ex1-tests", "the region ignored",
            ["return CourseData.Missions.Count(m => m.WasActiveIn(year));", null]),

        // 04 ex2: deaths per thousand and the most dangerous year
        new(Nb4, "ex2-answer", "ex2-tests", "all deaths instead of uniformed deaths",
            ["var f = CourseData.FatalitiesByYear.SingleOrDefault(x => x.Year == year) ?? throw new ArgumentOutOfRangeException(nameof(year));\nvar p = CourseData.PersonnelByYear.SingleOrDefault(x => x.Year == year) ?? throw new ArgumentOutOfRangeException(nameof(year));\nreturn 1000.0 * f.Total / p.TotalUniformed;", null]),
        new(Nb4, "ex2-answer", "ex2-tests", "a year without personnel data gives 0 instead of throwing",
            ["var f = CourseData.FatalitiesByYear.SingleOrDefault(x => x.Year == year) ?? throw new ArgumentOutOfRangeException(nameof(year));\nvar p = CourseData.PersonnelByYear.SingleOrDefault(x => x.Year == year);\nreturn p is null ? 0 : 1000.0 * f.Uniformed / p.TotalUniformed;", null]),
        new(Nb4, "ex2-answer", "ex2-tests", "the most deaths instead of the highest rate",
            [null, "return Enumerable.Range(fromYear, toYear - fromYear + 1).MaxBy(y => CourseData.FatalitiesByYear.Single(f => f.Year == y).Uniformed);"]),
        new(Nb4, "ex2-answer", "ex2-tests", "the last year of the range left out",
            [null, "return toYear == fromYear ? fromYear : Enumerable.Range(fromYear, toYear - fromYear).MaxBy(DeathsPerThousand);"]),

        // 04 ex3: deaths per year of operation
        WrongAnswer.Of(Nb4, "ex3", "only the mission with exactly that acronym",
            "var e = CourseData.FatalitiesByMission.FirstOrDefault(f => f.MissionAcronym == acronym) ?? throw new ArgumentException(acronym);\nvar ms = CourseData.Missions.Where(m => m.Acronym == acronym).ToList();\nif (ms.Count == 0) ms = CourseData.Missions.Where(m => m.Acronym.StartsWith(acronym + \" \", StringComparison.Ordinal)).Take(1).ToList();\nif (ms.Count == 0) throw new ArgumentException(acronym);\nreturn e.Total / (ms.Sum(m => m.DurationMonths(new YearMonth(2025, 2))) / 12.0);"),
        WrongAnswer.Of(Nb4, "ex3", "a prefix match without the space",
            "var e = CourseData.FatalitiesByMission.FirstOrDefault(f => f.MissionAcronym == acronym) ?? throw new ArgumentException(acronym);\nvar ms = CourseData.Missions.Where(m => m.Acronym.StartsWith(acronym, StringComparison.Ordinal)).ToList();\nif (ms.Count == 0) throw new ArgumentException(acronym);\nreturn e.Total / (ms.Sum(m => m.DurationMonths(new YearMonth(2025, 2))) / 12.0);"),
        WrongAnswer.Of(Nb4, "ex3", "running missions measured to mid-2025 instead of February 2025",
            "var e = CourseData.FatalitiesByMission.FirstOrDefault(f => f.MissionAcronym == acronym) ?? throw new ArgumentException(acronym);\nvar ms = CourseData.Missions.Where(m => m.Acronym == acronym || m.Acronym.StartsWith(acronym + \" \", StringComparison.Ordinal)).ToList();\nif (ms.Count == 0) throw new ArgumentException(acronym);\nreturn e.Total / (ms.Sum(m => m.DurationMonths(new YearMonth(2025, 6))) / 12.0);"),
        WrongAnswer.Of(Nb4, "ex3", "no matching operation gives 0 instead of throwing",
            "var e = CourseData.FatalitiesByMission.FirstOrDefault(f => f.MissionAcronym == acronym) ?? throw new ArgumentException(acronym);\nvar ms = CourseData.Missions.Where(m => m.Acronym == acronym || m.Acronym.StartsWith(acronym + \" \", StringComparison.Ordinal)).ToList();\nif (ms.Count == 0) return 0;\nreturn e.Total / (ms.Sum(m => m.DurationMonths(new YearMonth(2025, 2))) / 12.0);"),

        // 04 ex4: smallest force
        WrongAnswer.Of(Nb4, "ex4", "the search stops at 15,000",
            "for (var t = 1000; t <= 15000; t += 1000) if (TradeoffModel.Forecast(new MissionPlan(delayMonths, t, robustness, consent)).PeaceHolds >= target) return t;\nreturn -1;"),
        WrongAnswer.Of(Nb4, "ex4", "a forecast exactly on the target is not accepted",
            "for (var t = 1000; t <= 40000; t += 1000) if (TradeoffModel.Forecast(new MissionPlan(delayMonths, t, robustness, consent)).PeaceHolds > target) return t;\nreturn -1;"),
        WrongAnswer.Of(Nb4, "ex4", "the largest force is returned when none suffices",
            "for (var t = 1000; t <= 40000; t += 1000) if (TradeoffModel.Forecast(new MissionPlan(delayMonths, t, robustness, consent)).PeaceHolds >= target) return t;\nreturn 40000;"),
        WrongAnswer.Of(Nb4, "ex4", "steps of 5,000 instead of 1,000",
            "for (var t = 5000; t <= 40000; t += 5000) if (TradeoffModel.Forecast(new MissionPlan(delayMonths, t, robustness, consent)).PeaceHolds >= target) return t;\nreturn TradeoffModel.Forecast(new MissionPlan(delayMonths, 1000, robustness, consent)).PeaceHolds >= target ? 1000 : -1;"),

        // 05 ex1: share of the largest contributors
        WrongAnswer.Of(Nb5, "ex1", "ranked by the Rank column, which the prompt forbids",
            "ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);\nvar rows = snapshot.OrderBy(c => c.Rank).ToList();\nreturn (double)rows.Take(k).Sum(c => c.TotalUniformed) / rows.Sum(c => c.TotalUniformed);"),
        WrongAnswer.Of(Nb5, "ex1", "k below 1 not rejected",
            "var t = snapshot.Select(c => (double)c.TotalUniformed).OrderByDescending(x => x).ToList();\nreturn t.Take(k).Sum() / t.Sum();"),
        WrongAnswer.Of(Nb5, "ex1", "the rows taken in the order given, unsorted",
            "ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);\nvar t = snapshot.Select(c => (double)c.TotalUniformed).ToList();\nreturn t.Take(k).Sum() / t.Sum();"),
        WrongAnswer.Of(Nb5, "ex1", "the latest snapshot used whatever rows are given",
            "ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);\nvar latest = CourseData.Contributors.Max(c => c.Snapshot);\nvar t = CourseData.Contributors.Where(c => c.Snapshot == latest).Select(c => (double)c.TotalUniformed).OrderByDescending(x => x).ToList();\nreturn t.Take(k).Sum() / t.Sum();"),

        // 05 ex2: share of a group of countries
        WrongAnswer.Of(Nb5, "ex2", "duplicated codes counted twice",
            "var latest = CourseData.Contributors.Max(c => c.Snapshot);\nvar rows = CourseData.Contributors.Where(c => c.Snapshot == latest).ToList();\nreturn (double)iso3Codes.Sum(code => rows.Where(c => c.Iso3 == code).Sum(c => c.TotalUniformed)) / rows.Sum(c => c.TotalUniformed);"),
        WrongAnswer.Of(Nb5, "ex2", "every snapshot pooled instead of the latest",
            "var wanted = iso3Codes.ToHashSet();\nvar rows = CourseData.Contributors;\nreturn (double)rows.Where(c => wanted.Contains(c.Iso3)).Sum(c => c.TotalUniformed) / rows.Sum(c => c.TotalUniformed);"),
        WrongAnswer.Of(Nb5, "ex2", "only the first code counted",
            "var latest = CourseData.Contributors.Max(c => c.Snapshot);\nvar rows = CourseData.Contributors.Where(c => c.Snapshot == latest).ToList();\nvar first = iso3Codes.FirstOrDefault();\nreturn (double)rows.Where(c => c.Iso3 == first).Sum(c => c.TotalUniformed) / rows.Sum(c => c.TotalUniformed);"),

        // 05 ex3: Herfindahl and the effective number
        new(Nb5, "ex3-answer", "ex3-tests", "shares not normalized by the total",
            ["if (totals.Count == 0 || totals.Sum() <= 0) throw new ArgumentException(\"empty\");\nvar max = totals.Max();\nreturn totals.Sum(t => (t / max) * (t / max)) / totals.Count;", null]),
        new(Nb5, "ex3-answer", "ex3-tests", "contributions summing to zero not rejected",
            ["if (totals.Count == 0) throw new ArgumentException(\"empty\");\nvar sum = totals.Sum();\nreturn totals.Sum(t => (t / sum) * (t / sum));", null]),
        new(Nb5, "ex3-answer", "ex3-tests", "the effective number is the count of contributors",
            [null, "return totals.Count(t => t > 0);"]),
        new(Nb5, "ex3-answer", "ex3-tests", "the average squared share instead of the sum",
            ["if (totals.Count == 0 || totals.Sum() <= 0) throw new ArgumentException(\"empty\");\nvar sum = totals.Sum();\nreturn totals.Average(t => (t / sum) * (t / sum));", null]),

        // 05 ex4: minimum reimbursement
        WrongAnswer.Of(Nb5, "ex4", "an assessed share of exactly 1 not rejected",
            "if (assessedShare < 0 || assessedShare > 1) throw new ArgumentOutOfRangeException(nameof(assessedShare));\nvar s = 1 - multiplier / members;\nreturn s <= 0 ? 0 : s / (1 - assessedShare);"),
        WrongAnswer.Of(Nb5, "ex4", "the assessed share ignored",
            "if (assessedShare < 0 || assessedShare >= 1) throw new ArgumentOutOfRangeException(nameof(assessedShare));\nvar s = 1 - multiplier / members;\nreturn s <= 0 ? 0 : s;"),
        WrongAnswer.Of(Nb5, "ex4", "a negative reimbursement when contributing already pays",
            "if (assessedShare < 0 || assessedShare >= 1) throw new ArgumentOutOfRangeException(nameof(assessedShare));\nreturn (1 - multiplier / members) / (1 - assessedShare);"),
        WrongAnswer.Of(Nb5, "ex4", "a negative share not rejected",
            "if (assessedShare >= 1) throw new ArgumentOutOfRangeException(nameof(assessedShare));\nvar s = 1 - multiplier / members;\nreturn s <= 0 ? 0 : s / (1 - assessedShare);"),

        // 06 ex1: drafts still blocked
        WrongAnswer.Of(Nb6, "ex1", "more than minVetoers required",
            "ArgumentOutOfRangeException.ThrowIfLessThan(minVetoers, 1);\nArgumentOutOfRangeException.ThrowIfGreaterThan(minVetoers, 5);\nreturn CourseData.Vetoes.Count(v => v.VetoedBy.Count > minVetoers);"),
        WrongAnswer.Of(Nb6, "ex1", "the range of minVetoers not validated",
            "return CourseData.Vetoes.Count(v => v.VetoedBy.Count >= minVetoers);"),
        WrongAnswer.Of(Nb6, "ex1", "exactly minVetoers instead of at least",
            "ArgumentOutOfRangeException.ThrowIfLessThan(minVetoers, 1);\nArgumentOutOfRangeException.ThrowIfGreaterThan(minVetoers, 5);\nreturn minVetoers == 1 ? CourseData.Vetoes.Count : CourseData.Vetoes.Count(v => v.VetoedBy.Count == minVetoers);"),

        // 06 ex2: exact pass probability
        WrongAnswer.Of(Nb6, "ex2", "at most minVetoers vetoes instead of fewer",
            "ArgumentOutOfRangeException.ThrowIfLessThan(minVetoers, 1);\nif (vetoChances.Any(p => p < 0 || p > 1)) throw new ArgumentOutOfRangeException(nameof(vetoChances));\nvar w = new double[vetoChances.Count + 1]; w[0] = 1;\nfor (var i = 0; i < vetoChances.Count; i++) { for (var k = i + 1; k >= 1; k--) w[k] = w[k] * (1 - vetoChances[i]) + w[k - 1] * vetoChances[i]; w[0] *= 1 - vetoChances[i]; }\nreturn minVetoers == 1 ? w[0] : w.Take(Math.Min(minVetoers + 1, w.Length)).Sum();"),
        WrongAnswer.Of(Nb6, "ex2", "probabilities outside [0, 1] not rejected",
            "ArgumentOutOfRangeException.ThrowIfLessThan(minVetoers, 1);\nvar w = new double[vetoChances.Count + 1]; w[0] = 1;\nfor (var i = 0; i < vetoChances.Count; i++) { for (var k = i + 1; k >= 1; k--) w[k] = w[k] * (1 - vetoChances[i]) + w[k - 1] * vetoChances[i]; w[0] *= 1 - vetoChances[i]; }\nreturn w.Take(Math.Min(minVetoers, w.Length)).Sum();"),
        WrongAnswer.Of(Nb6, "ex2", "under a two-veto rule only the first member's lone veto is counted",
            "ArgumentOutOfRangeException.ThrowIfLessThan(minVetoers, 1);\nif (vetoChances.Any(p => p < 0 || p > 1)) throw new ArgumentOutOfRangeException(nameof(vetoChances));\nvar none = vetoChances.Aggregate(1.0, (a, p) => a * (1 - p));\nif (minVetoers == 1) return none;\nreturn vetoChances.Count == 0 ? 1 : none + vetoChances[0] * vetoChances.Skip(1).Aggregate(1.0, (a, p) => a * (1 - p));"),
        WrongAnswer.Of(Nb6, "ex2", "the visible test's values hard-coded",
            "ArgumentOutOfRangeException.ThrowIfLessThan(minVetoers, 1);\nif (vetoChances.Any(p => p < 0 || p > 1)) throw new ArgumentOutOfRangeException(nameof(vetoChances));\nif (vetoChances.Count == 0) return 1;\nreturn minVetoers == 1 ? 0.72 : 0.98;"),

        // 06 ex3: illness excess
        WrongAnswer.Of(Nb6, "ex3", "a backwards baseline not rejected",
            "int Ill(int y) => CourseData.FatalitiesByYear.SingleOrDefault(f => f.Year == y)?.Causes.Illness ?? throw new ArgumentException($\"{y}\");\nvar from = Math.Min(baselineFrom, baselineTo); var to = Math.Max(baselineFrom, baselineTo);\nreturn Ill(year) - Enumerable.Range(from, to - from + 1).Average(y => (double)Ill(y));"),
        WrongAnswer.Of(Nb6, "ex3", "the baseline's last year left out",
            "if (baselineFrom > baselineTo) throw new ArgumentException(\"backwards\");\nint Ill(int y) => CourseData.FatalitiesByYear.SingleOrDefault(f => f.Year == y)?.Causes.Illness ?? throw new ArgumentException($\"{y}\");\nvar n = Math.Max(1, baselineTo - baselineFrom);\nreturn Ill(year) - Enumerable.Range(baselineFrom, n).Average(y => (double)Ill(y));"),
        WrongAnswer.Of(Nb6, "ex3", "all deaths instead of illness deaths",
            "if (baselineFrom > baselineTo) throw new ArgumentException(\"backwards\");\nint All(int y) => CourseData.FatalitiesByYear.SingleOrDefault(f => f.Year == y)?.Total ?? throw new ArgumentException($\"{y}\");\nreturn All(year) - Enumerable.Range(baselineFrom, baselineTo - baselineFrom + 1).Average(y => (double)All(y));"),
        WrongAnswer.Of(Nb6, "ex3", "a missing year counted as zero deaths",
            "if (baselineFrom > baselineTo) throw new ArgumentException(\"backwards\");\nint Ill(int y) => CourseData.FatalitiesByYear.SingleOrDefault(f => f.Year == y)?.Causes.Illness ?? 0;\nreturn Ill(year) - Enumerable.Range(baselineFrom, baselineTo - baselineFrom + 1).Average(y => (double)Ill(y));"),

        // 06 ex4: the capstone
        new(Nb6, "ex4-answer", "ex4-tests", "consent and robustness clamped only at the end",
            ["foreach (var r in reforms) plan = new MissionPlan(Math.Max(0.5, plan.DelayMonths - r.DelayCut), plan.Troops + r.ExtraTroops, plan.Robustness + r.RobustnessGain, plan.Consent + r.ConsentGain);\nreturn plan with { Robustness = Math.Clamp(plan.Robustness, 0, 1), Consent = Math.Clamp(plan.Consent, 0, 1) };", null]),
        new(Nb6, "ex4-answer", "ex4-tests", "greedy: the best single reforms added while the budget lasts",
            [null, "var chosen = new List<Reform>();\nvar left = budget;\nwhile (true)\n{\n    var next = Reforms.All.Where(r => !chosen.Contains(r) && r.CostBillions <= left + 1e-12)\n        .Select(r => (r, peace: TradeoffModel.Forecast(ApplyReforms(plan, chosen.Append(r))).PeaceHolds))\n        .Where(x => x.peace > TradeoffModel.Forecast(ApplyReforms(plan, chosen)).PeaceHolds + 1e-12)\n        .OrderByDescending(x => x.peace).FirstOrDefault();\n    if (next.r is null) break;\n    chosen.Add(next.r);\n    left -= next.r.CostBillions;\n}\nreturn chosen.Select(r => r.Name).ToList();"]),
        new(Nb6, "ex4-answer", "ex4-tests", "the search stops before the full package",
            [null, "IReadOnlyList<string> best = Array.Empty<string>();\nvar bestPeace = TradeoffModel.Forecast(plan).PeaceHolds;\nfor (var mask = 1; mask < (1 << Reforms.All.Count) - 1; mask++)\n{\n    var pk = Reforms.All.Where((_, i) => (mask & (1 << i)) != 0).ToList();\n    if (pk.Sum(r => r.CostBillions) > budget + 1e-12) continue;\n    var peace = TradeoffModel.Forecast(ApplyReforms(plan, pk)).PeaceHolds;\n    if (peace > bestPeace + 1e-12) { bestPeace = peace; best = pk.Select(r => r.Name).ToList(); }\n}\nreturn best;"]),
        new(Nb6, "ex4-answer", "ex4-tests", "the budget ignored",
            [null, "IReadOnlyList<string> best = Array.Empty<string>();\nvar bestPeace = TradeoffModel.Forecast(plan).PeaceHolds;\nif (budget <= 0) return best;\nfor (var mask = 1; mask < (1 << Reforms.All.Count); mask++)\n{\n    var pk = Reforms.All.Where((_, i) => (mask & (1 << i)) != 0).ToList();\n    var peace = TradeoffModel.Forecast(ApplyReforms(plan, pk)).PeaceHolds;\n    if (peace > bestPeace + 1e-12) { bestPeace = peace; best = pk.Select(r => r.Name).ToList(); }\n}\nreturn best;"]),
        new(Nb6, "ex4-answer", "ex4-tests", "only single reforms considered",
            [null, "IReadOnlyList<string> best = Array.Empty<string>();\nvar bestPeace = TradeoffModel.Forecast(plan).PeaceHolds;\nforeach (var r in Reforms.All.Where(r => r.CostBillions <= budget + 1e-12))\n{\n    var peace = TradeoffModel.Forecast(ApplyReforms(plan, new[] { r })).PeaceHolds;\n    if (peace > bestPeace + 1e-12) { bestPeace = peace; best = new[] { r.Name }; }\n}\nreturn best;"]),
    ];
}
