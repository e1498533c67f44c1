using System.Text.Json.Nodes;

namespace Course.Grading.Tests.Autograder;

/// <summary>
/// A small check of results.json against Gradescope's documented format
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/#output-format), as strict as the course
/// needs: top-level score, max_score, output and tests[]; each test with name, score, max_score,
/// status (passed/failed), output and visibility; no member the format does not define; scores add up.
/// </summary>
internal static class GradescopeSchema
{
    private static readonly HashSet<string> TopLevel = ["score", "max_score", "execution_time", "output", "output_format", "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"];
    private static readonly HashSet<string> TestMembers = ["score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data"];
    private static readonly HashSet<string> Statuses = ["passed", "failed"];
    private static readonly HashSet<string> Visibilities = ["hidden", "after_due_date", "after_published", "visible"];

    /// <summary>Every way <paramref name="json"/> breaks the format; empty when it conforms.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        var errors = new List<string>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return [$"not JSON: {ex.Message}"];
        }

        if (root is not JsonObject top)
        {
            return ["the document is not an object"];
        }

        errors.AddRange(top.Select(p => p.Key).Where(k => !TopLevel.Contains(k)).Select(k => $"unknown member '{k}'"));
        var score = Number(top, "score", "", errors);
        var max = Number(top, "max_score", "", errors);
        Text(top, "output", "", errors);
        if (score is { } s && max is { } m && (s < 0 || s > m))
        {
            errors.Add($"score {s} is outside 0..{m}");
        }

        if (top["tests"] is not JsonArray tests)
        {
            errors.Add("'tests' is not an array");
            return errors;
        }

        double sum = 0, maxSum = 0;
        for (var i = 0; i < tests.Count; i++)
        {
            var where = $"tests[{i}].";
            if (tests[i] is not JsonObject test)
            {
                errors.Add($"tests[{i}] is not an object");
                continue;
            }

            errors.AddRange(test.Select(p => p.Key).Where(k => !TestMembers.Contains(k)).Select(k => $"unknown member '{where}{k}'"));
            if (Text(test, "name", where, errors) is "")
            {
                errors.Add($"{where}name is empty");
            }

            var testScore = Number(test, "score", where, errors);
            var testMax = Number(test, "max_score", where, errors);
            sum += testScore ?? 0;
            maxSum += testMax ?? 0;
            if (testScore is { } ts && testMax is { } tm && (ts < 0 || ts > tm))
            {
                errors.Add($"{where}score {ts} is outside 0..{tm}");
            }

            if (Text(test, "status", where, errors) is { } status && !Statuses.Contains(status))
            {
                errors.Add($"{where}status '{status}' is not passed or failed");
            }

            Text(test, "output", where, errors);
            if (Text(test, "visibility", where, errors) is { } visibility && !Visibilities.Contains(visibility))
            {
                errors.Add($"{where}visibility '{visibility}' is not one of {string.Join(", ", Visibilities)}");
            }
        }

        if (tests.Count > 0 && (score != sum || max != maxSum))
        {
            errors.Add($"the tests add up to {sum}/{maxSum}, not {score}/{max}");
        }

        return errors;
    }

    private static double? Number(JsonObject node, string name, string where, List<string> errors)
    {
        if (node[name] is JsonValue value && value.TryGetValue<double>(out var number))
        {
            return number;
        }

        errors.Add($"{where}{name} is missing or not a number");
        return null;
    }

    private static string? Text(JsonObject node, string name, string where, List<string> errors)
    {
        if (node[name] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        errors.Add($"{where}{name} is missing or not a string");
        return null;
    }
}
