using System.Globalization;
using Course.Grading.Results;
using CsvHelper;
using CsvHelper.Configuration;

namespace Course.Grading.Reports;

/// <summary>
/// <c>gradebook.csv</c>: one row per student and assignment, columns
/// <c>student_id,assignment,score,max_score</c> then one per grade_id (the assignments' test cells, in
/// assignment then notebook order; empty where a grade_id is not part of a row's assignment). Rows are
/// sorted by student_id then assignment (ordinal), numbers are invariant: a rerun writes the same bytes.
/// A cell that a spreadsheet would run as a formula (one starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR) gets a leading apostrophe (CsvHelper's <see cref="InjectionOptions.Escape"/>), and
/// control and bidirectional characters in names are written as visible escapes (<see cref="SafeText"/>).
/// </summary>
public static class Gradebook
{
    /// <summary>The CSV text.</summary>
    /// <param name="gradeIds">Every test grade_id per assignment, in notebook order.</param>
    /// <param name="results">One result per student and assignment, in any order.</param>
    public static string ToCsv(IReadOnlyList<(string Assignment, IReadOnlyList<string> GradeIds)> gradeIds, IEnumerable<SubmissionResult> results)
    {
        ArgumentNullException.ThrowIfNull(gradeIds);
        ArgumentNullException.ThrowIfNull(results);
        var columns = gradeIds
            .OrderBy(a => a.Assignment, StringComparer.Ordinal)
            .SelectMany(a => a.GradeIds)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", InjectionOptions = InjectionOptions.Escape };
        using (var csv = new CsvWriter(text, config))
        {
            foreach (var header in new[] { "student_id", "assignment", "score", "max_score" }.Concat(columns))
            {
                csv.WriteField(SafeText.Visible(header));
            }

            csv.NextRecord();
            foreach (var result in results
                         .OrderBy(r => r.StudentId, StringComparer.Ordinal)
                         .ThenBy(r => r.Assignment, StringComparer.Ordinal))
            {
                csv.WriteField(SafeText.Visible(result.StudentId));
                csv.WriteField(SafeText.Visible(result.Assignment));
                csv.WriteField(Number(result.Score));
                csv.WriteField(Number(result.MaxScore));
                var byId = result.Tests.ToDictionary(t => t.GradeId, StringComparer.Ordinal);
                foreach (var column in columns)
                {
                    csv.WriteField(byId.TryGetValue(column, out var test) ? Number(test.Score) : string.Empty);
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>A score as the gradebook writes it: invariant, shortest round-trip form ("2", "1.5").</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
