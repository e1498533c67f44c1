namespace Course.Notebooks;

/// <summary>
/// Bounds a notebook must keep to be read at all, checked while reading so that a hostile file costs
/// little: JSON nesting and token count (checked by a streaming pass before any tree is built), number
/// of cells and of code cells, characters of source per cell and in total, and the length and
/// characters of nbgrader <c>grade_id</c>s. A notebook past a bound is a <see cref="NotebookFormatException"/>
/// naming the bound. <see cref="None"/> (the default for the course's own notebooks) only bounds nesting.
/// </summary>
public sealed record NotebookLimits
{
    /// <summary>No bound but JSON nesting (64 levels, System.Text.Json's default); outputs are kept.</summary>
    public static NotebookLimits None { get; } = new();

    /// <summary>Deepest JSON nesting (objects and arrays) accepted.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most JSON tokens (each value, property name, start and end of object or array) in the whole file.</summary>
    public long MaxJsonTokens { get; init; } = long.MaxValue;

    /// <summary>Most cells of any kind.</summary>
    public int MaxCells { get; init; } = int.MaxValue;

    /// <summary>Most code cells.</summary>
    public int MaxCodeCells { get; init; } = int.MaxValue;

    /// <summary>Most characters (UTF-16 code units) of source in one cell.</summary>
    public int MaxCellSourceChars { get; init; } = int.MaxValue;

    /// <summary>Most characters (UTF-16 code units) of source in all cells together.</summary>
    public long MaxTotalSourceChars { get; init; } = long.MaxValue;

    /// <summary>Longest nbgrader <c>grade_id</c> accepted.</summary>
    public int MaxGradeIdLength { get; init; } = int.MaxValue;

    /// <summary>
    /// When true, a <c>grade_id</c> holding a control, format (e.g. BiDi override) or line-separator
    /// character, or any whitespace other than a plain space, makes the notebook unreadable.
    /// </summary>
    public bool PrintableGradeIds { get; init; }

    /// <summary>
    /// When false, code cells' outputs are neither checked nor kept (a grader reruns every cell and never
    /// needs the student's outputs); <see cref="NotebookCell.Outputs"/> is then empty.
    /// </summary>
    public bool KeepOutputs { get; init; } = true;
}
