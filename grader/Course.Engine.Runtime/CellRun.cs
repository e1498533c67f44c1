using Course.Notebooks;

namespace Course.Engine.Runtime;

/// <summary>How a cell ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end.</summary>
    Ok,

    /// <summary>Did not compile; it did not run and does not join the chain of submissions.</summary>
    CompileError,

    /// <summary>Threw; its state still joins the chain, as in .NET Interactive.</summary>
    RuntimeError,

    /// <summary>Still running when its time limit passed; the rest of the notebook is abandoned.</summary>
    TimedOut,

    /// <summary>Stopped because the caller cancelled.</summary>
    Cancelled,

    /// <summary>Not run: a cell for a kernel the engine does not have, or a cell after an abandoned one.</summary>
    NotRun,
}

/// <summary>What went wrong in a cell, for people: the type, a one-line message, and the line in the cell.</summary>
/// <param name="Type">Exception type (e.g. <c>System.InvalidOperationException</c>), or <c>CompilationError</c>, <c>TimeoutError</c>, ...</param>
/// <param name="Message">One line; compile errors read like the kernel's, <c>(2,5): error CS0103: ...</c>.</param>
/// <param name="Line">1-based line in the cell where it happened, when known.</param>
public sealed record CellError(string Type, string Message, int? Line)
{
    /// <summary>The kind of error for a compile failure.</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>The kind of error for a cell that exceeded its time limit.</summary>
    public const string TimeoutError = "TimeoutError";

    /// <summary>The kind of error for a cancelled cell.</summary>
    public const string CancelledError = "Cancelled";

    /// <summary>"line N: message" when the line is known, else the message.</summary>
    public override string ToString() => Line is { } line ? $"line {line}: {Type}: {Message}" : $"{Type}: {Message}";

    /// <summary>The nbformat error output for this error.</summary>
    public ErrorOutput ToOutput(IReadOnlyList<string>? traceback = null) =>
        new(Type, Message, traceback ?? [ToString()]);
}

/// <summary>The outcome of running (or trying to run) one cell.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Outputs">What it produced, in order: streams, displays, its value, its error.</param>
/// <param name="Error">The error when <paramref name="Status"/> is not <see cref="CellStatus.Ok"/>/<see cref="CellStatus.NotRun"/>.</param>
/// <param name="Duration">Wall time spent running it (not compiling it).</param>
/// <param name="NotRunReason">Why the cell was not run, when <paramref name="Status"/> is <see cref="CellStatus.NotRun"/>.</param>
public sealed record CellRun(CellStatus Status, IReadOnlyList<NotebookOutput> Outputs, CellError? Error, TimeSpan Duration, string? NotRunReason = null)
{
    /// <summary>True when the cell ran to the end.</summary>
    public bool Succeeded => Status == CellStatus.Ok;

    /// <summary>True for a compile error, an exception, a timeout or a cancellation.</summary>
    public bool Failed => Status is CellStatus.CompileError or CellStatus.RuntimeError or CellStatus.TimedOut or CellStatus.Cancelled;

    /// <summary>A cell that was not run, and why.</summary>
    public static CellRun NotRun(string reason) => new(CellStatus.NotRun, [], null, TimeSpan.Zero, reason);
}
