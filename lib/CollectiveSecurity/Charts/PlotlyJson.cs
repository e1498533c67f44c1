using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollectiveSecurity.Charts;

/// <summary>Turns figures into plotly.js JSON with System.Text.Json, the same way every time.</summary>
internal static class PlotlyJson
{
    /// <summary>
    /// Compact output; unset (null) attributes left out so plotly applies its defaults; the default JavaScript
    /// encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes and non-ASCII, so the JSON can sit inside a
    /// <c>script</c> element unchanged. Property order is the declaration order (fixed by the records).
    /// </summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    /// <summary>Serializes a figure as <c>{"data":[…],"layout":{…}}</c>.</summary>
    public static string Serialize(Figure figure) =>
        JsonSerializer.Serialize(new FigureJson(figure.Traces, figure.Layout), Options);

    /// <summary>Re-serializes arbitrary JSON (such as a topojson file) with the same HTML-safe escaping.</summary>
    public static string Reserialize(JsonElement element) => JsonSerializer.Serialize(element, Options);

    /// <summary>Serializes any value with the same settings.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private sealed record FigureJson(
        [property: JsonPropertyName("data")] IReadOnlyList<Trace> Data,
        [property: JsonPropertyName("layout")] Layout Layout);
}
