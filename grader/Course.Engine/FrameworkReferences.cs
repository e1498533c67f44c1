using System.Collections.Concurrent;
using System.Collections.Immutable;
using Course.Engine.Runtime;
using Microsoft.CodeAnalysis;

namespace Course.Engine;

/// <summary>
/// Metadata references, read once per process and shared by every compilation (reading them is a
/// large part of Roslyn's cold start). The default set is what Roslyn scripting references on .NET
/// plus the assemblies .NET Interactive's C# kernel adds, taken from the running framework.
/// </summary>
internal static class FrameworkReferences
{
    // Roslyn's ScriptOptions.Default on .NET (Core), plus System.Linq and CoreLib as the kernel adds them.
    private static readonly string[] DefaultNames =
    [
        "System.Private.CoreLib", "System.Runtime", "netstandard", "System.Collections", "System.Collections.Concurrent",
        "System.Console", "System.Diagnostics.Debug", "System.Diagnostics.Process", "System.Diagnostics.StackTrace",
        "System.Globalization", "System.IO", "System.IO.FileSystem", "System.IO.FileSystem.Primitives", "System.Reflection",
        "System.Reflection.Extensions", "System.Reflection.Primitives", "System.Runtime.Extensions",
        "System.Runtime.InteropServices", "System.Text.Encoding", "System.Text.Encoding.CodePages",
        "System.Text.Encoding.Extensions", "System.Text.RegularExpressions", "System.Threading", "System.Threading.Tasks",
        "System.Threading.Tasks.Parallel", "System.Threading.Thread", "System.ValueTuple", "System.Linq",
    ];

    private static readonly ConcurrentDictionary<string, (DateTime Written, PortableExecutableReference Reference)> ByPath = new(StringComparer.Ordinal);

    private static readonly Lazy<ImmutableDictionary<string, string>> TrustedPlatformAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetDirectoryName(path) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<ImmutableArray<MetadataReference>> DefaultReferences = new(() =>
    [
        .. DefaultNames.Select(FrameworkAssemblyPath).OfType<string>().Select(path => (MetadataReference)FromFile(path)),
        FromFile(typeof(CellGlobals).Assembly.Location),
    ]);

    /// <summary>The references every cell compiles against (the framework's, and the runtime that defines the globals).</summary>
    public static ImmutableArray<MetadataReference> Default => DefaultReferences.Value;

    /// <summary>The framework assembly with this simple name, or null.</summary>
    public static string? FrameworkAssemblyPath(string simpleName) =>
        TrustedPlatformAssemblies.Value.TryGetValue(simpleName, out var path) ? path : null;

    /// <summary>A reference to a file, cached while the file does not change.</summary>
    public static PortableExecutableReference FromFile(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        return ByPath.AddOrUpdate(
            path,
            p => (written, MetadataReference.CreateFromFile(p)),
            (p, cached) => cached.Written == written ? cached : (written, MetadataReference.CreateFromFile(p))).Reference;
    }
}
