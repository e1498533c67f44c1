using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Course.Engine;
using Course.Grading.Policy;
using Course.Grading.Results;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading.Pipeline;

/// <summary>
/// Steps 3 and 4: compiles a graded notebook's C# cells in the grader's own process, with one warm
/// Roslyn shared by every submission, and runs the policy check on each student cell's semantic model.
/// Compilations are cached by their chain of sources, so what every submission shares (the set-up cells
/// before the first answer, identical answers such as untouched stubs) is compiled once per assignment.
/// </summary>
public sealed class SubmissionCompiler
{
    /// <summary>Cached compilations are dropped past this many (a class of submissions shares only its prefix).</summary>
    public const int CacheCapacity = 2048;

    private readonly CellCompiler _compiler;
    private readonly SubmissionPolicy _policy;
    private readonly ConcurrentDictionary<string, Lazy<CompiledEntry>> _cache = new(StringComparer.Ordinal);

    public SubmissionCompiler(CellCompiler compiler, SubmissionPolicy policy)
    {
        _compiler = compiler ?? throw new ArgumentNullException(nameof(compiler));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>How many cell compilations were served from the cache (for the benchmark).</summary>
    public int CacheHits => _cacheHits;

    private int _cacheHits;

    /// <summary>Time spent preparing submissions (compiling and checking), summed over all threads.</summary>
    public TimeSpan TimeSpent => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    private long _ticks;

    public PreparedSubmission Prepare(IReadOnlyList<GradingCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);

        // One submission at a time: compilations of different submissions share their prefix's
        // CSharpCompilation objects, and binding two chained script compilations on the same previous
        // submission at once was seen to mix up that submission's types ("cannot convert
        // List<Vote> to IEnumerable<Vote>"). Compiling is a small part of grading's time.
        lock (_gate)
        {
            return PrepareLocked(cells, cancellationToken);
        }
    }

    private readonly Lock _gate = new();

    private PreparedSubmission PrepareLocked(IReadOnlyList<GradingCell> cells, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return PrepareCells(cells, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    private PreparedSubmission PrepareCells(IReadOnlyList<GradingCell> cells, CancellationToken cancellationToken)
    {
        var prepared = new List<PreparedCell>();
        var violations = new List<CellViolation>();
        CellCompilation? previous = null;
        var chainKey = string.Empty;
        var cellOfScriptClass = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependencies = new Dictionary<int, IReadOnlySet<int>>();
        foreach (var cell in cells)
        {
            if (!cell.IsCode)
            {
                prepared.Add(new PreparedCell(cell, null, null));
                continue;
            }

            chainKey = Hash(chainKey + "\0" + cell.Source);
            var entry = Compile(chainKey, cell.Source, previous, cancellationToken);
            var compilation = entry.Compilation;
            if (cell.Origin is CellOrigin.Answer or CellOrigin.Student)
            {
                entry.Violations ??= [.. _policy.Check(compilation.Compilation.GetSemanticModel(compilation.SyntaxTree), compilation.SyntaxTree, cancellationToken)
                    .Concat(SubmissionPolicy.CheckRawSource(cell.Source))
                    .Distinct()];
                violations.AddRange(entry.Violations.Select(v => new CellViolation(cell, v)));
            }

            entry.UsedScriptClasses ??= UsedScriptClasses(compilation, cancellationToken);
            var depends = new HashSet<int>();
            foreach (var used in entry.UsedScriptClasses)
            {
                if (cellOfScriptClass.TryGetValue(used, out var earlier) && depends.Add(earlier))
                {
                    depends.UnionWith(dependencies.GetValueOrDefault(earlier) ?? new HashSet<int>());
                }
            }

            dependencies[cell.Index] = depends;
            if (compilation.Compiled is not null && compilation.Compilation.ScriptClass is { } scriptClass)
            {
                cellOfScriptClass[scriptClass.Name] = cell.Index;
            }

            prepared.Add(new PreparedCell(cell, compilation.Compiled, compilation.ToFailedRun(), depends));
            previous = compilation;
        }

        return new PreparedSubmission(prepared, violations);
    }

    /// <summary>
    /// The script classes of earlier cells whose declarations (variables, methods, types) this cell uses:
    /// what cell N declares belongs to its script class "Submission#N".
    /// </summary>
    private static HashSet<string> UsedScriptClasses(CellCompilation compilation, CancellationToken cancellationToken)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var own = compilation.Compilation.ScriptClass?.Name;
        var model = compilation.Compilation.GetSemanticModel(compilation.SyntaxTree);
        foreach (var name in compilation.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
            while (type is { IsScriptClass: false })
            {
                type = type.ContainingType;
            }

            if (type is not null && type.Name != own)
            {
                result.Add(type.Name);
            }
        }

        return result;
    }

    private CompiledEntry Compile(string key, string source, CellCompilation? previous, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _cacheHits);
            return cached.Value;
        }

        var lazy = new Lazy<CompiledEntry>(() => new CompiledEntry(_compiler.Compile(source, previous, cancellationToken)), LazyThreadSafetyMode.ExecutionAndPublication);
        if (_cache.Count >= CacheCapacity)
        {
            return lazy.Value;
        }

        var winner = _cache.GetOrAdd(key, lazy);
        if (!ReferenceEquals(winner, lazy))
        {
            Interlocked.Increment(ref _cacheHits);
        }

        return winner.Value;
    }

    /// <summary>A cached compilation with what is derived from it once (used only under the compiler's lock).</summary>
    private sealed class CompiledEntry(CellCompilation compilation)
    {
        public CellCompilation Compilation { get; } = compilation;

        public IReadOnlyList<PolicyViolation>? Violations { get; set; }

        public IReadOnlySet<string>? UsedScriptClasses { get; set; }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
