namespace Course.Notebooks;

/// <summary>The three nbformat 4 cell types (<c>cell_type</c>).</summary>
public enum CellKind
{
    /// <summary><c>"code"</c>: source for a kernel, with outputs and an execution count.</summary>
    Code,

    /// <summary><c>"markdown"</c>: prose, rendered by the front end.</summary>
    Markdown,

    /// <summary><c>"raw"</c>: passed through untouched.</summary>
    Raw,
}
