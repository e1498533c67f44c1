using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks;

/// <summary>
/// Writes JSON the way Jupyter's nbformat does (<c>json.dumps(nb, sort_keys=True, indent=1,
/// ensure_ascii=False)</c>) and VS Code's notebook serializer does likewise: keys sorted by code point,
/// one item per line, non-ASCII text as is. Hand-written because System.Text.Json's writer cannot
/// sort keys, indent by one space, or escape exactly as Python does.
/// </summary>
internal static class JupyterJsonWriter
{
    public static string Write(JsonNode? node, int indent, bool trailingNewline)
    {
        var text = new StringBuilder();
        WriteNode(text, node, indent, 0);
        if (trailingNewline)
        {
            text.Append('\n');
        }

        return text.ToString();
    }

    private static void WriteNode(StringBuilder text, JsonNode? node, int indent, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    text.Append("{}");
                    break;
                }

                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? "\n" : ",\n");
                    first = false;
                    text.Append(' ', indent * (depth + 1));
                    WriteString(text, key);
                    text.Append(": ");
                    WriteNode(text, value, indent, depth + 1);
                }

                text.Append('\n').Append(' ', indent * depth).Append('}');
                break;
            case JsonArray array:
                if (array.Count == 0)
                {
                    text.Append("[]");
                    break;
                }

                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n");
                    text.Append(' ', indent * (depth + 1));
                    WriteNode(text, array[i], indent, depth + 1);
                }

                text.Append('\n').Append(' ', indent * depth).Append(']');
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            // Read from a file: strings are re-escaped, numbers and literals keep their original text.
            if (element.ValueKind == JsonValueKind.String)
            {
                WriteString(text, element.GetString()!);
            }
            else
            {
                text.Append(element.GetRawText());
            }
        }
        else if (value.TryGetValue<string>(out var s))
        {
            WriteString(text, s);
        }
        else if (value.TryGetValue<double>(out var d))
        {
            // Python's repr of a float always shows it is one ("1.0", "1e+20").
            var repr = d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
            text.Append(repr.Contains('.', StringComparison.Ordinal) || repr.Contains('e', StringComparison.Ordinal) ? repr : repr + ".0");
        }
        else
        {
            text.Append(value.ToJsonString());
        }
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }
}
