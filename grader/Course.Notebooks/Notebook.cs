using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4), as Polyglot Notebooks and Jupyter store it. Reading keeps every
/// key it does not interpret (metadata, cell ids, attachments, output extras); writing follows
/// Jupyter's layout (sorted keys, the file's own indent, non-ASCII as is), so a notebook loaded and
/// saved without changes is byte-identical.
/// </summary>
public sealed class Notebook
{
    private static readonly string[] KnownKeys = ["cells", "metadata", "nbformat", "nbformat_minor"];

    private Notebook(JsonObject metadata, int formatMinor, JsonObject extra, int indent, bool trailingNewline)
    {
        Metadata = metadata;
        FormatMinor = formatMinor;
        Extra = extra;
        Indent = indent;
        TrailingNewline = trailingNewline;
    }

    /// <summary>The full path the notebook was loaded from (null when parsed from text); relative <c>#r</c> paths start from its folder.</summary>
    public string? SourcePath { get; set; }

    /// <summary>The cells, top to bottom.</summary>
    public IList<NotebookCell> Cells { get; } = [];

    /// <summary>Notebook metadata (kernelspec, language_info, polyglot_notebook, ...), live.</summary>
    public JsonObject Metadata { get; }

    /// <summary>Always 4: the only major version this model reads.</summary>
    public int Format => 4;

    /// <summary><c>nbformat_minor</c>.</summary>
    public int FormatMinor { get; set; }

    /// <summary>Top-level keys this model does not interpret, kept for the round trip.</summary>
    public JsonObject Extra { get; }

    /// <summary>
    /// What reading repaired, one line each, as Jupyter's own reader warns about it (e.g.
    /// <c>Non-unique cell id 'q1' detected. Corrected to '3f2a9c1e'.</c>); empty for a sound file.
    /// </summary>
    public IList<string> Warnings { get; } = [];

    /// <summary>Spaces per indent level when written: Jupyter writes 1; a file read keeps its own.</summary>
    public int Indent { get; set; }

    /// <summary>Whether the file ends with a newline (Jupyter's files do).</summary>
    public bool TrailingNewline { get; set; }

    /// <summary>
    /// The kernel of code cells that name none: <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>,
    /// else <c>"csharp"</c>.
    /// </summary>
    public string DefaultKernelName =>
        NotebookJson.StringAt(Metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName") ?? NotebookCell.CSharpKernel;

    /// <summary>A new, empty C# notebook with the metadata Polyglot Notebooks writes.</summary>
    public static Notebook CreateCSharp() => new(
        new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "C#" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = NotebookCell.CSharpKernel,
                    ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = NotebookCell.CSharpKernel }),
                },
            },
        },
        formatMinor: 5,
        extra: [],
        indent: 1,
        trailingNewline: true);

    /// <summary>Reads a notebook file; any problem is a <see cref="NotebookFormatException"/> naming the file.</summary>
    public static Notebook Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new NotebookFormatException(path, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({ex.Message})", ex);
        }

        var notebook = Parse(json, path);
        notebook.SourcePath = Path.GetFullPath(path);
        return notebook;
    }

    /// <summary>Reads a notebook from JSON text; <paramref name="sourceName"/> names it in errors.</summary>
    public static Notebook Parse(string json, string sourceName) => Parse(json, sourceName, NotebookLimits.None);

    /// <summary>
    /// Reads a notebook from JSON text within <paramref name="limits"/>; any problem, whatever the shape
    /// of the JSON, is a <see cref="NotebookFormatException"/> naming <paramref name="sourceName"/>.
    /// </summary>
    public static Notebook Parse(string json, string sourceName, NotebookLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), sourceName, limits);
    }

    /// <summary>
    /// Reads a notebook from UTF-8 bytes (a leading byte-order mark is skipped) within <paramref name="limits"/>.
    /// Invalid UTF-8, invalid JSON, nesting or token counts past the limits, and any value of the wrong
    /// type anywhere are a <see cref="NotebookFormatException"/> naming <paramref name="sourceName"/>; the
    /// JSON tree is built only after a streaming pass has checked nesting and size.
    /// </summary>
    public static Notebook Parse(ReadOnlySpan<byte> utf8, string sourceName, NotebookLimits limits)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(limits);
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }

        NotebookFormatException Error(string problem) => new(sourceName, problem);
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw Error($"not UTF-8 text (an invalid byte at offset {FirstInvalidUtf8(utf8)})");
        }

        try
        {
            return Build(utf8, sourceName, limits, Error);
        }
        catch (JsonException ex)
        {
            // Without a position (e.g. a key twice in one object) the parser's own words say what is wrong.
            var where = ex.LineNumber is { } line
                ? $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})"
                : $" ({(ex.Message.Length <= 160 ? ex.Message : ex.Message[..160] + "...")})";
            throw new NotebookFormatException(sourceName, $"not valid JSON{where}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            // A value of an unexpected JSON type that a check above missed: still the file's fault, still one line.
            throw new NotebookFormatException(sourceName, $"a value has an unexpected type ({ex.Message})", ex);
        }
    }

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static Notebook Build(ReadOnlySpan<byte> utf8, string sourceName, NotebookLimits limits, Func<string, NotebookFormatException> Error)
    {
        CheckShape(utf8, limits, Error);
        var root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = limits.MaxDepth + 1 });
        if (root is not JsonObject top)
        {
            throw Error("not a notebook (the file must hold a JSON object)");
        }

        if (top["nbformat"] is not JsonValue major || !major.TryGetValue<int>(out var majorVersion))
        {
            throw Error("not a notebook ('nbformat' is missing)");
        }

        if (majorVersion != 4)
        {
            throw Error($"nbformat {majorVersion} is not supported (only nbformat 4)");
        }

        var minor = NotebookJson.OptionalInt(top, "nbformat_minor", Error) ?? throw Error("'nbformat_minor' is missing");
        if (top["metadata"] is not JsonObject metadata)
        {
            throw Error("'metadata' must be an object");
        }

        if (top["cells"] is not JsonArray cells)
        {
            throw Error("'cells' must be a list");
        }

        if (cells.Count > limits.MaxCells)
        {
            throw Error($"{cells.Count} cells, more than the {limits.MaxCells} a notebook may have");
        }

        var extra = NotebookJson.UnknownKeys(top, KnownKeys);

        var notebook = new Notebook((JsonObject)metadata.DeepClone(), minor, extra, DetectIndent(utf8), utf8.Length > 0 && utf8[^1] == (byte)'\n');
        var codeCells = 0;
        var totalSource = 0L;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = NotebookCell.FromJson(cells[i], sourceName, i + 1, limits);
            if (cell.Kind == CellKind.Code && ++codeCells > limits.MaxCodeCells)
            {
                throw Error($"more than the {limits.MaxCodeCells} code cells a notebook may have");
            }

            totalSource += cell.Source.Length;
            if (totalSource > limits.MaxTotalSourceChars)
            {
                throw Error($"more than the {limits.MaxTotalSourceChars} characters of source a notebook may have in all its cells");
            }

            notebook.Cells.Add(cell);
        }

        RepairDuplicateIds(notebook);

        return notebook;
    }

    // A streaming pass (no tree, no allocation per token) that bounds nesting and size before the tree is built.
    private static void CheckShape(ReadOnlySpan<byte> utf8, NotebookLimits limits, Func<string, NotebookFormatException> error)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        var tokens = 0L;
        while (reader.Read())
        {
            if (++tokens > limits.MaxJsonTokens)
            {
                throw error($"more than the {limits.MaxJsonTokens} JSON values a notebook may have");
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= limits.MaxDepth)
            {
                throw error($"JSON nested deeper than {limits.MaxDepth} levels (line {LineOf(utf8, reader.TokenStartIndex)})");
            }
        }
    }

    private static int LineOf(ReadOnlySpan<byte> utf8, long offset) => utf8[..(int)offset].Count((byte)'\n') + 1;

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (at < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }

    /// <summary>The notebook as nbformat JSON text, laid out as Jupyter writes it.</summary>
    public string ToJson()
    {
        var top = new JsonObject
        {
            ["cells"] = new JsonArray([.. Cells.Select(cell => (JsonNode)cell.ToJson())]),
            ["metadata"] = Metadata.DeepClone(),
            ["nbformat"] = Format,
            ["nbformat_minor"] = FormatMinor,
        };
        foreach (var (key, value) in Extra)
        {
            top[key] = value?.DeepClone();
        }

        return JupyterJsonWriter.Write(top, Indent, TrailingNewline);
    }

    /// <summary>Writes the notebook atomically (a temporary file in the same folder, then a rename).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temp, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A deep copy.</summary>
    public Notebook Clone()
    {
        var copy = Parse(ToJson(), SourcePath ?? "(copy)");
        copy.SourcePath = SourcePath;
        foreach (var warning in Warnings)
        {
            copy.Warnings.Add(warning);
        }

        return copy;
    }

    /// <summary>
    /// A cell id already used by an earlier cell (a pasted cell keeps its id) is replaced by a new one,
    /// with a warning, as nbformat's reader does (<c>repair_duplicate_cell_ids</c>). nbformat draws the
    /// new id at random; here it is 8 hex digits derived from the old id and the cell's position, so
    /// reading the same file twice gives the same notebook.
    /// </summary>
    private static void RepairDuplicateIds(Notebook notebook)
    {
        var ids = new HashSet<string>(notebook.Cells.Select(c => c.Id).OfType<string>(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Id is not { } id || seen.Add(id))
            {
                continue;
            }

            var attempt = 0;
            string repaired;
            do
            {
                var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{id}\0{i}\0{attempt++}"));
                repaired = Convert.ToHexStringLower(hash)[..8];
            }
            while (!ids.Add(repaired));

            cell.Id = repaired;
            seen.Add(repaired);
            notebook.Warnings.Add($"cell {i + 1}: non-unique cell id '{id}' detected. Corrected to '{repaired}'.");
        }
    }

    // The file's own indent (spaces before the first key); Jupyter's is 1.
    private static int DetectIndent(ReadOnlySpan<byte> json)
    {
        var newline = json.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return 1;
        }

        var spaces = 0;
        while (newline + 1 + spaces < json.Length && json[newline + 1 + spaces] == (byte)' ')
        {
            spaces++;
        }

        return spaces is > 0 and <= 8 ? spaces : 1;
    }
}
