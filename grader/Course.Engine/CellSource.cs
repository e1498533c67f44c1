using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Engine;

/// <summary>
/// A C# cell's text split into what the kernel handles itself and what Roslyn compiles. As in
/// .NET Interactive, a leading <c>#!csharp</c> line selects the kernel, <c>#r "nuget: Id, Version"</c> adds a
/// package and <c>#i</c> a package source; Roslyn never sees those lines. Each is replaced by an empty
/// line, so line numbers in errors stay the cell's own.
/// </summary>
/// <param name="Code">What Roslyn compiles.</param>
/// <param name="Packages">The <c>#r "nuget: ..."</c> requests, with their lines.</param>
/// <param name="Problems">Lines the engine cannot honour (unsupported magic commands), with their lines.</param>
public sealed partial record CellSource(string Code, IReadOnlyList<PackageRequest> Packages, IReadOnlyList<SourceProblem> Problems)
{
    // Magic commands that change nothing in a headless run.
    private static readonly string[] HarmlessMagics = ["time", "lsmagic", "about", "who", "whos"];

    public static CellSource Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Any line end ends a line (a lone \r included, as for Roslyn); blanked lines keep their ends, so line numbers stay the cell's.
        var split = LineEnds.SplitKeepingEnds(source);
        var lines = split.Select(l => l.Text).ToArray();
        var packages = new List<PackageRequest>();
        var problems = new List<SourceProblem>();
        var inCode = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = line[2..].Split(' ', 2)[0];
                if (KernelDirective.Leading(line) is { Kernel: NotebookCell.CSharpKernel } && !inCode)
                {
                    lines[i] = string.Empty;
                }
                else if (HarmlessMagics.Contains(name, StringComparer.Ordinal))
                {
                    lines[i] = string.Empty;
                }
                else
                {
                    problems.Add(new SourceProblem(i + 1, $"'#!{name}' is not supported by the course engine (only C# cells, #!html and #!markdown run)"));
                    lines[i] = string.Empty;
                }

                continue;
            }

            if (NuGetReference().Match(line) is { Success: true } nuget)
            {
                packages.Add(new PackageRequest(nuget.Groups["id"].Value.Trim(), nuget.Groups["version"].Success ? nuget.Groups["version"].Value.Trim() : null, i + 1));
                lines[i] = string.Empty;
                continue;
            }

            if (line.StartsWith("#i ", StringComparison.Ordinal))
            {
                lines[i] = string.Empty;
                continue;
            }

            if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            {
                inCode = true;
            }
        }

        return new CellSource(string.Concat(lines.Select((line, i) => line + split[i].End)), packages, problems);
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<id>[^,"]+)(,\s*(?<version>[^"]*))?"\s*$""")]
    private static partial Regex NuGetReference();
}

/// <summary>A <c>#r "nuget: Id, Version"</c> line.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version asked for, or null for the newest in the cache.</param>
/// <param name="Line">1-based line in the cell.</param>
public sealed record PackageRequest(string Id, string? Version, int Line);

/// <summary>A line of a cell the engine cannot honour.</summary>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Message">Why.</param>
public sealed record SourceProblem(int Line, string Message);
