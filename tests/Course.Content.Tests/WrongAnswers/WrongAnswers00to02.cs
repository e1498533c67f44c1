namespace Course.Content.Tests.WrongAnswers;

/// <summary>Wrong answers to the exercises of notebooks 00 to 02 (see <see cref="WrongAnswerTable"/>).</summary>
internal static class WrongAnswers00To02
{
    private const string Nb0 = "00-start-here.ipynb";
    private const string Nb1 = "01-what-is-collective-security.ipynb";
    private const string Nb2 = "02-league-of-nations.ipynb";

    public static IEnumerable<WrongAnswer> All { get; } =
    [
        // 00 ex1: operations active in a year
        WrongAnswer.Of(Nb0, "ex1", "an operation that ended during the year is left out",
            "return CourseData.Missions.Count(m => m.Start.Year <= year && (m.End is null || m.End.Value.Year > year));"),
        WrongAnswer.Of(Nb0, "ex1", "an operation that started during the year is left out",
            "return CourseData.Missions.Count(m => m.Start.Year < year && (m.End is null || m.End.Value.Year >= year));"),
        WrongAnswer.Of(Nb0, "ex1", "the end date is ignored",
            "return CourseData.Missions.Count(m => m.Start.Year <= year);"),
        WrongAnswer.Of(Nb0, "ex1", "operations still running are left out",
            "return CourseData.Missions.Count(m => m.Start.Year <= year && m.End is not null && m.End.Value.Year >= year);"),
        WrongAnswer.Of(Nb0, "ex1", "the visible test's values hard-coded",
            "return year == 1948 ? 1 : year == 1994 ? 19 : 0;"),

        // 00 ex2: vetoes cast by a member
        WrongAnswer.Of(Nb0, "ex2", "counts only the first of several vetoing members",
            "return CourseData.Vetoes.Count(v => v.VetoedBy[0] == member);"),
        WrongAnswer.Of(Nb0, "ex2", "counts only drafts the member vetoed alone",
            "return CourseData.Vetoes.Count(v => v.VetoedBy.Count == 1 && v.VetoedBy[0] == member);"),
        WrongAnswer.Of(Nb0, "ex2", "counts the Soviet Union and Russia as one",
            "var same = member is PermanentMember.SovietUnion or PermanentMember.Russia;\nreturn CourseData.Vetoes.Count(v => v.VetoedBy.Contains(member) || (same && (v.VetoedBy.Contains(PermanentMember.SovietUnion) || v.VetoedBy.Contains(PermanentMember.Russia))));"),
        WrongAnswer.Of(Nb0, "ex2", "the visible test's values hard-coded",
            "return member == PermanentMember.France ? 16 : member == PermanentMember.UnitedKingdom ? 29 : 0;"),

        // 00 ex3: operations started per decade
        WrongAnswer.Of(Nb0, "ex3", "groups by end decade instead of start decade",
            "return CourseData.Missions.GroupBy(m => (m.End?.Year ?? 2025) / 10 * 10).ToDictionary(g => g.Key, g => g.Count());"),
        WrongAnswer.Of(Nb0, "ex3", "decades counted from years ending in 1",
            "return CourseData.Missions.GroupBy(m => (m.Start.Year - 1) / 10 * 10).ToDictionary(g => g.Key, g => g.Count());"),
        WrongAnswer.Of(Nb0, "ex3", "every decade from 1940 to 2020 included, even empty ones",
            "var d = Enumerable.Range(194, 9).ToDictionary(x => x * 10, _ => 0);\nforeach (var m in CourseData.Missions) d[m.Start.Year / 10 * 10]++;\nreturn d;"),
        WrongAnswer.Of(Nb0, "ex3", "the visible test's values hard-coded",
            "return new Dictionary<int, int> { [1940] = 2, [1990] = 69 };"),

        // 01 ex1: who must respond
        WrongAnswer.Of(Nb1, "ex1", "the aggressor is counted among the responders",
            "if (!members.Contains(victim)) return [];\nif (arrangement == Arrangement.CollectiveDefence && members.Contains(aggressor)) return [];\nreturn members.Where(m => m != victim).ToList();"),
        WrongAnswer.Of(Nb1, "ex1", "collective defence treated like collective security",
            "if (!members.Contains(victim)) return [];\nreturn members.Where(m => m != victim && m != aggressor).ToList();"),
        WrongAnswer.Of(Nb1, "ex1", "the victim's membership is not checked",
            "if (arrangement == Arrangement.CollectiveDefence && members.Contains(aggressor)) return [];\nreturn members.Where(m => m != victim && m != aggressor).ToList();"),
        WrongAnswer.Of(Nb1, "ex1", "collective security obliges only against an outside aggressor",
            "if (!members.Contains(victim) || members.Contains(aggressor) && arrangement == Arrangement.CollectiveDefence) return [];\nif (arrangement == Arrangement.CollectiveSecurity && !members.Contains(aggressor)) return [];\nreturn members.Where(m => m != victim && m != aggressor).ToList();"),

        // 01 ex2: Richardson's equilibrium
        WrongAnswer.Of(Nb1, "ex2", "a zero determinant is not treated as a spiral",
            "var det = a * b - k * l;\nif (det < 0) return null;\nreturn ((b * g + k * h) / det, (a * h + l * g) / det);"),
        WrongAnswer.Of(Nb1, "ex2", "the two grievances swapped",
            "var det = a * b - k * l;\nif (det <= 0) return null;\nreturn ((b * h + k * g) / det, (a * g + l * h) / det);"),
        WrongAnswer.Of(Nb1, "ex2", "never returns null",
            "var det = a * b - k * l;\nreturn ((b * g + k * h) / det, (a * h + l * g) / det);"),
        WrongAnswer.Of(Nb1, "ex2", "symmetric answer: X's formula used for both",
            "var det = a * b - k * l;\nif (det <= 0) return null;\nvar x = (b * g + k * h) / det;\nreturn (x, x);"),

        // 01 ex3: reliability needed
        WrongAnswer.Of(Nb1, "ex3", "exactly enough with everyone's help is treated as not enough",
            "var needed = margin * aggressor - victim;\nif (needed <= 0) return 0.0;\nif (others <= 0 || needed >= others) return null;\nreturn needed / others;"),
        WrongAnswer.Of(Nb1, "ex3", "the margin is ignored",
            "var needed = aggressor - victim;\nif (needed <= 0) return 0.0;\nif (others <= 0 || needed > others) return null;\nreturn needed / others;"),
        WrongAnswer.Of(Nb1, "ex3", "a negative reliability is returned when the victim suffices",
            "var needed = margin * aggressor - victim;\nif (others <= 0 || needed > others) return null;\nreturn needed / others;"),
        WrongAnswer.Of(Nb1, "ex3", "a victim exactly as strong as the aggressor still asks for help",
            "var needed = margin * aggressor - victim;\nif (needed < 0) return 0.0;\nif (others <= 0 || needed > others) return null;\nreturn needed / others;"),

        // 01 ex4: classify cases
        WrongAnswer.Of(Nb1, "ex4", "a UN flag taken to mean peacekeeping",
            "return caseName switch\n{\n    \"Article 16 sanctions against Italy, 1935-1936\" => ResponseKind.CollectiveSecurity,\n    \"The Soviet Union expelled from the League after attacking Finland, 1939\" => ResponseKind.CollectiveSecurity,\n    \"NATO invokes Article 5 after the attacks of 11 September 2001\" => ResponseKind.CollectiveDefence,\n    \"The Rio Treaty invoked by the American states after 11 September 2001\" => ResponseKind.CollectiveDefence,\n    \"UNEF I between Egyptian and Israeli forces, 1956-1967\" => ResponseKind.Peacekeeping,\n    \"UNFICYP in Cyprus, since 1964\" => ResponseKind.Peacekeeping,\n    \"UNOSOM II under resolution 814, Somalia, 1993\" => ResponseKind.Peacekeeping,\n    \"MONUSCO's Force Intervention Brigade under resolution 2098, 2013\" => ResponseKind.Peacekeeping,\n    _ => throw new ArgumentException(caseName),\n};"),
        WrongAnswer.Of(Nb1, "ex4", "alliances taken for collective security, as a source essay does",
            "return caseName switch\n{\n    \"Article 16 sanctions against Italy, 1935-1936\" => ResponseKind.CollectiveSecurity,\n    \"The Soviet Union expelled from the League after attacking Finland, 1939\" => ResponseKind.CollectiveSecurity,\n    \"NATO invokes Article 5 after the attacks of 11 September 2001\" => ResponseKind.CollectiveSecurity,\n    \"The Rio Treaty invoked by the American states after 11 September 2001\" => ResponseKind.CollectiveSecurity,\n    \"UNEF I between Egyptian and Israeli forces, 1956-1967\" => ResponseKind.Peacekeeping,\n    \"UNFICYP in Cyprus, since 1964\" => ResponseKind.Peacekeeping,\n    \"UNOSOM II under resolution 814, Somalia, 1993\" => ResponseKind.Enforcement,\n    \"MONUSCO's Force Intervention Brigade under resolution 2098, 2013\" => ResponseKind.Enforcement,\n    _ => throw new ArgumentException(caseName),\n};"),
        WrongAnswer.Of(Nb1, "ex4", "League sanctions taken for enforcement",
            "return caseName switch\n{\n    \"Article 16 sanctions against Italy, 1935-1936\" => ResponseKind.Enforcement,\n    \"The Soviet Union expelled from the League after attacking Finland, 1939\" => ResponseKind.Enforcement,\n    \"NATO invokes Article 5 after the attacks of 11 September 2001\" => ResponseKind.CollectiveDefence,\n    \"The Rio Treaty invoked by the American states after 11 September 2001\" => ResponseKind.CollectiveDefence,\n    \"UNEF I between Egyptian and Israeli forces, 1956-1967\" => ResponseKind.Peacekeeping,\n    \"UNFICYP in Cyprus, since 1964\" => ResponseKind.Peacekeeping,\n    \"UNOSOM II under resolution 814, Somalia, 1993\" => ResponseKind.Enforcement,\n    \"MONUSCO's Force Intervention Brigade under resolution 2098, 2013\" => ResponseKind.Enforcement,\n    _ => throw new ArgumentException(caseName),\n};"),
        WrongAnswer.Of(Nb1, "ex4", "only the visible cases right, everything else collective security",
            "return caseName.StartsWith(\"NATO\", StringComparison.Ordinal) ? ResponseKind.CollectiveDefence : caseName.StartsWith(\"UNEF\", StringComparison.Ordinal) ? ResponseKind.Peacekeeping : ResponseKind.CollectiveSecurity;"),

        // 02 ex1: outcomes by great-power involvement
        WrongAnswer.Of(Nb2, "ex1", "the great-power flag is ignored",
            "var all = CourseData.LeagueDisputes;\nreturn (all.Count(d => d.Outcome == LeagueOutcome.Resolved), all.Count(d => d.Outcome == LeagueOutcome.Partial), all.Count(d => d.Outcome == LeagueOutcome.Failed));"),
        WrongAnswer.Of(Nb2, "ex1", "partial outcomes counted as failures",
            "var g = CourseData.LeagueDisputes.Where(d => d.GreatPowerInvolved == greatPowerInvolved).ToList();\nreturn (g.Count(d => d.Outcome == LeagueOutcome.Resolved), 0, g.Count(d => d.Outcome != LeagueOutcome.Resolved));"),
        WrongAnswer.Of(Nb2, "ex1", "the visible test's values hard-coded",
            "return greatPowerInvolved ? (0, 0, 0) : (5, 1, 2);"),

        // 02 ex2: resolved share by decade
        WrongAnswer.Of(Nb2, "ex2", "the decade's range includes the first year of the next",
            "var s = CourseData.LeagueDisputes.Where(d => d.StartYear >= decade && d.StartYear <= decade + 10).ToList();\nif (s.Count == 0) return null;\nreturn (double)s.Count(d => d.Outcome == LeagueOutcome.Resolved) / s.Count;"),
        WrongAnswer.Of(Nb2, "ex2", "disputes counted by the year they ended",
            "var s = CourseData.LeagueDisputes.Where(d => d.EndYear / 10 * 10 == decade).ToList();\nif (s.Count == 0) return null;\nreturn (double)s.Count(d => d.Outcome == LeagueOutcome.Resolved) / s.Count;"),
        WrongAnswer.Of(Nb2, "ex2", "an empty decade gives 0 instead of null",
            "var s = CourseData.LeagueDisputes.Where(d => d.StartYear / 10 * 10 == decade).ToList();\nreturn s.Count == 0 ? 0.0 : (double)s.Count(d => d.Outcome == LeagueOutcome.Resolved) / s.Count;"),
        WrongAnswer.Of(Nb2, "ex2", "partial outcomes counted as resolved",
            "var s = CourseData.LeagueDisputes.Where(d => d.StartYear / 10 * 10 == decade).ToList();\nif (s.Count == 0) return null;\nreturn (double)s.Count(d => d.Outcome != LeagueOutcome.Failed) / s.Count;"),

        // 02 ex3: largest unanimous council
        WrongAnswer.Of(Nb2, "ex3", "a chance exactly equal to the target is not accepted",
            "var n = 0;\nvar chance = 1.0;\nwhile (chance * p > target) { chance *= p; n++; }\nreturn n;"),
        WrongAnswer.Of(Nb2, "ex3", "one member too many (the first council below the target)",
            "var n = 0;\nvar chance = 1.0;\nwhile (chance >= target) { chance *= p; n++; }\nreturn n;"),
        WrongAnswer.Of(Nb2, "ex3", "at least one member even when one falls short",
            "var n = 1;\nvar chance = p;\nwhile (chance * p >= target) { chance *= p; n++; }\nreturn n;"),
        WrongAnswer.Of(Nb2, "ex3", "the search stops at fifteen members, the League Council's size",
            "var n = 0;\nvar chance = 1.0;\nwhile (n < 15 && chance * p >= target) { chance *= p; n++; }\nreturn n;"),

        // 02 ex4: net import loss
        WrongAnswer.Of(Nb2, "ex4", "a non-member named as complying is counted",
            "var cut = suppliers.Where(s => complying.Contains(s.Name)).Sum(s => s.ImportShare * (oilEmbargo ? 1.0 : 1.0 - oilShare));\nreturn cut * (suppliers.Any(s => !s.IsMember) ? 1.0 - substitution : 1.0);"),
        WrongAnswer.Of(Nb2, "ex4", "substitution applied even when every supplier is a member",
            "var cut = suppliers.Where(s => s.IsMember && complying.Contains(s.Name)).Sum(s => s.ImportShare * (oilEmbargo ? 1.0 : 1.0 - oilShare));\nreturn cut * (1.0 - substitution);"),
        WrongAnswer.Of(Nb2, "ex4", "the oil share cut instead of kept",
            "var cut = suppliers.Where(s => s.IsMember && complying.Contains(s.Name)).Sum(s => s.ImportShare * (oilEmbargo ? 1.0 : oilShare));\nreturn cut * (suppliers.Any(s => !s.IsMember) ? 1.0 - substitution : 1.0);"),
        WrongAnswer.Of(Nb2, "ex4", "substitution read as the share kept rather than replaced",
            "var cut = suppliers.Where(s => s.IsMember && complying.Contains(s.Name)).Sum(s => s.ImportShare * (oilEmbargo ? 1.0 : 1.0 - oilShare));\nreturn cut * (suppliers.Any(s => !s.IsMember) ? substitution : 1.0);"),
        // 02 ex5: which prerequisite failed
        WrongAnswer.Of(Nb2, "ex5", "leaking sanctions read as unwillingness to act",
            "return evidence switch\n{\n    \"The United States, outside the League, was not bound to join any sanctions\" => Prerequisite.Universality,\n    \"Japan and Italy sought territory by force rather than accept the post-war settlement\" => Prerequisite.AcceptanceOfStatusQuo,\n    \"Seventeen months passed between the Mukden incident and the Assembly's verdict\" => Prerequisite.AgreedDefinitionOfAggression,\n    \"Britain and France, wanting Italy against Germany, offered it much of Ethiopia in the Hoare-Laval plan\" => Prerequisite.WillingnessToAct,\n    \"Non-members went on trading with Italy, and no member tried to stop them\" => Prerequisite.WillingnessToAct,\n    \"Germany, Italy and Japan together outgrew what the status-quo members would commit against them\" => Prerequisite.PreponderanceOfPower,\n    _ => throw new ArgumentException(evidence),\n};"),
        WrongAnswer.Of(Nb2, "ex5", "the Hoare-Laval plan read as leaking sanctions",
            "return evidence switch\n{\n    \"The United States, outside the League, was not bound to join any sanctions\" => Prerequisite.Universality,\n    \"Japan and Italy sought territory by force rather than accept the post-war settlement\" => Prerequisite.AcceptanceOfStatusQuo,\n    \"Seventeen months passed between the Mukden incident and the Assembly's verdict\" => Prerequisite.AgreedDefinitionOfAggression,\n    \"Britain and France, wanting Italy against Germany, offered it much of Ethiopia in the Hoare-Laval plan\" => Prerequisite.EnforcementOfSanctions,\n    \"Non-members went on trading with Italy, and no member tried to stop them\" => Prerequisite.EnforcementOfSanctions,\n    \"Germany, Italy and Japan together outgrew what the status-quo members would commit against them\" => Prerequisite.PreponderanceOfPower,\n    _ => throw new ArgumentException(evidence),\n};"),
        WrongAnswer.Of(Nb2, "ex5", "the slow verdict read as unwillingness to act",
            "return evidence switch\n{\n    \"The United States, outside the League, was not bound to join any sanctions\" => Prerequisite.Universality,\n    \"Japan and Italy sought territory by force rather than accept the post-war settlement\" => Prerequisite.AcceptanceOfStatusQuo,\n    \"Seventeen months passed between the Mukden incident and the Assembly's verdict\" => Prerequisite.WillingnessToAct,\n    \"Britain and France, wanting Italy against Germany, offered it much of Ethiopia in the Hoare-Laval plan\" => Prerequisite.WillingnessToAct,\n    \"Non-members went on trading with Italy, and no member tried to stop them\" => Prerequisite.EnforcementOfSanctions,\n    \"Germany, Italy and Japan together outgrew what the status-quo members would commit against them\" => Prerequisite.PreponderanceOfPower,\n    _ => throw new ArgumentException(evidence),\n};"),
        WrongAnswer.Of(Nb2, "ex5", "the revisionist powers read as a balance of power",
            "return evidence switch\n{\n    \"The United States, outside the League, was not bound to join any sanctions\" => Prerequisite.Universality,\n    \"Japan and Italy sought territory by force rather than accept the post-war settlement\" => Prerequisite.PreponderanceOfPower,\n    \"Seventeen months passed between the Mukden incident and the Assembly's verdict\" => Prerequisite.AgreedDefinitionOfAggression,\n    \"Britain and France, wanting Italy against Germany, offered it much of Ethiopia in the Hoare-Laval plan\" => Prerequisite.WillingnessToAct,\n    \"Non-members went on trading with Italy, and no member tried to stop them\" => Prerequisite.EnforcementOfSanctions,\n    \"Germany, Italy and Japan together outgrew what the status-quo members would commit against them\" => Prerequisite.AcceptanceOfStatusQuo,\n    _ => throw new ArgumentException(evidence),\n};"),
    ];
}
