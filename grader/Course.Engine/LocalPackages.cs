namespace Course.Engine;

/// <summary>
/// Resolves <c>#r "nuget: ..."</c> offline, from the local NuGet package cache: the package's own
/// <c>lib/&lt;framework&gt;</c> assemblies for the newest framework this runtime can load. Dependencies of
/// the package are not followed (the course references none).
/// </summary>
internal static class LocalPackages
{
    private static readonly string[] Frameworks =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.0"];

    /// <summary>The assemblies of the package, or a reason it cannot be used.</summary>
    public static (IReadOnlyList<string> Assemblies, string? Problem) Resolve(PackageRequest request, string packagesDirectory)
    {
        var packageDirectory = Path.Combine(packagesDirectory, request.Id.ToLowerInvariant());
        var offline = $"#r \"nuget: {request.Id}{(request.Version is null ? string.Empty : ", " + request.Version)}\": ";
        if (!Directory.Exists(packageDirectory))
        {
            return ([], offline + $"package '{request.Id}' is not in the local NuGet cache ({packagesDirectory}), and the course engine runs offline; restore it once with 'dotnet add package' in any project, or use the course library");
        }

        var versions = Directory.GetDirectories(packageDirectory).Select(Path.GetFileName).OfType<string>().ToList();
        var version = request.Version is null
            ? versions.Where(v => Version.TryParse(v.Split('-')[0], out _)).OrderByDescending(v => Version.Parse(v.Split('-')[0])).FirstOrDefault()
            : versions.FirstOrDefault(v => string.Equals(v, request.Version, StringComparison.OrdinalIgnoreCase));
        if (version is null)
        {
            return ([], offline + $"version {request.Version} of '{request.Id}' is not in the local NuGet cache ({packagesDirectory}; it has {string.Join(", ", versions.Order(StringComparer.Ordinal))}), and the course engine runs offline");
        }

        var lib = Path.Combine(packageDirectory, version, "lib");
        foreach (var framework in Frameworks)
        {
            var folder = Path.Combine(lib, framework);
            if (Directory.Exists(folder))
            {
                var assemblies = Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).ToList();
                if (assemblies.Count > 0)
                {
                    return (assemblies, null);
                }
            }
        }

        return ([], offline + $"package '{request.Id}' {version} has no assemblies for .NET in the local NuGet cache");
    }
}
