using Course.Engine.Runtime;

namespace Course.Engine;

/// <summary>
/// The in-process C# kernel of one notebook: each submitted cell is compiled as the next submission
/// (<see cref="CellCompiler"/>) and run on the shared state (<see cref="SubmissionExecutor"/>).
/// A cell that does not compile leaves the state as it was; a cell that throws keeps what it did
/// before throwing, as in .NET Interactive.
/// </summary>
public sealed class NotebookKernel(CellCompilerOptions? options = null) : IDisposable
{
    private readonly SubmissionExecutor _executor = new((options ?? new CellCompilerOptions()).Name);
    private string? _cancelled;

    public CellCompiler Compiler { get; } = new(options);

    /// <summary>The last cell's compilation (the next cell continues from its chain head).</summary>
    public CellCompilation? LastCompilation { get; private set; }

    /// <summary>Sees each cell's outputs as they happen (the Jupyter kernel publishes them live); null for none.</summary>
    public ICellOutputObserver? OutputObserver
    {
        get => _executor.Observer;
        set => _executor.Observer = value;
    }

    /// <summary>Why the kernel stopped taking cells (a cell timed out or was cancelled), or null.</summary>
    public string? AbandonedBecause => _cancelled ?? _executor.AbandonedBecause;

    /// <summary>Compiles and runs one cell of C#.</summary>
    public async Task<KernelSubmission> SubmitAsync(string code, TimeSpan? timeLimit = null, int? executionCount = null, CancellationToken cancellationToken = default)
    {
        if (AbandonedBecause is { } reason)
        {
            return new KernelSubmission(null, CellRun.NotRun(reason));
        }

        CellCompilation compilation;
        try
        {
            compilation = Compiler.Compile(code, LastCompilation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _cancelled = "the run was cancelled";
            var error = new CellError(CellError.CancelledError, "the run was cancelled while this cell was compiling", null);
            return new KernelSubmission(null, new CellRun(CellStatus.Cancelled, [error.ToOutput()], error, TimeSpan.Zero));
        }

        LastCompilation = compilation;
        if (compilation.Compiled is not { } compiled)
        {
            return new KernelSubmission(compilation, compilation.ToFailedRun()!);
        }

        var run = await _executor.RunAsync(compiled, timeLimit, executionCount, cancellationToken).ConfigureAwait(false);
        return new KernelSubmission(compilation, run);
    }

    public void Dispose() => _executor.Dispose();
}

/// <summary>One submitted cell: how it compiled (null if it was not compiled) and how it ran.</summary>
/// <param name="Compilation">The compilation, for inspection (errors, syntax tree, compile time).</param>
/// <param name="Run">The run: status, outputs, error, duration.</param>
public sealed record KernelSubmission(CellCompilation? Compilation, CellRun Run);
