using System.Text.Json.Nodes;

namespace Course.Notebooks;

/// <summary>
/// One cell of a notebook. Its <see cref="Metadata"/> is live JSON (unknown keys survive a load and
/// save); nbgrader's part of it is read and written through <see cref="Nbgrader"/>.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>The kernel name Polyglot Notebooks gives C# cells.</summary>
    public const string CSharpKernel = "csharp";

    private static readonly string[] KnownKeys = ["cell_type", "id", "metadata", "source", "outputs", "execution_count"];

    private NotebookCell(CellKind kind, string? id, string source, JsonObject metadata, JsonObject extra)
    {
        Kind = kind;
        Id = id;
        Source = source;
        Metadata = metadata;
        Extra = extra;
    }

    /// <summary>The cell's id (nbformat 4.5+); null in older files.</summary>
    public string? Id { get; set; }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The cell's text, lines joined (the file stores it as a list of lines).</summary>
    public string Source { get; set; }

    /// <summary>The cell's metadata, live: changes are saved.</summary>
    public JsonObject Metadata { get; }

    /// <summary>Outputs of a code cell (always empty for other kinds).</summary>
    public IList<NotebookOutput> Outputs { get; } = [];

    /// <summary>The execution count of a code cell; null when not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Top-level cell keys this model does not interpret (e.g. <c>attachments</c>), kept for the round trip.</summary>
    public JsonObject Extra { get; }

    /// <summary>
    /// The kernel this code cell is for: a leading <c>#!name</c> line naming a kernel (which is how
    /// .NET Interactive switches a cell's language), else <c>metadata.polyglot_notebook.kernelName</c>,
    /// else <c>metadata.dotnet_interactive.language</c>; null when none says (the notebook's default
    /// applies) and for markdown and raw cells.
    /// </summary>
    public string? KernelName
    {
        get
        {
            if (Kind != CellKind.Code)
            {
                return null;
            }

            return KernelDirective.Leading(Source)?.Kernel
                ?? NotebookJson.StringAt(Metadata, "polyglot_notebook", "kernelName")
                ?? NotebookJson.StringAt(Metadata, "dotnet_interactive", "language");
        }
    }

    /// <summary>nbgrader's metadata for this cell (<c>metadata.nbgrader</c>), or null; setting null removes it.</summary>
    public NbgraderCell? Nbgrader
    {
        get => NbgraderCell.From(Metadata, problem => new NotebookFormatException("cell " + (Id ?? "?"), problem));
        set
        {
            if (value is null)
            {
                Metadata.Remove("nbgrader");
            }
            else
            {
                value.WriteTo(Metadata);
            }
        }
    }

    /// <summary>A new C# (or other kernel's) code cell with the metadata Polyglot Notebooks writes.</summary>
    public static NotebookCell Code(string source, string? id = null, string kernelName = CSharpKernel) =>
        new(CellKind.Code, id, source, new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernelName } }, []);

    /// <summary>A new markdown cell.</summary>
    public static NotebookCell Markdown(string source, string? id = null) => new(CellKind.Markdown, id, source, [], []);

    /// <summary>A new raw cell.</summary>
    public static NotebookCell Raw(string source, string? id = null) => new(CellKind.Raw, id, source, [], []);

    /// <summary>Removes outputs and the execution count, as "Clear All Outputs" does.</summary>
    public void ClearOutputs()
    {
        Outputs.Clear();
        ExecutionCount = null;
    }

    internal static NotebookCell FromJson(JsonNode? node, string sourceName, int number, NotebookLimits limits)
    {
        var where = $"cell {number}";
        NotebookFormatException Error(string problem) => new(sourceName, $"{where}: {problem}");
        if (node is not JsonObject json)
        {
            throw Error("a cell must be an object");
        }

        var kind = NotebookJson.String(json, "cell_type", Error) switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            var other => throw Error($"unknown cell_type '{other}' (expected code, markdown or raw)"),
        };
        string? id = json.ContainsKey("id") ? NotebookJson.String(json, "id", Error) : null;
        if (json["metadata"] is not JsonObject metadata)
        {
            throw Error("'metadata' must be an object");
        }

        var extra = NotebookJson.UnknownKeys(json, KnownKeys);

        var source = NotebookJson.MultilineString(json, "source", Error);
        if (source.Length > limits.MaxCellSourceChars)
        {
            throw Error($"{source.Length} characters of source, more than the {limits.MaxCellSourceChars} a cell may have");
        }

        var cell = new NotebookCell(kind, id, source, (JsonObject)metadata.DeepClone(), extra);
        if (kind == CellKind.Code && !limits.KeepOutputs)
        {
            cell.ExecutionCount = NotebookJson.OptionalInt(json, "execution_count", Error);
        }
        else if (kind == CellKind.Code)
        {
            cell.ExecutionCount = NotebookJson.OptionalInt(json, "execution_count", Error);
            if (json["outputs"] is not JsonArray outputs)
            {
                throw Error("a code cell needs an 'outputs' list");
            }

            for (var i = 0; i < outputs.Count; i++)
            {
                cell.Outputs.Add(NotebookOutput.FromJson(outputs[i], sourceName, $"{where}, output {i + 1}"));
            }
        }

        if (NbgraderCell.From(cell.Metadata, Error) is { } nbgrader)
        {
            CheckGradeId(nbgrader.GradeId, limits, Error);
        }

        return cell;
    }

    private static void CheckGradeId(string gradeId, NotebookLimits limits, Func<string, NotebookFormatException> error)
    {
        if (gradeId.Length > limits.MaxGradeIdLength)
        {
            throw error($"metadata.nbgrader.grade_id is {gradeId.Length} characters long, more than {limits.MaxGradeIdLength}");
        }

        if (limits.PrintableGradeIds && gradeId.Any(c => c != ' ' && (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned)))
        {
            throw error("metadata.nbgrader.grade_id holds control, invisible or line-breaking characters");
        }
    }

    internal JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["cell_type"] = Kind switch
            {
                CellKind.Code => "code",
                CellKind.Markdown => "markdown",
                _ => "raw",
            },
            ["metadata"] = Metadata.DeepClone(),
            ["source"] = NotebookJson.SplitLines(Source),
        };
        if (Id is not null)
        {
            json["id"] = Id;
        }

        if (Kind == CellKind.Code)
        {
            json["execution_count"] = ExecutionCount;
            json["outputs"] = new JsonArray([.. Outputs.Select(output => (JsonNode)output.ToJson())]);
        }

        foreach (var (key, value) in Extra)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }
}

/// <summary>A leading <c>#!name</c> line that sends a cell to another kernel, as .NET Interactive reads it.</summary>
/// <param name="Kernel">The kernel's canonical name ("csharp", "html", ...).</param>
/// <param name="Line">The directive line as written.</param>
public sealed record KernelDirective(string Kernel, string Line)
{
    // Kernel names and aliases .NET Interactive knows; other #! lines are magic commands (#!time, #!who, ...).
    private static readonly Dictionary<string, string> Kernels = new(StringComparer.Ordinal)
    {
        ["csharp"] = "csharp",
        ["c#"] = "csharp",
        ["C#"] = "csharp",
        ["fsharp"] = "fsharp",
        ["f#"] = "fsharp",
        ["F#"] = "fsharp",
        ["pwsh"] = "pwsh",
        ["powershell"] = "pwsh",
        ["html"] = "html",
        ["javascript"] = "javascript",
        ["js"] = "javascript",
        ["markdown"] = "markdown",
        ["md"] = "markdown",
        ["mermaid"] = "mermaid",
        ["sql"] = "sql",
        ["kql"] = "kql",
        ["value"] = "value",
        ["http"] = "http",
    };

    /// <summary>The kernel directive on the first non-blank line of <paramref name="source"/>, if any.</summary>
    public static KernelDirective? Leading(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var raw in LineEnds.Split(source))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith("#!", StringComparison.Ordinal))
            {
                return null;
            }

            var name = line[2..].Split(' ', 2)[0];
            return Kernels.TryGetValue(name, out var kernel) ? new KernelDirective(kernel, raw) : null;
        }

        return null;
    }
}
