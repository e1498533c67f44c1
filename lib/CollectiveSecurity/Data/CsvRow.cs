using System.Globalization;
using CsvHelper;

namespace CollectiveSecurity.Data;

/// <summary>Raised by <see cref="CsvRow"/> when a field is missing or malformed; the reader adds file and line.</summary>
internal sealed class RowException(string reason) : Exception(reason);

/// <summary>
/// Typed, validating access to the fields of the current CSV row, by column name.
/// Every accessor throws <see cref="RowException"/> with a reason that names the column and the bad value.
/// </summary>
internal sealed class CsvRow(CsvReader csv)
{
    private readonly HashSet<string> _columns = new(csv.HeaderRecord ?? [], StringComparer.Ordinal);

    /// <summary>The field's text, trimmed; empty when the field is empty.</summary>
    public string Text(string column)
    {
        if (!_columns.Contains(column))
        {
            throw new RowException($"missing column '{column}'");
        }

        return (csv.GetField(column) ?? string.Empty).Trim();
    }

    /// <summary>The field's text; an empty field is an error.</summary>
    public string Required(string column)
    {
        var text = Text(column);
        return text.Length == 0 ? throw new RowException($"column '{column}' is empty") : text;
    }

    /// <summary>The field's text split on a separator, each part trimmed, empty parts dropped.</summary>
    public IReadOnlyList<string> List(string column, char separator = ';') =>
        Array.AsReadOnly(Text(column).Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A whole number within [min, max].</summary>
    public int Int(string column, int min, int max) =>
        ParseInt(column, Required(column), min, max);

    /// <summary>A whole number within [min, max], or null when the field is empty.</summary>
    public int? OptionalInt(string column, int min, int max)
    {
        var text = Text(column);
        return text.Length == 0 ? null : ParseInt(column, text, min, max);
    }

    /// <summary>A decimal number within [min, max] (invariant culture: a dot separates decimals).</summary>
    public double Double(string column, double min, double max)
    {
        var text = Required(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new RowException(FormattableString.Invariant($"column '{column}': '{text}' is not a number in [{min}, {max}]"));
        }

        return value;
    }

    /// <summary>An ISO date (yyyy-MM-dd).</summary>
    public DateOnly Date(string column) => ParseDate(column, Required(column));

    /// <summary>An ISO date, or null when the field is empty.</summary>
    public DateOnly? OptionalDate(string column)
    {
        var text = Text(column);
        return text.Length == 0 ? null : ParseDate(column, text);
    }

    /// <summary>A list of ISO dates separated by ';'.</summary>
    public IReadOnlyList<DateOnly> Dates(string column) =>
        Array.AsReadOnly(List(column).Select(d => ParseDate(column, d)).ToArray());

    /// <summary>A y/n flag; text after the leading y or n (a remark in brackets) is allowed.</summary>
    public bool YesNo(string column)
    {
        var text = Required(column);
        return char.ToLowerInvariant(text[0]) switch
        {
            'y' when text.Length == 1 || !char.IsLetter(text[1]) => true,
            'n' when text.Length == 1 || !char.IsLetter(text[1]) => false,
            _ => throw new RowException($"column '{column}': '{text}' is neither y nor n"),
        };
    }

    /// <summary>One of a closed set of codes, looked up in <paramref name="codes"/> (exact, case-sensitive).</summary>
    public T Code<T>(string column, IReadOnlyDictionary<string, T> codes)
    {
        var text = Required(column);
        return codes.TryGetValue(text, out var value)
            ? value
            : throw new RowException($"column '{column}': '{text}' is not one of {string.Join(", ", codes.Keys.Select(k => $"'{k}'"))}");
    }

    private static int ParseInt(string column, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new RowException(FormattableString.Invariant($"column '{column}': '{text}' is not a whole number in [{min}, {max}]"));
        }

        return value;
    }

    private static DateOnly ParseDate(string column, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RowException($"column '{column}': '{text}' is not a date (yyyy-MM-dd)");
}
