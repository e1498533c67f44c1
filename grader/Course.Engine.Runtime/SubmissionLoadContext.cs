using System.Reflection;
using System.Runtime.Loader;

namespace Course.Engine.Runtime;

/// <summary>
/// The (collectible) load context of one notebook's submissions. Later submissions find earlier ones
/// by assembly name; <c>#r</c> assemblies load from their paths, and their dependencies from the same
/// folders (CsvHelper.dll next to the course library); everything else (the framework, this runtime,
/// which defines the globals type) comes from the default context, so types are shared with the host.
/// </summary>
internal sealed class SubmissionLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    private readonly Dictionary<string, Assembly> _submissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _referencePaths = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _probeDirectories = [];
    private readonly Lock _lock = new();

    public Assembly LoadSubmission(CompiledCell cell)
    {
        lock (_lock)
        {
            if (_submissions.TryGetValue(cell.AssemblyName, out var loaded))
            {
                return loaded;
            }

            using var image = new MemoryStream(cell.Image, writable: false);
            var assembly = LoadFromStream(image);
            _submissions[cell.AssemblyName] = assembly;
            return assembly;
        }
    }

    public void AddReferences(IEnumerable<string> paths)
    {
        lock (_lock)
        {
            foreach (var path in paths)
            {
                var simpleName = Path.GetFileNameWithoutExtension(path);
                _referencePaths.TryAdd(simpleName, path);
                var directory = Path.GetDirectoryName(path);
                if (directory is not null && !_probeDirectories.Contains(directory, StringComparer.Ordinal))
                {
                    _probeDirectories.Add(directory);
                }
            }
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var simpleName = assemblyName.Name;
        if (simpleName is null)
        {
            return null;
        }

        lock (_lock)
        {
            if (_submissions.TryGetValue(assemblyName.FullName, out var submission) || _submissions.TryGetValue(simpleName, out submission))
            {
                return submission;
            }

            if (IsSharedWithHost(simpleName))
            {
                return null;
            }

            if (_referencePaths.TryGetValue(simpleName, out var path) && File.Exists(path))
            {
                return LoadFromAssemblyPath(path);
            }

            foreach (var directory in _probeDirectories)
            {
                var candidate = Path.Combine(directory, simpleName + ".dll");
                if (File.Exists(candidate))
                {
                    return LoadFromAssemblyPath(candidate);
                }
            }
        }

        return null;
    }

    // The framework and this runtime must be the host's copies: the globals object is the host's type.
    private static bool IsSharedWithHost(string simpleName) =>
        simpleName == typeof(SubmissionLoadContext).Assembly.GetName().Name
        || simpleName == typeof(Course.Notebooks.Notebook).Assembly.GetName().Name
        || Default.Assemblies.Any(a => a.GetName().Name == simpleName && IsFramework(a));

    private static bool IsFramework(Assembly assembly) =>
        assembly.Location.Length > 0
        && Path.GetDirectoryName(assembly.Location) == Path.GetDirectoryName(typeof(object).Assembly.Location);
}
