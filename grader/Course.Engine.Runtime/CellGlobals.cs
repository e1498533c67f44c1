using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using Course.Notebooks;
using Microsoft.AspNetCore.Html;

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

    /// <summary>Displays a script that the notebook front end runs (HTML <c>&lt;script&gt;</c>), like the kernel's <c>Javascript(...)</c>.</summary>
    public void Javascript(string scriptContent) =>
        CellContext.Current?.Add(new DisplayDataOutput(new Dictionary<string, string>
        {
            [MimeBundle.Html] = $"<script type=\"text/javascript\">{scriptContent}</script>",
        }));

    /// <summary>Adds a style sheet to the page, through a script, like the kernel's <c>CSS(...)</c>.</summary>
    public void CSS(string content) => Javascript(
        "var css = `" + content + "`, head = document.head || document.getElementsByTagName('head')[0], style = document.createElement('style');\n"
        + "head.appendChild(style); style.type = 'text/css';\n"
        + "if (style.styleSheet) { style.styleSheet.cssText = css; } else { style.appendChild(document.createTextNode(css)); }");
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

/// <summary>
/// An HTML fragment, displayed as <c>text/html</c> as it is: an <see cref="IHtmlContent"/>, as the kernel's
/// <c>HTML(...)</c> returns, so the kernel's formatter writes it unescaped.
/// </summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlContent(string Html) : IHtmlContent
{
    /// <summary>Writes the markup unchanged (no encoding: it is already HTML).</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Html);
    }

    public override string ToString() => Html;
}
