using Course.Grading.Release;
using Course.Notebooks;

namespace Course.Content.Tests.WrongAnswers;

/// <summary>
/// A plausible wrong answer to one exercise: the code a learner might write, and the mistake it stands for.
/// Grafted into the instructor's notebook in place of the solution, it must earn nothing on the exercise's test.
/// </summary>
/// <param name="Notebook">The notebook's file name, e.g. "02-league-of-nations.ipynb".</param>
/// <param name="AnswerId">The answer cell's grade_id.</param>
/// <param name="TestId">The grade_id of the test cell that grades it.</param>
/// <param name="Mistake">The mistake in a few words (also the theory case's name, so it must be unique per exercise).</param>
/// <param name="Regions">
/// The code for each <c>// BEGIN SOLUTION</c> ... <c>// END SOLUTION</c> region of the answer cell, in order;
/// null keeps the instructor's code for that region (an exercise with two functions can be wrong in one).
/// </param>
internal sealed record WrongAnswer(string Notebook, string AnswerId, string TestId, string Mistake, IReadOnlyList<string?> Regions)
{
    /// <summary>A wrong answer to an exercise whose answer cell has a single solution region.</summary>
    public static WrongAnswer Of(string notebook, string exercise, string mistake, string code) =>
        new(notebook, exercise + "-answer", exercise + "-tests", mistake, [code]);

    /// <summary>
    /// The answer cell's source with each solution region replaced by <see cref="Regions"/> (markers removed, as a
    /// learner's completed cell would read). Throws when the cell has a different number of regions than given.
    /// </summary>
    public string Graft(string instructorSource)
    {
        var lines = Markers.Lines(instructorSource);
        var output = new List<string>();
        var region = -1;
        var inside = false;
        foreach (var line in lines)
        {
            if (Markers.Is(line, Markers.BeginSolution))
            {
                region++;
                inside = true;
                if (region >= Regions.Count)
                {
                    throw new InvalidOperationException($"{Notebook} {AnswerId}: more solution regions than the {Regions.Count} given for '{Mistake}'");
                }

                if (Regions[region] is { } replacement)
                {
                    var indent = line[..(line.Length - line.TrimStart().Length)];
                    output.AddRange(Markers.Lines(replacement.TrimEnd('\n')).Select(l => l.Length == 0 ? l : indent + l));
                }

                continue;
            }

            if (Markers.Is(line, Markers.EndSolution))
            {
                inside = false;
                continue;
            }

            if (!inside || Regions[region] is null)
            {
                output.Add(line);
            }
        }

        if (region + 1 != Regions.Count)
        {
            throw new InvalidOperationException($"{Notebook} {AnswerId}: {region + 1} solution regions, but {Regions.Count} given for '{Mistake}'");
        }

        return string.Join("\n", output);
    }

    /// <summary>The instructor's notebook with this wrong answer in its answer cell (the answer cell must exist).</summary>
    public Notebook GraftInto(Notebook instructor)
    {
        var copy = instructor.Clone();
        var cell = copy.Cells.SingleOrDefault(c => c.Nbgrader?.GradeId == AnswerId && c.Nbgrader.Solution)
            ?? throw new InvalidOperationException($"{Notebook}: no answer cell with grade_id {AnswerId}");
        cell.Source = Graft(cell.Source);
        return copy;
    }

    public override string ToString() => $"{Notebook} {AnswerId}: {Mistake}";
}
