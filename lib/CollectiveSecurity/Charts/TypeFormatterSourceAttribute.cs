namespace CollectiveSecurity.Charts;

/// <summary>
/// Tells a notebook kernel which class formats the attributed type, without the library referencing any kernel package.
/// </summary>
/// <remarks>
/// <para>
/// This follows .NET Interactive's convention-based formatter sources (Microsoft.DotNet.Interactive.Formatting,
/// <c>Formatter.TryRegisterFromFormatterSources</c>, and docs/formatting.md). Everything is matched by name
/// through reflection, so the course engine implements the same discovery. The exact convention, as implemented here:
/// </para>
/// <list type="number">
/// <item><description>
/// Attribute: the kernel calls <c>type.GetCustomAttributes(true)</c> and keeps every attribute whose class
/// <c>Name</c> is exactly <c>"TypeFormatterSourceAttribute"</c> (any namespace, any accessibility).
/// </description></item>
/// <item><description>
/// On the attribute it reads the public instance property <c>FormatterSourceType</c> (a <see cref="System.Type"/>)
/// and, if present and non-null, the public property <c>PreferredMimeTypes</c> (a <c>string[]</c>), which becomes the
/// type's preferred MIME types (here <c>text/html</c>).
/// </description></item>
/// <item><description>
/// Source: it creates the source with <c>Activator.CreateInstance(FormatterSourceType)</c> (so the source needs a
/// public parameterless constructor; the class itself may be internal), then calls the public instance method
/// <c>CreateTypeFormatters()</c> (found with <c>GetMethod("CreateTypeFormatters")</c>, no arguments) and treats the
/// result as a non-generic <see cref="System.Collections.IEnumerable"/> of formatter objects.
/// </description></item>
/// <item><description>
/// Formatter: each object must have a public property <c>MimeType</c> (<see cref="string"/>; objects without it are
/// ignored), may have a public property <c>Type</c> (the <see cref="System.Type"/> it formats; default: the attributed
/// type), and must have exactly one public method named <c>Format</c> (no overloads: it is found with
/// <c>GetMethod("Format")</c>) with signature <c>bool Format(object instance, TextWriter writer)</c>. It writes the
/// representation to the writer and returns <see langword="true"/> when it handled the value, <see langword="false"/>
/// to let another formatter try.
/// </description></item>
/// </list>
/// <para>
/// A type with a strongly typed Microsoft.DotNet.Interactive attribute is handled by the typed path instead; this library
/// never references that package, so the convention path always applies.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Names the class whose <c>CreateTypeFormatters()</c> returns the formatters for the attributed type.</summary>
    /// <param name="formatterSourceType">A class with a public parameterless constructor and a public <c>CreateTypeFormatters()</c> method.</param>
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>The class the kernel instantiates to obtain the formatters.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types the kernel should display for the attributed type, most preferred first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
