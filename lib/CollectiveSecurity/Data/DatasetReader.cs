using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace CollectiveSecurity.Data;

/// <summary>
/// How one dataset file becomes typed records: its file name, the mapping of one row to a record
/// (which validates as it goes), an optional unique key, and a check across the whole row (e.g. end after start).
/// </summary>
/// <typeparam name="T">The record type of one row.</typeparam>
/// <param name="FileName">The file in <c>datasets/</c>, also the embedded resource name after <c>datasets/</c>.</param>
/// <param name="Map">Reads one row; throws <see cref="RowException"/> for a bad field.</param>
/// <param name="Key">A key that must be unique across rows, or null.</param>
internal sealed record DatasetFile<T>(string FileName, Func<CsvRow, T> Map, Func<T, string>? Key = null)
{
    /// <summary>Reads every row of the embedded copy of this file.</summary>
    public IReadOnlyList<T> LoadEmbedded()
    {
        var resource = "datasets/" + FileName;
        using var stream = typeof(DatasetFile<T>).Assembly.GetManifestResourceStream(resource)
            ?? throw new DatasetException(FileName, 0, $"the library has no embedded resource '{resource}'");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>Reads every row from <paramref name="reader"/>, validating each; the first bad row throws.</summary>
    /// <exception cref="DatasetException">A row could not be read or failed validation.</exception>
    public IReadOnlyList<T> Parse(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = true,
        };
        using var csv = new CsvReader(reader, config);
        var rows = new List<T>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            if (!csv.Read())
            {
                throw new DatasetException(FileName, 1, "the file is empty (no header row)");
            }

            csv.ReadHeader();
            var row = new CsvRow(csv);
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                T record;
                try
                {
                    record = Map(row);
                }
                catch (RowException e)
                {
                    throw new DatasetException(FileName, line, e.Message);
                }
                catch (ArgumentException e)
                {
                    // A record's constructor rejected a combination of fields (e.g. end before start).
                    throw new DatasetException(FileName, line, e.Message, e);
                }

                if (Key is not null)
                {
                    var key = Key(record);
                    if (keys.TryGetValue(key, out var first))
                    {
                        throw new DatasetException(FileName, line, FormattableString.Invariant($"duplicate key '{key}' (first on line {first})"));
                    }

                    keys.Add(key, line);
                }

                rows.Add(record);
            }
        }
        catch (CsvHelperException e)
        {
            var line = e.Context?.Parser?.RawRow ?? 0;
            throw new DatasetException(FileName, line, "malformed CSV: " + FirstLine(e.Message), e);
        }

        return rows.AsReadOnly();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}

/// <summary>Reads the names of the datasets embedded in this assembly.</summary>
internal static class EmbeddedDatasets
{
    /// <summary>The file names of every embedded dataset, sorted.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("datasets/", StringComparison.Ordinal))
            .Select(n => n["datasets/".Length..])
            .Order(StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();
}
