using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks;

/// <summary>
/// One output of a code cell, as nbformat 4 stores it (<c>output_type</c>): a stream, displayed data,
/// the cell's value, or an error. Keys this model does not know are kept in <see cref="Extra"/>
/// and written back unchanged.
/// </summary>
public abstract record NotebookOutput
{
    /// <summary>nbformat's <c>output_type</c>.</summary>
    public abstract string OutputType { get; }

    /// <summary>Keys of the output that this model does not interpret, kept for the round trip.</summary>
    public JsonObject? Extra { get; init; }

    /// <summary>The output as nbformat JSON (multi-line text as lists of lines, as Jupyter writes it).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["output_type"] = OutputType };
        WriteFields(json);
        if (Extra is not null)
        {
            foreach (var (key, value) in Extra)
            {
                if (!json.ContainsKey(key))
                {
                    json[key] = value?.DeepClone();
                }
            }
        }

        return json;
    }

    /// <summary>Reads one output; <paramref name="where"/> names it in error messages (e.g. "cell 3, output 1").</summary>
    public static NotebookOutput FromJson(JsonNode? node, string sourceName, string where)
    {
        NotebookFormatException Error(string problem) => new(sourceName, $"{where}: {problem}");
        if (node is not JsonObject json)
        {
            throw Error("an output must be an object");
        }

        var type = NotebookJson.String(json, "output_type", Error);
        NotebookOutput output = type switch
        {
            "stream" => new StreamOutput(NotebookJson.String(json, "name", Error), NotebookJson.MultilineString(json, "text", Error)),
            "display_data" => new DisplayDataOutput(ReadData(json, Error), NotebookJson.ObjectOrEmpty(json, "metadata", Error)),
            "execute_result" => new ExecuteResultOutput(NotebookJson.OptionalInt(json, "execution_count", Error), ReadData(json, Error), NotebookJson.ObjectOrEmpty(json, "metadata", Error)),
            "error" => new ErrorOutput(NotebookJson.String(json, "ename", Error), NotebookJson.String(json, "evalue", Error), ReadTraceback(json, Error)),
            _ => throw Error($"unknown output_type '{type}'"),
        };
        var extra = NotebookJson.UnknownKeys(json, KnownKeys(type));

        return extra.Count == 0 ? output : output with { Extra = extra };
    }

    private protected abstract void WriteFields(JsonObject json);

    private static string[] KnownKeys(string type) => type switch
    {
        "stream" => ["output_type", "name", "text"],
        "display_data" => ["output_type", "data", "metadata"],
        "execute_result" => ["output_type", "data", "metadata", "execution_count"],
        _ => ["output_type", "ename", "evalue", "traceback"],
    };

    private static SortedDictionary<string, string> ReadData(JsonObject json, Func<string, NotebookFormatException> error)
    {
        if (json["data"] is not JsonObject data)
        {
            throw error("'data' must be an object of MIME type to content");
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mime, value) in data)
        {
            result[mime] = MimeBundle.IsJson(mime)
                ? value?.ToJsonString() ?? "null"
                : NotebookJson.JoinLines(value, () => error($"data['{mime}'] must be a string or a list of strings"));
        }

        return result;
    }

    private static IReadOnlyList<string> ReadTraceback(JsonObject json, Func<string, NotebookFormatException> error)
    {
        if (json["traceback"] is not JsonArray lines)
        {
            throw error("'traceback' must be a list of strings");
        }

        return [.. lines.Select(line => line is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw error("'traceback' must be a list of strings"))];
    }
}

/// <summary>Text the cell wrote to <c>stdout</c> or <c>stderr</c>.</summary>
/// <param name="Name"><c>"stdout"</c> or <c>"stderr"</c>.</param>
/// <param name="Text">The text, lines joined.</param>
public sealed record StreamOutput(string Name, string Text) : NotebookOutput
{
    public const string StandardOutput = "stdout";
    public const string StandardError = "stderr";

    public override string OutputType => "stream";

    private protected override void WriteFields(JsonObject json)
    {
        json["name"] = Name;
        json["text"] = NotebookJson.SplitLines(Text);
    }
}

/// <summary>A value shown with <c>display(x)</c>: one representation per MIME type.</summary>
/// <param name="Data">MIME type to content (JSON MIME types hold JSON text).</param>
/// <param name="Metadata">Per-output metadata, usually empty.</param>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data, JsonObject Metadata) : NotebookOutput
{
    public DisplayDataOutput(IReadOnlyDictionary<string, string> data)
        : this(data, [])
    {
    }

    public override string OutputType => "display_data";

    private protected override void WriteFields(JsonObject json)
    {
        json["data"] = MimeBundle.ToJson(Data);
        json["metadata"] = Metadata.DeepClone();
    }
}

/// <summary>The cell's value: its trailing expression, shown like <c>display</c> but tied to the execution count.</summary>
/// <param name="ExecutionCount">The cell's execution count.</param>
/// <param name="Data">MIME type to content.</param>
/// <param name="Metadata">Per-output metadata, usually empty.</param>
public sealed record ExecuteResultOutput(int? ExecutionCount, IReadOnlyDictionary<string, string> Data, JsonObject Metadata) : NotebookOutput
{
    public ExecuteResultOutput(int? executionCount, IReadOnlyDictionary<string, string> data)
        : this(executionCount, data, [])
    {
    }

    public override string OutputType => "execute_result";

    private protected override void WriteFields(JsonObject json)
    {
        json["data"] = MimeBundle.ToJson(Data);
        json["execution_count"] = ExecutionCount;
        json["metadata"] = Metadata.DeepClone();
    }
}

/// <summary>An exception or a compile error.</summary>
/// <param name="EName">Error name, e.g. the exception type or <c>"CompilationError"</c>.</param>
/// <param name="EValue">The message.</param>
/// <param name="Traceback">Lines of the trace, shown by front ends in place of the message.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : NotebookOutput
{
    public override string OutputType => "error";

    private protected override void WriteFields(JsonObject json)
    {
        json["ename"] = EName;
        json["evalue"] = EValue;
        json["traceback"] = new JsonArray([.. Traceback.Select(line => (JsonNode?)JsonValue.Create(line))]);
    }
}

/// <summary>Helpers for nbformat's MIME bundles (<c>data</c>).</summary>
public static class MimeBundle
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    /// <summary>JSON MIME types hold JSON values in the file, not text (nbformat's rule).</summary>
    public static bool IsJson(string mime) =>
        mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    internal static JsonObject ToJson(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (mime, content) in data.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json[mime] = IsJson(mime) ? ParseJsonContent(content) : NotebookJson.SplitLines(content);
        }

        return json;
    }

    private static JsonNode? ParseJsonContent(string content)
    {
        try
        {
            return JsonNode.Parse(content);
        }
        catch (JsonException)
        {
            return JsonValue.Create(content);
        }
    }
}
