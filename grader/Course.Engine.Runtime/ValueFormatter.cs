using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Engine.Runtime;

/// <summary>
/// Turns a value into an nbformat MIME bundle with .NET Interactive's own formatter
/// (<c>Microsoft.DotNet.Interactive.Formatting</c>), as the kernel's C# kernel does for a trailing value and for
/// <c>display(x)</c>: the MIME types are the formatter's preferred ones for the value's type (<c>text/html</c> by
/// default, <c>text/plain</c> for a string), each rendered with <c>ToDisplayString(mimeType)</c>. So a LINQ query
/// shows its items, objects show as the kernel's HTML tree or table, and a type that carries an attribute named
/// <c>TypeFormatterSourceAttribute</c> (from any assembly, matched by name: the course library's charts) is
/// formatted by the formatters its source creates, in its <c>PreferredMimeTypes</c>; the package does that
/// discovery itself. The formatter needs no network and writes no file.
/// </summary>
public static class ValueFormatter
{
    /// <summary>The attribute's class name that marks a type as formatted by a formatter source (the kernel's convention).</summary>
    public const string ConventionAttributeName = "TypeFormatterSourceAttribute";

    /// <summary>
    /// The MIME bundle for <paramref name="value"/> (MIME type to text); <paramref name="mimeTypes"/> narrows it,
    /// as <c>display(x, "text/plain")</c> does. A formatter that throws is reported the way the kernel reports it
    /// (the formatter's own fallback), never as an engine failure.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, params string[] mimeTypes)
    {
        var bundle = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var formatted in FormattedValue.CreateManyFromObject(value!, mimeTypes ?? []))
        {
            bundle[formatted.MimeType] = formatted.Value;
        }

        return bundle;
    }
}
