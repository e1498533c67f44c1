using System.Text.Json.Nodes;

namespace Course.Notebooks;

/// <summary>Small readers for nbformat's JSON shapes, each failing with a precise message.</summary>
internal static class NotebookJson
{
    /// <summary>A copy of the members of <paramref name="json"/> the model does not know, so that writing keeps them.</summary>
    public static JsonObject UnknownKeys(JsonObject json, IReadOnlyCollection<string> knownKeys)
    {
        var extra = new JsonObject();
        foreach (var (key, value) in json)
        {
            if (!knownKeys.Contains(key))
            {
                extra[key] = value?.DeepClone();
            }
        }

        return extra;
    }

    /// <summary>
    /// The string at <paramref name="path"/> under <paramref name="node"/> (each step an object member), or
    /// null when any step is missing or not an object, or the value is not a string: never throws,
    /// whatever types the file holds.
    /// </summary>
    public static string? StringAt(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var key in path)
        {
            if (node is not JsonObject json || !json.TryGetPropertyValue(key, out node))
            {
                return null;
            }
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static string String(JsonObject json, string key, Func<string, NotebookFormatException> error) =>
        json[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw error($"'{key}' must be a string");

    public static int? OptionalInt(JsonObject json, string key, Func<string, NotebookFormatException> error) => json[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => throw error($"'{key}' must be an integer or null"),
    };

    public static JsonObject ObjectOrEmpty(JsonObject json, string key, Func<string, NotebookFormatException> error) => json[key] switch
    {
        null => [],
        JsonObject o => (JsonObject)o.DeepClone(),
        _ => throw error($"'{key}' must be an object"),
    };

    /// <summary>nbformat's multi-line string: a string, or a list of strings to concatenate.</summary>
    public static string MultilineString(JsonObject json, string key, Func<string, NotebookFormatException> error) =>
        JoinLines(json[key], () => error($"'{key}' must be a string or a list of strings"));

    public static string JoinLines(JsonNode? node, Func<NotebookFormatException> error)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                return s;
            case JsonArray lines:
                var text = new System.Text.StringBuilder();
                foreach (var line in lines)
                {
                    text.Append(line is JsonValue lv && lv.TryGetValue<string>(out var ls) ? ls : throw error());
                }

                return text.ToString();
            default:
                throw error();
        }
    }

    /// <summary>
    /// Splits text into lines that keep their ends, as Python's <c>str.splitlines(True)</c> does
    /// (nbformat writes every multi-line string that way, so we must split exactly where it does).
    /// </summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsPythonLineBreak(c))
            {
                continue;
            }

            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static bool IsPythonLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
