using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Course.Engine;
using Course.Grading.Policy;
using Course.Grading.Results;

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
    private readonly ConcurrentDictionary<string, Lazy<CellCompilation>> _cache = new(StringComparer.Ordinal);

    public SubmissionCompiler(CellCompiler compiler, SubmissionPolicy policy)
    {
        _compiler = compiler ?? throw new ArgumentNullException(nameof(compiler));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>How many cell compilations were served from the cache (for the benchmark).</summary>
    public int CacheHits => _cacheHits;

    private int _cacheHits;

    public PreparedSubmission Prepare(IReadOnlyList<GradingCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var prepared = new List<PreparedCell>();
        var violations = new List<CellViolation>();
        CellCompilation? previous = null;
        var chainKey = string.Empty;
        foreach (var cell in cells)
        {
            if (!cell.IsCode)
            {
                prepared.Add(new PreparedCell(cell, null, null));
                continue;
            }

            chainKey = Hash(chainKey + "\0" + cell.Source);
            var compilation = Compile(chainKey, cell.Source, previous, cancellationToken);
            if (cell.Origin is CellOrigin.Answer or CellOrigin.Student)
            {
                var model = compilation.Compilation.GetSemanticModel(compilation.SyntaxTree);
                violations.AddRange(_policy.Check(model, compilation.SyntaxTree, cancellationToken)
                    .Concat(SubmissionPolicy.CheckRawSource(cell.Source))
                    .Distinct()
                    .Select(v => new CellViolation(cell, v)));
            }

            prepared.Add(new PreparedCell(cell, compilation.Compiled, compilation.ToFailedRun()));
            previous = compilation;
        }

        return new PreparedSubmission(prepared, violations);
    }

    private CellCompilation Compile(string key, string source, CellCompilation? previous, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _cacheHits);
            return cached.Value;
        }

        var lazy = new Lazy<CellCompilation>(() => _compiler.Compile(source, previous, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
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

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
