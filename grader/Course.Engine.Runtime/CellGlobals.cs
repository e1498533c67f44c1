using System.Diagnostics.CodeAnalysis;
using Course.Notebooks;

namespace Course.Engine.Runtime;

/// <summary>
/// The globals object of every cell (slot 0 of the submission state): its public members are in scope
/// in notebook code, as <c>using static Microsoft.DotNet.Interactive.Kernel</c> puts the kernel's
/// helpers in scope in .NET Interactive. The names are the kernel's, lower case included.
/// </summary>
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "The kernel's names, as notebooks call them.")]
[SuppressMessage("Naming", "CA1822:Mark members as static", Justification = "Script globals are instance members.")]
public class CellGlobals
{
    /// <summary>
    /// Shows <paramref name="value"/> below the cell (a <c>display_data</c> output), formatted as the kernel
    /// would; <paramref name="mimeTypes"/> picks the representations (default: the value's preferred one).
    /// </summary>
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var output = new DisplayDataOutput(ValueFormatter.Format(value, mimeTypes));
        var sink = CellContext.Current;
        sink?.Add(output);
        return new DisplayedValue(sink, output, mimeTypes);
    }

    /// <summary>Wraps an HTML fragment so that it is displayed as HTML (<c>text/html</c>), like the kernel's <c>HTML(...)</c>.</summary>
    public HtmlContent HTML(string content) => new(content);
}

/// <summary>A value shown with <c>display</c>; <see cref="Update"/> replaces it in place while the cell runs.</summary>
public sealed class DisplayedValue
{
    private readonly CellOutputSink? _sink;
    private readonly string[] _mimeTypes;
    private NotebookOutput _output;

    internal DisplayedValue(CellOutputSink? sink, NotebookOutput output, string[] mimeTypes)
    {
        _sink = sink;
        _output = output;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Shows <paramref name="updatedValue"/> in place of the displayed value.</summary>
    public void Update(object? updatedValue)
    {
        var replacement = new DisplayDataOutput(ValueFormatter.Format(updatedValue, _mimeTypes));
        if (_sink?.Replace(_output, replacement) == true)
        {
            _output = replacement;
        }
    }
}

/// <summary>An HTML fragment, displayed as <c>text/html</c> as it is.</summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlContent(string Html)
{
    public override string ToString() => Html;
}
