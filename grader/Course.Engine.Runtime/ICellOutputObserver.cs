using Course.Notebooks;

namespace Course.Engine.Runtime;

/// <summary>
/// Sees a cell's outputs as they happen, for a front end that shows them live (the course's Jupyter
/// kernel). Called on the cell's own threads, in order, while the cell's output list is locked: keep
/// each call short (queue the output and return). The cell's final error is not reported here; it is
/// the last output of the <see cref="CellRun"/>.
/// </summary>
public interface ICellOutputObserver
{
    /// <summary>Text written to <paramref name="name"/> (<c>stdout</c> or <c>stderr</c>), as written (not merged).</summary>
    void OnStream(string name, string text);

    /// <summary>A display or the cell's value (<see cref="DisplayDataOutput"/>, <see cref="ExecuteResultOutput"/>).</summary>
    void OnAdded(NotebookOutput output);

    /// <summary>An earlier output replaced in place (<c>DisplayedValue.Update</c>).</summary>
    void OnReplaced(NotebookOutput old, NotebookOutput replacement);
}
