using System.Collections;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using Course.Notebooks;

namespace Course.Engine.Runtime;

/// <summary>
/// Turns a value into an nbformat MIME bundle the way .NET Interactive's formatter does for what the
/// course shows: a type that carries an attribute named <c>TypeFormatterSourceAttribute</c> (from any
/// assembly: matched by name, as the kernel's convention-based discovery does) is formatted by the
/// formatters its source creates, in its <c>PreferredMimeTypes</c> (default <c>text/html</c>); a string is
/// <c>text/plain</c>; <see cref="HtmlContent"/> is <c>text/html</c>; anything else is the kernel's plain-text
/// rendering (<see cref="PlainTextFormatter"/>).
/// </summary>
public static class ValueFormatter
{
    /// <summary>The attribute's class name that marks a type as formatted by a formatter source.</summary>
    public const string ConventionAttributeName = "TypeFormatterSourceAttribute";

    // Weak keys: types from unloaded notebook contexts must not be kept alive by the cache.
    private static readonly ConditionalWeakTable<Type, ConventionFormatters> Conventions = [];

    /// <summary>The MIME bundle for <paramref name="value"/>; <paramref name="mimeTypes"/> narrows it (as <c>display(x, "text/html")</c>).</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, params string[] mimeTypes)
    {
        var convention = value is null ? null : Conventions.GetValue(value.GetType(), Discover);
        if (mimeTypes is null || mimeTypes.Length == 0)
        {
            mimeTypes = value switch
            {
                string => [MimeBundle.PlainText],
                HtmlContent => [MimeBundle.Html],
                _ when convention is { Formatters.Count: > 0 } => convention.PreferredMimeTypes ?? [MimeBundle.Html],
                _ => [MimeBundle.PlainText],
            };
        }

        var bundle = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var mime in mimeTypes.Distinct(StringComparer.Ordinal))
        {
            bundle[mime] = FormatAs(value, mime, convention);
        }

        return bundle;
    }

    private static string FormatAs(object? value, string mime, ConventionFormatters? convention)
    {
        if (value is not null && convention is not null)
        {
            foreach (var formatter in convention.Formatters.Where(f => f.MimeType == mime && f.ForType.IsInstanceOfType(value)))
            {
                using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                if (formatter.Format(value, writer))
                {
                    return writer.ToString();
                }
            }
        }

        return mime switch
        {
            MimeBundle.Html when value is HtmlContent html => html.Html,
            MimeBundle.Html => $"<div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(PlainTextFormatter.Format(value))}</pre></div>",
            _ => PlainTextFormatter.Format(value),
        };
    }

    private static ConventionFormatters Discover(Type type)
    {
        var formatters = new List<ConventionFormatter>();
        string[]? preferred = null;
        foreach (var attribute in type.GetCustomAttributes(inherit: true).Where(a => a.GetType().Name == ConventionAttributeName))
        {
            if (Property(attribute, "FormatterSourceType") is Type sourceType
                && Activator.CreateInstance(sourceType) is { } source
                && sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)?.Invoke(source, null) is IEnumerable created)
            {
                foreach (var formatter in created)
                {
                    if (formatter is not null && Property(formatter, "MimeType") is string mime && FindFormatMethod(formatter.GetType()) is { } format)
                    {
                        var forType = Property(formatter, "Type") as Type ?? type;
                        formatters.Add(new ConventionFormatter(forType, mime, (value, writer) => format.Invoke(formatter, [value, writer]) is true));
                    }
                }
            }

            preferred ??= Property(attribute, "PreferredMimeTypes") as string[];
        }

        return new ConventionFormatters(formatters, preferred is { Length: > 0 } ? preferred : null);
    }

    // The kernel calls Format(object, TextWriter) -> bool on the formatter objects a source creates.
    private static MethodInfo? FindFormatMethod(Type formatterType) =>
        formatterType.GetMethods(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(m =>
            m.Name == "Format" && m.ReturnType == typeof(bool) && m.GetParameters() is [var first, var second]
            && first.ParameterType == typeof(object) && second.ParameterType.IsAssignableFrom(typeof(StringWriter)));

    private static object? Property(object target, string name) =>
        target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(target);

    private sealed record ConventionFormatter(Type ForType, string MimeType, Func<object, TextWriter, bool> Format);

    private sealed record ConventionFormatters(IReadOnlyList<ConventionFormatter> Formatters, string[]? PreferredMimeTypes);
}
