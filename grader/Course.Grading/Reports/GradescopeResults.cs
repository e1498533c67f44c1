using System.Text;
using System.Text.Json;
using Course.Grading.Results;

namespace Course.Grading.Reports;

/// <summary>
/// <c>results.json</c> in Gradescope's autograder format: <c>score</c>, <c>max_score</c>, <c>output</c>
/// and <c>tests[]</c> (<c>name</c>, <c>score</c>, <c>max_score</c>, <c>status</c> passed/failed,
/// <c>output</c>, <c>visibility</c>). Tests with hidden parts are <c>after_published</c>. A manually graded
/// answer is a test with score 0 (not yet given), status failed and an output that starts with
/// "Pending manual grading". Numbers are exact decimals (0.3, never 0.30000000000000004). Same result,
/// same bytes: fixed property order, invariant numbers, no timestamps.
/// </summary>
public static class GradescopeResults
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text, ending with a newline.</summary>
    public static string ToJson(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("score", Exact(result.Score));
            json.WriteNumber("max_score", Exact(result.MaxScore));
            json.WriteString("output", result.Summary);
            json.WriteStartArray("tests");
            foreach (var test in result.Tests)
            {
                json.WriteStartObject();
                json.WriteString("name", test.GradeId);
                json.WriteNumber("score", Exact(test.Score));
                json.WriteNumber("max_score", Exact(test.MaxScore));
                json.WriteString("status", test.Status == TestStatus.Passed ? "passed" : "failed");
                json.WriteString("output", OutputOf(test));
                json.WriteString("visibility", test.HasHiddenTests ? "after_published" : "visible");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    // Without trailing zeros: points read as 2.0 are written 2, as the gradebook writes them.
    private static decimal Exact(decimal value) => decimal.Parse(Gradebook.Number(value), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What a test's <c>output</c> says: its status in words, then its message.</summary>
    public static string OutputOf(TestOutcome test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test.Status switch
        {
            TestStatus.Passed => "Passed.",
            TestStatus.Failed => "Failed: " + test.Message,
            TestStatus.NotAttempted => "Not attempted: " + test.Message,
            TestStatus.PendingManualGrade => "Pending manual grading: " + test.Message,
            _ => "Not run: " + test.Message,
        };
    }
}
