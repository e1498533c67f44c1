using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Grading.Release;

/// <summary>
/// The last check before <c>release</c> writes a student version: reads the version as a student would
/// get it and refuses it when any line of a solution or of a hidden test, or any marker, would reach
/// the student. It splits lines at every character that any editor or language reads as a line end
/// (<c>\n</c>, <c>\r</c>, <c>\v</c>, <c>\f</c>, U+0085, U+2028, U+2029, ...), wider than the release
/// itself, so a line end that release does not know cannot smuggle a secret line past it.
/// </summary>
public static partial class ReleaseVerifier
{
    private static readonly string[] AllMarkers = [Markers.BeginSolution, Markers.EndSolution, Markers.BeginHiddenTests, Markers.EndHiddenTests];

    /// <summary>
    /// What would leak from <paramref name="source"/> into <paramref name="student"/>, one line per
    /// problem naming the student cell (empty when nothing leaks). A secret line is a non-blank line of
    /// a solution (a solution region, or a whole answer cell without one) or of a hidden-test region
    /// that appears nowhere in the parts of the source the student may see.
    /// </summary>
    public static IReadOnlyList<string> Leaks(Notebook source, Notebook student)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(student);
        var secret = new HashSet<string>(StringComparer.Ordinal);
        var visible = new HashSet<string>(StringComparer.Ordinal) { Markers.YourCodeHere, Markers.NotImplementedStub, Markers.YourAnswerHere };
        foreach (var cell in source.Cells)
        {
            var nb = TryNbgrader(cell);
            if (nb is { Solution: true } && !Markers.Lines(cell.Source).Any(l => Markers.Is(l, Markers.BeginSolution)))
            {
                secret.UnionWith(AnyLines(cell.Source));
                continue;
            }

            var inside = false;
            foreach (var line in Markers.Lines(cell.Source))
            {
                if (!inside && (Markers.Is(line, Markers.BeginSolution) || Markers.Is(line, Markers.BeginHiddenTests)))
                {
                    inside = true;
                }
                else if (inside && (Markers.Is(line, Markers.EndSolution) || Markers.Is(line, Markers.EndHiddenTests)))
                {
                    inside = false;
                }
                else
                {
                    (inside ? secret : visible).UnionWith(AnyLines(line));
                }
            }
        }

        secret.ExceptWith(visible);
        var problems = new List<string>();
        for (var i = 0; i < student.Cells.Count; i++)
        {
            var cell = student.Cells[i];
            var where = TryNbgrader(cell) is { } nb ? $"cell {i + 1} (grade_id '{nb.GradeId}')" : $"cell {i + 1}";
            var texts = new List<string> { cell.Source };
            texts.AddRange(cell.Outputs.Select(o => o.ToJson().ToJsonString()));
            texts.Add(cell.Metadata.ToJsonString());
            texts.Add(cell.Extra.ToJsonString());
            foreach (var text in texts)
            {
                if (AllMarkers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) is { } marker)
                {
                    problems.Add($"{where} of the student version would still hold the marker '{marker}'");
                    break;
                }

                if (AnyLines(text).FirstOrDefault(secret.Contains) is { } line)
                {
                    problems.Add($"{where} of the student version would show a line of a solution or hidden test ('{Shorten(line)}')");
                    break;
                }
            }
        }

        var rest = student.Metadata.ToJsonString() + student.Extra.ToJsonString();
        if (AllMarkers.FirstOrDefault(m => rest.Contains(m, StringComparison.Ordinal)) is { } topMarker)
        {
            problems.Add($"the student version's notebook metadata would hold the marker '{topMarker}'");
        }

        return problems;
    }

    /// <summary>Trimmed, non-blank lines, split at every line end any reader knows.</summary>
    private static IEnumerable<string> AnyLines(string text) =>
        AnyLineEnd().Split(text).Select(l => l.Trim()).Where(l => l.Length > 0);

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "...";

    private static NbgraderCell? TryNbgrader(NotebookCell cell)
    {
        try
        {
            return cell.Nbgrader;
        }
        catch (NotebookFormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("\r\n|[\n\r\v\f\u001c\u001d\u001e\u0085\u2028\u2029]")]
    private static partial Regex AnyLineEnd();
}
