namespace Course.Engine;

/// <summary>
/// How cells of one notebook are compiled: where relative <c>#r</c> paths start, which references are
/// allowed (and where they really point), and the imports every cell gets.
/// </summary>
public sealed record CellCompilerOptions
{
    /// <summary>The imports of .NET Interactive's C# kernel, in every cell.</summary>
    public static readonly IReadOnlyList<string> KernelImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    /// <summary>The folder relative <c>#r</c> paths are resolved against: the notebook's folder, as in Polyglot Notebooks.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Namespaces imported in every cell.</summary>
    public IReadOnlyList<string> Imports { get; init; } = KernelImports;

    /// <summary>
    /// Decides every file reference (<c>#r "path"</c> and <c>#r "nuget: ..."</c> assemblies) after it is
    /// resolved to a full path: allow it as is, send it elsewhere (e.g. the grader's own copy of the
    /// course library), or refuse it with a reason. Null allows every reference.
    /// </summary>
    public Func<ReferenceRequest, ReferenceDecision>? ReferencePolicy { get; init; }

    /// <summary>The local NuGet package cache <c>#r "nuget: ..."</c> is resolved from (offline); default <c>~/.nuget/packages</c> or <c>NUGET_PACKAGES</c>.</summary>
    public string NuGetPackagesDirectory { get; init; } = DefaultNuGetPackagesDirectory();

    /// <summary>
    /// Whether <c>#load "file.csx"</c> may pull a script file into a cell (resolved from <see cref="BaseDirectory"/>),
    /// as in Polyglot Notebooks: true for <c>course run</c> and <c>course check</c>; grading sets false, and a
    /// cell with <c>#load</c> then fails to compile with one line saying why.
    /// </summary>
    public bool AllowLoad { get; init; } = true;

    /// <summary>A name for the notebook, used in the submission assemblies' names.</summary>
    public string Name { get; init; } = "notebook";

    private static string DefaultNuGetPackagesDirectory() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}

/// <summary>A file reference a cell asks for.</summary>
/// <param name="Reference">As written in the cell (e.g. <c>../artifacts/course-lib/CollectiveSecurity.dll</c>).</param>
/// <param name="FullPath">Resolved against <see cref="CellCompilerOptions.BaseDirectory"/>.</param>
public sealed record ReferenceRequest(string Reference, string FullPath);

/// <summary>What to do with a <see cref="ReferenceRequest"/>: use <see cref="Path"/>, or refuse for <see cref="Refusal"/>.</summary>
public sealed record ReferenceDecision(string? Path, string? Refusal)
{
    public static ReferenceDecision Allow(string path) => new(path, null);

    public static ReferenceDecision Refuse(string reason) => new(null, reason);
}
