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
    private ConcurrentDictionary<string, Lazy<CompiledEntry>> _cache = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Compiles and checks one graded notebook's cells. With a reference (the instructor's
    /// bindings, from <see cref="ReferenceFor"/>), every instructor cell must bind as it does in the
    /// instructor's notebook; one that does not is not run and fails with the reason (see <see cref="TestBinding"/>).
    /// Compiling stops after <see cref="CompileTimeLimit"/>: the submission is then refused.
    /// </summary>
    public PreparedSubmission Prepare(IReadOnlyList<GradingCell> cells, CancellationToken cancellationToken) =>
        Prepare(cells, null, cancellationToken);

    /// <summary>Compiles and checks one graded notebook's cells, comparing its instructor cells' bindings with <paramref name="reference"/> (see <see cref="TestBinding"/>).</summary>
    public PreparedSubmission Prepare(IReadOnlyList<GradingCell> cells, BindingReference? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);

        // One submission at a time: compilations of different submissions share their prefix's
        // CSharpCompilation objects, and binding two chained script compilations on the same previous
        // submission at once was seen to mix up that submission's types ("cannot convert
        // List<Vote> to IEnumerable<Vote>"). Compiling is a small part of grading's time.
        lock (_gate)
        {
            // Roslyn does not look at the token everywhere (overload resolution of nested lambdas can run
            // for hours), so compiling runs on a thread of its own that is abandoned when over time: the
            // cache it shares is then dropped, so no later submission touches what it still holds.
            var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var work = Task.Factory.StartNew(
                () => PrepareLocked(cells, reference, budget.Token),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            try
            {
                if (!work.Wait(CompileTimeLimit, cancellationToken))
                {
                    budget.Cancel();
                    _cache = new ConcurrentDictionary<string, Lazy<CompiledEntry>>(StringComparer.Ordinal);
                    _references.Clear();
                    _ = work.ContinueWith(_ => budget.Dispose(), TaskScheduler.Default);
                    return TooSlow(cells);
                }

                budget.Dispose();
                return work.Result;
            }
            catch (AggregateException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }
    }

    private PreparedSubmission TooSlow(IReadOnlyList<GradingCell> cells)
    {
        var seconds = CompileTimeLimit.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var culprit = cells.FirstOrDefault(c => c.Origin is CellOrigin.Answer or CellOrigin.Student)
            ?? new GradingCell(0, CellOrigin.Student, true, string.Empty, string.Empty, null, IsStub: false);
        return new PreparedSubmission(
            [.. cells.Select(c => new PreparedCell(c, null, null))],
            [new CellViolation(culprit,
                new PolicyViolation("compiling", $"compiling this notebook took longer than {seconds} s (the limit per submission), so it was stopped", 1))]);
    }

    /// <summary>How long compiling and checking one submission may take (30 s by default); past it the submission is refused.</summary>
    public TimeSpan CompileTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What the instructor's own cells bind to in the instructor's notebook (compiled once per notebook and
    /// kept): the reference each submission's test and locked cells are compared with.
    /// </summary>
    public BindingReference ReferenceFor(IReadOnlyList<GradingCell> instructorCells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instructorCells);
        var key = Hash(string.Join("\0", instructorCells.Select(c => c.Origin + "\u0001" + c.Source)));
        lock (_gate)
        {
            if (_references.TryGetValue(key, out var known))
            {
                return known;
            }

            var prepared = PrepareLocked(instructorCells, null, cancellationToken);
            var fingerprints = prepared.Fingerprints
                .Where(kv => instructorCells[kv.Key].GradeId is not null)
                .ToDictionary(kv => instructorCells[kv.Key].GradeId!, kv => kv.Value, StringComparer.Ordinal);
            var reference = new BindingReference(fingerprints);
            _references[key] = reference;
            return reference;
        }
    }

    private readonly Dictionary<string, BindingReference> _references = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();

    private PreparedSubmission PrepareLocked(IReadOnlyList<GradingCell> cells, BindingReference? reference, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return PrepareCells(cells, reference, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    private PreparedSubmission PrepareCells(IReadOnlyList<GradingCell> cells, BindingReference? reference, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var fingerprints = new Dictionary<int, BindingFingerprint>();
        var bindingFailures = new Dictionary<int, string>();
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

            if (cell.Origin is CellOrigin.Answer or CellOrigin.Student && CompileGuard.Problem(cell.Source, cancellationToken) is { } tooComplex)
            {
                violations.Add(new CellViolation(cell, tooComplex));
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
            if (compilation.Compilation.ScriptClass is { } scriptClass)
            {
                tags[scriptClass.Name] = cell.Origin is CellOrigin.Test or CellOrigin.Instructor && cell.GradeId is not null
                    ? "instructor:" + cell.GradeId
                    : TestBinding.AnswerTag;
                if (compilation.Compiled is not null)
                {
                    cellOfScriptClass[scriptClass.Name] = cell.Index;
                }
            }

            var failedRun = compilation.ToFailedRun();
            if (failedRun is null && cell.Origin is CellOrigin.Test or CellOrigin.Instructor && cell.GradeId is not null)
            {
                var fingerprint = TestBinding.Fingerprint(
                    compilation.Compilation,
                    name => tags.GetValueOrDefault(name, "unknown"),
                    name => cellOfScriptClass.TryGetValue(name, out var declaring) ? cells[declaring].Name : "an earlier cell",
                    cancellationToken);
                fingerprints[cell.Index] = fingerprint;
                var difference = reference is null
                    ? null
                    : reference.Fingerprints.TryGetValue(cell.GradeId, out var expected)
                        ? TestBinding.Difference(cell.Name, cell.Source, expected, fingerprint)
                        : null;
                if (difference is not null)
                {
                    bindingFailures[cell.Index] = difference;
                }
            }

            // A cell that uses what a refused cell declares cannot run either.
            var refusedDependency = depends.FirstOrDefault(bindingFailures.ContainsKey, -1);
            if (failedRun is null && bindingFailures.TryGetValue(cell.Index, out var why))
            {
                failedRun = BindingRefused(why);
            }
            else if (failedRun is null && refusedDependency >= 0)
            {
                bindingFailures[cell.Index] = bindingFailures[refusedDependency];
                failedRun = BindingRefused($"it uses what {cells[refusedDependency].Name} declares, and that cell was not run: {bindingFailures[refusedDependency]}");
            }

            prepared.Add(new PreparedCell(cell, failedRun is null ? compilation.Compiled : null, failedRun, depends));
            previous = compilation;
        }

        return new PreparedSubmission(prepared, violations) { Fingerprints = fingerprints };
    }

    /// <summary>The error type of a cell not run because it would not bind as in the instructor's notebook.</summary>
    public const string BindingRefusedError = "BindingRefused";

    private static Course.Engine.Runtime.CellRun BindingRefused(string why)
    {
        var error = new Course.Engine.Runtime.CellError(BindingRefusedError, "refused: " + why, null);
        return new Course.Engine.Runtime.CellRun(Course.Engine.Runtime.CellStatus.RuntimeError, [error.ToOutput()], error, TimeSpan.Zero);
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
