#!/usr/bin/env python3
"""Writes the probe notebooks of the differential test (one .ipynb per topic) from the lists below.

Each probe cell pins one piece of .NET Interactive's C# kernel semantics that the course engine must match:
the shape a value is shown in, display(), errors, #!html, async code and state across cells.
Run it after editing a list: python3 make_probes.py (writes next to this file).
"""
import json
import os

PROBES = {
    "probe-values": [
        "1 + 1",
        "\"hello\"",
        "3.5",
        "1.5m",
        "true",
        "'c'",
        "DayOfWeek.Monday",
        "new[] { 1, 2, 3 }",
        "new List<string> { \"a\", \"b\" }",
        "new Dictionary<string, int> { [\"a\"] = 1, [\"b\"] = 2 }",
        "record Point(int X, int Y);\nnew Point(1, 2)",
        "new[] { new Point(1, 2), new Point(3, 4) }",
        "new { Name = \"Ada\", Age = 36 }",
        "(1, \"two\", 3.5)",
        "Enumerable.Range(1, 9).Where(i => i % 2 == 1)",
        "Enumerable.Range(1, 3).Select(i => new { I = i, Square = i * i })",
        "new[] { 3, 1, 2 }.OrderBy(i => i)",
        "object nothing = null;\nnothing",
        "new { Items = new[] { 1, 2 }, Inner = new { A = 1, B = \"b\" } }",
        "Enumerable.Range(0, 30).ToList()",
        "new DateTime(2020, 1, 2, 3, 4, 5)",
        "TimeSpan.FromMinutes(90)",
        "Guid.Empty",
        "new int[0]",
        "(object)new System.Text.StringBuilder(\"built\")",
        "new Uri(\"https://example.org/a\")",
        "var x = 5;",
        "x;",
    ],
    "probe-display": [
        "display(42);",
        "display(\"text\");",
        "display(new[] { 1, 2 });",
        "display(new { A = 1 });",
        "display(HTML(\"<b>bold</b>\"));",
        "HTML(\"<i>trailing</i>\")",
        "display(42, \"text/plain\");",
        "display(new[] { 1, 2 }, \"text/plain\");",
        "Console.WriteLine(\"out\");\n5",
        "Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.WriteLine(\"err\");",
        "display(1);\ndisplay(\"two\");\n3",
        "var shown = display(1);\nshown.Update(2);",
    ],
    "probe-errors": [
        "int wrong = \"s\";",
        "undefinedThing",
        "throw new InvalidOperationException(\"boom\");",
        "var arr = new int[1];\narr[2]",
        "int zero = 0;\n1 / zero",
        "string s = null;\ns.Length",
        "Console.WriteLine(\"before\");\nthrow new ArgumentException(\"bad argument\", \"name\");",
        "int Recurse(int n) => n == 0 ? throw new NotImplementedException() : Recurse(n - 1);\nRecurse(3)",
        "\"still running\"",
    ],
    "probe-html": [
        "#!html\n<b>hi</b>",
        "#!html\n<div id=\"box\"><p>two</p>\n<p>lines</p></div>",
        "#!csharp\n\"csharp after html\"",
    ],
    "probe-async": [
        "await Task.Delay(10);\n5",
        "async Task<int> ThreeAsync() { await Task.Yield(); return 3; }\nawait ThreeAsync()",
        "await Task.WhenAll(Task.Delay(1), Task.Delay(2));\n\"done\"",
        "var t = Task.Run(() => 7);\nawait t",
        "Task.FromResult(8)",
    ],
    "probe-state": [
        "var counter = 1;",
        "counter + 1",
        "counter = 10;",
        "counter",
        "int Twice(int n) => 2 * n;",
        "Twice(counter)",
        "class Box { public int Value { get; set; } }",
        "var box = new Box { Value = 4 };\nbox",
        "using System.Text.RegularExpressions;",
        "Regex.IsMatch(\"abc\", \"b\")",
        "var counter = \"shadowed\";\ncounter",
    ],
}


def cell(index, source):
    lines = source.split("\n")
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": f"probe-{index}",
        "metadata": {"polyglot_notebook": {"kernelName": "csharp"}},
        "outputs": [],
        "source": [line + "\n" for line in lines[:-1]] + [lines[-1]],
    }


def notebook(sources):
    return {
        "cells": [cell(i, s) for i, s in enumerate(sources)],
        "metadata": {
            "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
            "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#",
                              "pygments_lexer": "csharp", "version": "13.0"},
            "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [
                {"aliases": [], "languageName": "csharp", "name": "csharp"}]}},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


# Each probe notebook costs a kernel start (half a minute) in the differential test, so the topics share two notebooks.
NOTEBOOKS = {
    "probe-values-display-html": ["probe-values", "probe-display", "probe-html"],
    "probe-errors-async-state": ["probe-errors", "probe-async", "probe-state"],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, topics in NOTEBOOKS.items():
        sources = [source for topic in topics for source in PROBES[topic]]
        with open(os.path.join(here, name + ".ipynb"), "w", encoding="utf-8") as f:
            json.dump(notebook(sources), f, indent=1, ensure_ascii=False)
            f.write("\n")
