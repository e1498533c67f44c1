using Course.Grading.Assignments;
using Course.Grading.Release;
using Course.Notebooks;

namespace Course.Grading.Tests.Release;

/// <summary>
/// Property: whatever mix of line ends an instructor's editor wrote (<c>\n</c>, <c>\r\n</c>, a lone
/// <c>\r</c>, changing from line to line), release finds every marker and no solution line, hidden-test
/// line or marker reaches the student version; every visible line does. Seeded, so a failure repeats.
/// </summary>
public sealed class ReleaseLeakPropertyTests
{
    private static readonly string[] Ends = ["\n", "\r\n", "\r"];

    private static readonly string[] MarkerStyles = ["// {0}", "//{0}", "    // {0}", "/* {0} */", "\t// {0}  "];

    [Fact]
    public void Release_with_random_line_ends_never_leaks_and_keeps_every_visible_line()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 300; round++)
        {
            var (source, secrets, visible) = RandomNotebook(random, round);
            var student = StudentVersion.Create(source, $"round-{round}.ipynb");
            var json = student.ToJson();
            foreach (var secret in secrets)
            {
                Assert.False(json.Contains(secret, StringComparison.Ordinal), $"round {round}: '{secret}' leaked");
            }

            foreach (var marker in new[] { Markers.BeginSolution, Markers.EndSolution, Markers.BeginHiddenTests, Markers.EndHiddenTests })
            {
                Assert.False(json.Contains(marker, StringComparison.Ordinal), $"round {round}: marker '{marker}' leaked");
            }

            foreach (var line in visible)
            {
                Assert.True(json.Contains(line, StringComparison.Ordinal), $"round {round}: visible '{line}' is missing");
            }

            Assert.Empty(ReleaseVerifier.Leaks(source, student));
        }
    }

    [Theory]
    [InlineData("\v")]
    [InlineData("\f")]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    public void A_line_end_release_does_not_split_at_is_refused_rather_than_shipped(string oddEnd)
    {
        // The marker sits after a line end only some readers know: release does not see it as a marker line,
        // and would ship the hidden test; the check of its own output refuses instead.
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(Graded(NotebookCell.Code("int Two() => 2;", "answer"), "answer", solution: true));
        notebook.Cells.Add(Graded(
            NotebookCell.Code($"if (Two() != 2) throw new Exception(\"two\");{oddEnd}// BEGIN HIDDEN TESTS{oddEnd}if (Two() == 3) throw new Exception(\"secret check\");{oddEnd}// END HIDDEN TESTS", "test"),
            "test",
            solution: false));
        var error = Assert.Throws<AssignmentFormatException>(() => StudentVersion.Create(notebook, "odd.ipynb"));
        Assert.StartsWith("odd.ipynb: release refused, nothing written: cell 2 (grade_id 'test') of the student version would still hold the marker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_refuses_and_writes_nothing_when_its_output_would_leak()
    {
        var folder = TestPaths.NewTempFolder("leaky-release");
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(Graded(NotebookCell.Code("int Two() => 2;", "answer"), "answer", solution: true));
        notebook.Cells.Add(NotebookCell.Markdown("Hint: the text between BEGIN SOLUTION and END SOLUTION is yours to write.", "hint"));
        notebook.Cells.Add(Graded(NotebookCell.Code("if (Two() != 2) throw new Exception(\"two\");", "test"), "test", solution: false));
        var source = Path.Combine(folder, "hint.ipynb");
        notebook.Save(source);
        var error = Assert.Throws<AssignmentFormatException>(() => ReleaseCommand.Run(source, Path.Combine(folder, "out")));
        Assert.Contains("cell 2 of the student version would still hold the marker 'BEGIN SOLUTION'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        Directory.Delete(folder, recursive: true);
    }

    private static NotebookCell Graded(NotebookCell cell, string gradeId, bool solution)
    {
        cell.Nbgrader = new NbgraderCell(gradeId, Grade: !solution, Solution: solution, Locked: !solution, Points: solution ? null : 1);
        return cell;
    }

    private static (Notebook Source, List<string> Secrets, List<string> Visible) RandomNotebook(Random random, int round)
    {
        var secrets = new List<string>();
        var visible = new List<string>();
        var notebook = Notebook.CreateCSharp();
        var token = 0;
        string Line(List<string> into)
        {
            var text = $"var v{round}_{token++} = {random.Next(1000)};";
            into.Add(text);
            return text;
        }

        string Marker(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MarkerStyles[random.Next(MarkerStyles.Length)], name);

        string Join(List<string> lines)
        {
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < lines.Count; i++)
            {
                text.Append(lines[i]);
                if (i < lines.Count - 1 || random.Next(4) == 0)
                {
                    text.Append(Ends[random.Next(Ends.Length)]);
                }
            }

            return text.ToString();
        }

        var exercises = random.Next(1, 4);
        for (var e = 0; e < exercises; e++)
        {
            var answer = new List<string>();
            for (var region = random.Next(0, 3); region >= 0; region--)
            {
                for (var k = random.Next(0, 3); k > 0; k--)
                {
                    answer.Add(Line(visible));
                }

                if (region > 0)
                {
                    answer.Add(Marker(Markers.BeginSolution));
                    for (var k = random.Next(1, 4); k > 0; k--)
                    {
                        answer.Add(Line(secrets));
                    }

                    answer.Add(Marker(Markers.EndSolution));
                }
            }

            if (answer.Count == 0 || !answer.Any(l => Markers.Is(l, Markers.BeginSolution)))
            {
                // No region: the whole answer cell is the solution.
                secrets.AddRange(answer.Where(visible.Contains));
                visible.RemoveAll(answer.Contains);
                answer.Add(Line(secrets));
            }

            notebook.Cells.Add(Graded(NotebookCell.Code(Join(answer), $"answer-{e}"), $"answer-{e}", solution: true));

            var test = new List<string> { Line(visible) };
            for (var region = random.Next(0, 3); region > 0; region--)
            {
                test.Add(Marker(Markers.BeginHiddenTests));
                for (var k = random.Next(1, 3); k > 0; k--)
                {
                    test.Add(Line(secrets));
                }

                test.Add(Marker(Markers.EndHiddenTests));
                if (random.Next(2) == 0)
                {
                    test.Add(Line(visible));
                }
            }

            notebook.Cells.Add(Graded(NotebookCell.Code(Join(test), $"test-{e}"), $"test-{e}", solution: false));
        }

        return (Notebook.Parse(notebook.ToJson(), $"round-{round}.ipynb"), secrets, visible);
    }
}
