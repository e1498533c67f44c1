using System.Diagnostics;
using Course.Engine.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;

namespace Course.Engine;

/// <summary>
/// Compiles C# cells of one notebook into script submissions, each chained on the previous cell's
/// compilation as Roslyn scripting (and so .NET Interactive's C# kernel) does: later cells see earlier
/// cells' variables, types and usings. The result carries emitted bytes, not a loaded assembly, so it
/// can run here (<see cref="NotebookKernel"/>) or in a worker process that has only the runtime.
/// </summary>
public sealed class CellCompiler(CellCompilerOptions? options = null)
{
    /// <summary>Roslyn scripting's factory method name on a submission class.</summary>
    public const string FactoryMethodName = "<Factory>";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private int _submissionCount;

    public CellCompilerOptions Options { get; } = options ?? new CellCompilerOptions();

    /// <summary>
    /// Compiles <paramref name="source"/> as the submission after <paramref name="previous"/> (the previous
    /// cell's result, compiled or not; null for the first cell, which starts a new chain). One compiler
    /// may serve many chains, from several threads; each chain has its own references and resolver.
    /// </summary>
    public CellCompilation Compile(string source, CellCompilation? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        var head = previous?.ChainHead;
        var cell = CellSource.Parse(source);
        var chain = previous?.Chain ?? new CellChain(Options);
        var resolver = chain.Resolver;
        var errors = new List<CellDiagnostic>();
        errors.AddRange(cell.Problems.Select(p => new CellDiagnostic("COURSE", p.Message, p.Line, 1)));

        var packageReferences = new List<MetadataReference>();
        foreach (var package in cell.Packages)
        {
            var (assemblies, problem) = LocalPackages.Resolve(package, Options.NuGetPackagesDirectory);
            if (problem is not null)
            {
                errors.Add(new CellDiagnostic("COURSE", problem, package.Line, 1));
            }

            foreach (var assembly in assemblies)
            {
                if (resolver.Decide($"nuget:{package.Id}/{Path.GetFileName(assembly)}", assembly) is { } allowed)
                {
                    packageReferences.Add(chain.References.Get(allowed));
                }
            }
        }

        var number = Interlocked.Increment(ref _submissionCount);
        var tree = CSharpSyntaxTree.ParseText(cell.Code, ParseOptions, path: string.Empty, cancellationToken: cancellationToken);
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            scriptClassName: $"Submission#{number}",
            usings: Options.Imports,
            optimizationLevel: OptimizationLevel.Debug,
            allowUnsafe: true,
            warningLevel: 4,
            metadataReferenceResolver: resolver,
            sourceReferenceResolver: Options.AllowLoad ? new SourceFileResolver([], Options.BaseDirectory) : null,
            assemblyIdentityComparer: DesktopAssemblyIdentityComparer.Default);
        IEnumerable<MetadataReference> references = [.. chain.References.Default, .. head?.Compilation.References.Except(chain.References.Default) ?? [], .. packageReferences];
        var compilation = CSharpCompilation.CreateScriptCompilation(
            $"ℛ*{chain.Id}#{number}",
            tree,
            references.Distinct(),
            compilationOptions,
            head?.Compilation,
            typeof(object),
            typeof(CellGlobals));

        if (!Options.AllowLoad)
        {
            errors.AddRange(tree.GetCompilationUnitRoot(cancellationToken).GetLoadDirectives().Select(load => new CellDiagnostic(
                "COURSE",
                "#load is not allowed in a graded notebook: put the code of the script file into the cell",
                load.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                1)));
        }

        CompiledCell? compiled = null;
        if (errors.Count == 0)
        {
            compiled = Emit(compilation, tree, head, resolver, errors, cancellationToken);
        }

        return new CellCompilation(compilation, tree, head, errors, compiled, clock.Elapsed, chain);
    }

    private static CompiledCell? Emit(CSharpCompilation compilation, SyntaxTree tree, CellCompilation? head, CellReferenceResolver resolver, List<CellDiagnostic> errors, CancellationToken cancellationToken)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded), cancellationToken: cancellationToken);
        var refusals = resolver.Refusals;
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var error = CellDiagnostic.From(diagnostic);
            // A refused #r shows up as "metadata file not found": say why instead.
            var refused = refusals.FirstOrDefault(r => diagnostic.Id == "CS0006" && error.Message.Contains(r.Key, StringComparison.Ordinal));
            errors.Add(refused.Key is null ? error : error with { Id = "COURSE", Message = $"#r \"{refused.Key}\" is not allowed: {refused.Value}" });
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var previousSlot = SlotOf(head);
        IReadOnlyList<string> references = [.. (head?.Compiled?.References ?? []).Concat(resolver.Resolved).Distinct(StringComparer.Ordinal)];
        if (!result.Success)
        {
            // Roslyn skips emitting a submission with no code (only usings or #r): it takes no slot.
            return new CompiledCell(0, compilation.AssemblyName!, [], string.Empty, FactoryMethodName, false, references);
        }

        return new CompiledCell(
            previousSlot + 1,
            compilation.AssemblyName!,
            image.ToArray(),
            compilation.Options.ScriptClassName ?? string.Empty,
            FactoryMethodName,
            HasSubmissionResult(compilation, tree),
            references);
    }

    // The last slot taken in the chain up to and including head.
    private static int SlotOf(CellCompilation? head)
    {
        for (var cell = head; cell is not null; cell = cell.PreviousInChain)
        {
            if (cell.Compiled is { Slot: > 0 } compiled)
            {
                return compiled.Slot;
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether the cell's value is shown: its last statement is an expression without a semicolon
    /// whose type is not void (Roslyn's rule for a submission's result, which the kernel displays).
    /// </summary>
    private static bool HasSubmissionResult(CSharpCompilation compilation, SyntaxTree tree)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (root.Members.LastOrDefault(m => m is GlobalStatementSyntax) is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).ConvertedType;
        return type?.SpecialType != SpecialType.System_Void;
    }
}

/// <summary>
/// What the cells of one chain share: their references, wrapped for this chain only (see
/// <see cref="ChainReferences"/>), and one resolver, so Roslyn can reuse the previous submission's
/// bound references instead of rebinding each cell.
/// </summary>
internal sealed class CellChain
{
    public CellChain(CellCompilerOptions options)
    {
        References = new ChainReferences();
        Resolver = new CellReferenceResolver(options, References);
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public ChainReferences References { get; }

    public CellReferenceResolver Resolver { get; }
}
