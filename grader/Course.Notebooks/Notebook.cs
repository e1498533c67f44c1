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
        Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue v && v.TryGetValue<string>(out var name)
            ? name
            : NotebookCell.CSharpKernel;

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
    public static Notebook Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            throw new NotebookFormatException(sourceName, $"not valid JSON{where}", ex);
        }

        NotebookFormatException Error(string problem) => new(sourceName, problem);
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

        var extra = NotebookJson.UnknownKeys(top, KnownKeys);

        var notebook = new Notebook((JsonObject)metadata.DeepClone(), minor, extra, DetectIndent(json), json.EndsWith('\n'));
        for (var i = 0; i < cells.Count; i++)
        {
            notebook.Cells.Add(NotebookCell.FromJson(cells[i], sourceName, i + 1));
        }

        RepairDuplicateIds(notebook);

        return notebook;
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
    private static int DetectIndent(string json)
    {
        var newline = json.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return 1;
        }

        var spaces = 0;
        while (newline + 1 + spaces < json.Length && json[newline + 1 + spaces] == ' ')
        {
            spaces++;
        }

        return spaces is > 0 and <= 8 ? spaces : 1;
    }
}
