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

    private static readonly ConcurrentDictionary<string, (DateTime Written, ModuleMetadata Module)> ByPath = new(StringComparer.Ordinal);

    private static readonly Lazy<ImmutableDictionary<string, string>> TrustedPlatformAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetDirectoryName(path) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The files every cell compiles against: the framework's, and the runtime that defines the globals.</summary>
    public static ImmutableArray<string> DefaultPaths { get; } =
    [
        .. DefaultNames.Select(FrameworkAssemblyPath).OfType<string>(),
        typeof(CellGlobals).Assembly.Location,

        // The kernel's formatter and its HTML types, which the globals expose (HTML(...) is an IHtmlContent), as the
        // C# kernel references them: a cell can call Formatter.Register or ToDisplayString as in .NET Interactive.
        typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly.Location,
        typeof(Microsoft.AspNetCore.Html.IHtmlContent).Assembly.Location,
    ];

    /// <summary>The framework assembly with this simple name, or null.</summary>
    public static string? FrameworkAssemblyPath(string simpleName) =>
        TrustedPlatformAssemblies.Value.TryGetValue(simpleName, out var path) ? path : null;

    /// <summary>
    /// The decoded metadata of a file, read once per process while the file does not change, to be
    /// wrapped per notebook by <see cref="ChainReferences"/>.
    /// </summary>
    public static ModuleMetadata Module(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        return ByPath.AddOrUpdate(
            path,
            p => (written, Read(p)),
            (p, cached) => cached.Written == written ? cached : (written, Read(p))).Module;

        static ModuleMetadata Read(string path)
        {
            using var stream = File.OpenRead(path);
            return ModuleMetadata.CreateFromStream(stream, System.Reflection.PortableExecutable.PEStreamOptions.PrefetchEntireImage);
        }
    }
}

/// <summary>
/// The metadata references of one notebook's chain of submissions. The decoded files are shared by the
/// whole process (<see cref="FrameworkReferences.Module"/>), but each chain wraps them in its own
/// <see cref="AssemblyMetadata"/>: Roslyn caches assembly symbols on that object, and submissions of
/// different notebooks compiled in parallel must not pick up each other's symbols for the same file
/// (a cell would then see two different <c>System.String</c> types).
/// </summary>
internal sealed class ChainReferences
{
    private readonly Dictionary<string, PortableExecutableReference> _byPath = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ChainReferences() => Default = [.. FrameworkReferences.DefaultPaths.Select(path => (MetadataReference)Get(path))];

    /// <summary>The references every cell of the chain compiles against.</summary>
    public ImmutableArray<MetadataReference> Default { get; }

    /// <summary>This chain's reference to a file.</summary>
    public PortableExecutableReference Get(string path)
    {
        lock (_lock)
        {
            if (!_byPath.TryGetValue(path, out var reference))
            {
                reference = AssemblyMetadata.Create((ModuleMetadata)FrameworkReferences.Module(path).Copy()).GetReference(filePath: path, display: path);
                _byPath[path] = reference;
            }

            return reference;
        }
    }
}
