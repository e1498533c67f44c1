using System.Globalization;
using Course.Grading.Results;
using CsvHelper;
using CsvHelper.Configuration;

namespace Course.Grading.Reports;

/// <summary>
/// <c>gradebook.csv</c>: one row per student and assignment, columns
/// <c>student_id,assignment,score,max_score,status</c> then one per grade_id (the assignments' test cells
/// and manually graded answers, in assignment then notebook order; empty where a grade_id is not part of
/// a row's assignment, and for an answer still pending manual grading). <c>status</c> is one of
/// <c>graded</c>, <c>not_submitted</c>, <c>unreadable</c>, <c>refused</c>, <c>needs_manual_grade</c>
/// (<see cref="SubmissionStatus"/>). Rows are sorted by student_id then assignment (ordinal); numbers are
/// invariant decimals printed exactly (0.1 + 0.2 is written 0.3): a rerun writes the same bytes.
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
            foreach (var header in new[] { "student_id", "assignment", "score", "max_score", "status" }.Concat(columns))
            {
                csv.WriteField(SafeText.Name(header));
            }

            csv.NextRecord();
            foreach (var result in results
                         .OrderBy(r => r.StudentId, StringComparer.Ordinal)
                         .ThenBy(r => r.Assignment, StringComparer.Ordinal))
            {
                csv.WriteField(SafeText.Name(result.StudentId));
                csv.WriteField(SafeText.Name(result.Assignment));
                csv.WriteField(Number(result.Score));
                csv.WriteField(Number(result.MaxScore));
                csv.WriteField(result.Status.CsvName());
                var byId = result.Tests.GroupBy(t => t.GradeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                foreach (var column in columns)
                {
                    csv.WriteField(byId.TryGetValue(column, out var test) && test.Status != TestStatus.PendingManualGrade ? Number(test.Score) : string.Empty);
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>A score as the gradebook writes it: invariant, shortest round-trip form ("2", "1.5").</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A score as every output writes it: invariant, exact, no trailing zeros ("2", "1.5", "0.3").</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
