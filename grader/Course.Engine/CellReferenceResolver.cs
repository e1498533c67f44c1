using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Course.Engine;

/// <summary>
/// Resolves <c>#r</c> for one compilation: relative paths against the notebook's folder, bare names
/// (<c>#r "System.Xml.Linq"</c>) from the running framework, every file through the caller's policy;
/// and, as Roslyn scripting does, assemblies that a referenced assembly needs (CsvHelper for the course
/// library) from that assembly's folder or the framework. Records what it resolved and refused.
/// </summary>
internal sealed class CellReferenceResolver(CellCompilerOptions options) : MetadataReferenceResolver
{
    private readonly List<string> _resolved = [];
    private readonly Dictionary<string, string> _refusals = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Full paths of the non-framework assemblies resolved so far.</summary>
    public IReadOnlyList<string> Resolved
    {
        get
        {
            lock (_lock)
            {
                return [.. _resolved];
            }
        }
    }

    /// <summary>References refused by the policy: as written, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Refusals
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, string>(_refusals, StringComparer.Ordinal);
            }
        }
    }

    public override bool ResolveMissingAssemblies => true;

    /// <summary>Applies the policy to a file; null when refused (the refusal is recorded).</summary>
    public string? Decide(string reference, string fullPath)
    {
        var decision = options.ReferencePolicy?.Invoke(new ReferenceRequest(reference, fullPath)) ?? ReferenceDecision.Allow(fullPath);
        lock (_lock)
        {
            if (decision.Path is null)
            {
                _refusals[reference] = decision.Refusal ?? "refused";
                return null;
            }

            if (!_resolved.Contains(decision.Path, StringComparer.Ordinal))
            {
                _resolved.Add(decision.Path);
            }

            return decision.Path;
        }
    }

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var looksLikePath = reference.Contains('/', StringComparison.Ordinal) || reference.Contains('\\', StringComparison.Ordinal)
            || reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || reference.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
        if (!looksLikePath && FrameworkReferences.FrameworkAssemblyPath(reference) is { } framework)
        {
            return [FrameworkReferences.FromFile(framework)];
        }

        var fullPath = Path.GetFullPath(Path.IsPathRooted(reference) ? reference : Path.Combine(options.BaseDirectory, reference));
        if (Decide(reference, fullPath) is not { } path || !File.Exists(path))
        {
            return [];
        }

        return [FrameworkReferences.FromFile(path).WithProperties(properties)];
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        if (FrameworkReferences.FrameworkAssemblyPath(referenceIdentity.Name) is { } framework)
        {
            return FrameworkReferences.FromFile(framework);
        }

        if (definition is PortableExecutableReference { FilePath: { } definitionPath } && Path.GetDirectoryName(definitionPath) is { } folder)
        {
            var candidate = Path.Combine(folder, referenceIdentity.Name + ".dll");
            if (File.Exists(candidate) && Decide(referenceIdentity.Name + ".dll", candidate) is { } path)
            {
                return FrameworkReferences.FromFile(path);
            }
        }

        return null;
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
