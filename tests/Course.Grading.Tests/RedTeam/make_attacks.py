#!/usr/bin/env python3
"""Writes the red-team suite's inputs: the instructor's notebook source/veto-power.ipynb and, per attack,
<attack>/submission/veto-power.ipynb and <attack>/attack.md (kind and what it tries). Expected results are
golden files written by the tests with UPDATE_GOLDEN=1 (review them). Run from this folder:
    python3 make_attacks.py
Attacks live in attacks.py as data: which answer cells to replace and which cells to add."""
import json
import os
import re

from attacks import ATTACKS, HONEST

HERE = os.path.dirname(os.path.abspath(__file__))


def code(grade_id, source, *, solution=False, grade=False, locked=False, points=None):
    nbgrader = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution}
    if points is not None:
        nbgrader["points"] = points
    return {
        "cell_type": "code", "execution_count": None, "id": grade_id,
        "metadata": {"nbgrader": nbgrader, "polyglot_notebook": {"kernelName": "csharp"}},
        "outputs": [], "source": source,
    }


def markdown(cell_id, source):
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": source}


SETUP = '''#r "../../../../artifacts/course-lib/CollectiveSecurity.dll"
using CollectiveSecurity.Data;
using CollectiveSecurity.Organizations;
using CollectiveSecurity.Exercises;

var resolution678 = new VoteTally(12, 2, 1);'''

CELLS = [
    markdown("title", "# Veto power\n\nA small assignment the red-team suite attacks: four exercises on the Security Council's veto."),
    code("setup", SETUP, locked=True),
    code("adopted-answer", '''static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year)
{
    // BEGIN SOLUTION
    var needed = year <= 1965 ? 7 : 9;
    return tally.Yes >= needed && !permanentMemberVotedNo;
    // END SOLUTION
}''', solution=True),
    code("adopted-tests", '''Check.That(Adopted(resolution678, permanentMemberVotedNo: false, year: 1990), "resolution 678 (12-2-1, 1990) should be adopted");
Check.That(!Adopted(new VoteTally(13, 2, 0), permanentMemberVotedNo: true, year: 2017), "a 13-2-0 draft with a permanent member against should be vetoed");
// BEGIN HIDDEN TESTS
Check.That(!Adopted(new VoteTally(8, 0, 7), permanentMemberVotedNo: false, year: 1990), "8 yes votes are not enough for the fifteen-member Council");
Check.That(Adopted(new VoteTally(8, 0, 3), permanentMemberVotedNo: false, year: 1960), "8 yes votes were enough for the eleven-member Council");
// END HIDDEN TESTS''', grade=True, locked=True, points=2),
    code("top-vetoer-answer", '''static PermanentMember TopVetoer(int decade)
{
    // BEGIN SOLUTION
    return CourseData.Vetoes
        .Where(v => v.Year >= decade && v.Year < decade + 10)
        .SelectMany(v => v.VetoedBy)
        .GroupBy(m => m)
        .OrderByDescending(g => g.Count())
        .First()
        .Key;
    // END SOLUTION
}''', solution=True),
    code("top-vetoer-tests", '''Check.Equal(PermanentMember.SovietUnion, TopVetoer(1940), "main user of the veto in the 1940s");
// BEGIN HIDDEN TESTS
Check.Equal(PermanentMember.UnitedStates, TopVetoer(1980), "main user of the veto in the 1980s");
Check.Equal(PermanentMember.Russia, TopVetoer(2010), "main user of the veto in the 2010s");
// END HIDDEN TESTS''', grade=True, locked=True, points=2),
    code("replay-answer", '''static (int StillBlocked, int WouldPass) DoubleVetoReplay(int fromYear, int toYear)
{
    // BEGIN SOLUTION
    var drafts = CourseData.Vetoes.Where(v => v.Year >= fromYear && v.Year <= toYear).ToList();
    var blocked = drafts.Count(v => v.VetoedBy.Count >= 2);
    return (blocked, drafts.Count - blocked);
    // END SOLUTION
}''', solution=True),
    code("replay-tests", '''var whole = DoubleVetoReplay(1946, 2025);
Check.Equal(40, whole.StillBlocked, "drafts from 1946 to 2025 vetoed by two or more permanent members");
// BEGIN HIDDEN TESTS
Check.Equal(138, DoubleVetoReplay(1946, 1989).WouldPass, "Cold War drafts (1946-1989) that would pass");
Check.Equal((0, 0), DoubleVetoReplay(1930, 1940), "no vetoes before the Council existed");
// END HIDDEN TESTS''', grade=True, locked=True, points=3),
    code("count-answer", '''static int VetoesCastBy(PermanentMember member)
{
    // BEGIN SOLUTION
    return CourseData.Vetoes.Count(v => v.VetoedBy.Contains(member));
    // END SOLUTION
}''', solution=True),
    code("count-tests", '''if (VetoesCastBy(PermanentMember.France) != 16) throw new Exception("France cast 16 vetoes");
// BEGIN HIDDEN TESTS
if (VetoesCastBy(PermanentMember.China) != 19) throw new Exception("China cast 19 vetoes");
if (VetoesCastBy(PermanentMember.UnitedKingdom) != 29) throw new Exception("the United Kingdom cast 29 vetoes");
// END HIDDEN TESTS''', grade=True, locked=True, points=1),
]

METADATA = {
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "C#"},
    "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}},
}


def notebook(cells):
    return {"cells": cells, "metadata": METADATA, "nbformat": 4, "nbformat_minor": 5}


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def lines(text):
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def without_hidden(source):
    return re.sub(r"// BEGIN HIDDEN TESTS\n.*?// END HIDDEN TESTS\n?", "", source, flags=re.S).rstrip("\n")


def stub(source):
    """The release stub of an answer: each solution region replaced by '// YOUR CODE HERE' and the throw."""
    return re.sub(r"( *)// BEGIN SOLUTION\n.*?// END SOLUTION",
                  lambda m: m.group(1) + "// YOUR CODE HERE\n" + m.group(1) + "throw new NotImplementedException();",
                  source, flags=re.S)


def student_cells(replace=None, add_after=None, honest=False):
    """A student's notebook: hidden tests gone, answers solved (honest) or left as stubs (attacks), with
    answers replaced and cells added as the attack says."""
    replace = replace or {}
    add_after = add_after or {}
    cells = []
    for cell in CELLS:
        cell = json.loads(json.dumps(cell))
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        source = cell["source"]
        if gid in replace:
            source = replace[gid]
        elif cell["metadata"].get("nbgrader", {}).get("solution") and not honest:
            source = stub(source)
        elif cell["metadata"].get("nbgrader", {}).get("grade"):
            source = without_hidden(source)
        cell["source"] = lines(source)
        cells.append(cell)
        for i, extra in enumerate(add_after.get(gid, [])):
            added = {"cell_type": "code", "execution_count": None, "id": f"{gid}-added-{i}",
                     "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [], "source": lines(extra)}
            cells.append(added)
    return cells


def main():
    source_cells = []
    for cell in CELLS:
        cell = json.loads(json.dumps(cell))
        cell["source"] = lines(cell["source"])
        source_cells.append(cell)
    write(os.path.join(HERE, "source", "veto-power.ipynb"), notebook(source_cells))
    write(os.path.join(HERE, "stub", "veto-power.ipynb"), notebook(student_cells()))
    for name in HONEST:
        write(os.path.join(HERE, "Attacks", name, "submission", "veto-power.ipynb"), notebook(student_cells(honest=True)))
        with open(os.path.join(HERE, "Attacks", name, "attack.md"), "w", encoding="utf-8") as f:
            f.write("kind: honest\n\nAn honest student with the right answers, graded beside the attacks: must keep full marks.\n")
    for name, attack in ATTACKS.items():
        folder = os.path.join(HERE, "Attacks", name)
        os.makedirs(folder, exist_ok=True)
        if "student_id" in attack:
            with open(os.path.join(folder, "student-id.json"), "w", encoding="utf-8") as f:
                f.write(json.dumps(attack["student_id"]) + "\n")
        if "folder_link" in attack:
            with open(os.path.join(folder, "submission.link"), "w", encoding="utf-8") as f:
                f.write(attack["folder_link"] + "\n")
        elif "link" in attack:
            os.makedirs(os.path.join(folder, "submission"), exist_ok=True)
            with open(os.path.join(folder, "submission", "veto-power.ipynb.link"), "w", encoding="utf-8") as f:
                f.write(attack["link"] + "\n")
        elif attack.get("folder_notebook"):
            os.makedirs(os.path.join(folder, "submission", "veto-power.ipynb"), exist_ok=True)
            with open(os.path.join(folder, "submission", "veto-power.ipynb", "answers.cs"), "w", encoding="utf-8") as f:
                f.write("// a notebook that is a folder\n")
        elif "generate" in attack:
            os.makedirs(os.path.join(folder, "submission"), exist_ok=True)
            with open(os.path.join(folder, "submission", "veto-power.ipynb.generate"), "w", encoding="utf-8") as f:
                f.write(attack["generate"] + "\n")
        elif "notebook" in attack:
            raw = attack["notebook"]
            os.makedirs(os.path.join(folder, "submission"), exist_ok=True)
            with open(os.path.join(folder, "submission", "veto-power.ipynb"), "wb") as f:
                f.write(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
        else:
            cells = student_cells(attack.get("replace"), attack.get("add_after"))
            data = notebook(cells)
            if "mutate" in attack:
                attack["mutate"](data)
            write(os.path.join(folder, "submission", "veto-power.ipynb"), data)
        with open(os.path.join(folder, "attack.md"), "w", encoding="utf-8") as f:
            f.write(f"kind: {attack['kind']}\n\n{attack['what']}\n")


if __name__ == "__main__":
    main()
