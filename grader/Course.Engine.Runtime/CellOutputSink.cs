using System.Text;
using Course.Notebooks;

namespace Course.Engine.Runtime;

/// <summary>
/// Collects one cell's outputs in the order they happen. Consecutive writes to the same stream merge
/// into one stream output, as Jupyter shows them. Thread-safe: a cell may write from any thread.
/// After <see cref="Close"/> (the cell ended or was abandoned) writes are dropped.
/// </summary>
internal sealed class CellOutputSink
{
    /// <summary>Stream text kept per cell; a runaway printer cannot exhaust memory.</summary>
    public const int MaxStreamChars = 1_000_000;

    private readonly List<object> _items = [];
    private readonly Lock _lock = new();
    private int _streamChars;
    private bool _truncated;
    private bool _closed;

    /// <summary>Told about each output as it happens (see <see cref="ICellOutputObserver"/>); null for none.</summary>
    public ICellOutputObserver? Observer { get; init; }

    public void WriteStream(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        lock (_lock)
        {
            if (_closed || _truncated)
            {
                return;
            }

            if (_streamChars + text.Length > MaxStreamChars)
            {
                text = text[..Math.Max(0, MaxStreamChars - _streamChars)] + "\n[output truncated: more than " + MaxStreamChars.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters]\n";
                _truncated = true;
            }

            _streamChars += text.Length;
            Observer?.OnStream(name, text);
            if (_items.Count > 0 && _items[^1] is PendingStream last && last.Name == name)
            {
                last.Text.Append(text);
            }
            else
            {
                _items.Add(new PendingStream(name, new StringBuilder(text)));
            }
        }
    }

    public void Add(NotebookOutput output)
    {
        lock (_lock)
        {
            if (!_closed)
            {
                _items.Add(output);
                Observer?.OnAdded(output);
            }
        }
    }

    /// <summary>Replaces an output added earlier (a display being updated); false if the cell has ended.</summary>
    public bool Replace(NotebookOutput old, NotebookOutput replacement)
    {
        lock (_lock)
        {
            var index = _items.IndexOf(old);
            if (_closed || index < 0)
            {
                return false;
            }

            _items[index] = replacement;
            Observer?.OnReplaced(old, replacement);
            return true;
        }
    }

    /// <summary>Stops collecting and returns the outputs so far.</summary>
    public IReadOnlyList<NotebookOutput> Close()
    {
        lock (_lock)
        {
            _closed = true;
            return [.. _items.Select(item => item is PendingStream s ? new StreamOutput(s.Name, s.Text.ToString()) : (NotebookOutput)item)];
        }
    }

    private sealed record PendingStream(string Name, StringBuilder Text);
}
