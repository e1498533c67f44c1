namespace Course.Engine.Runtime;

/// <summary>
/// A process-wide "stop, please" flag for interactive use: the course's Jupyter kernel inserts a call to
/// <see cref="ThrowIfRequested"/> at the top of every loop body of a cell, so that an interrupt stops a
/// runaway loop by an exception (and the kernel keeps its state), which .NET cannot do to a thread from
/// outside. <c>course run</c>, <c>check</c> and <c>grade</c> never insert the call, so the flag does nothing there.
/// </summary>
public static class CellInterrupt
{
    private static int _requested;

    /// <summary>True between <see cref="Request"/> and <see cref="Clear"/>.</summary>
    public static bool IsRequested => Volatile.Read(ref _requested) != 0;

    /// <summary>Asks the running cell to stop at its next loop iteration.</summary>
    public static void Request() => Volatile.Write(ref _requested, 1);

    /// <summary>Withdraws the request (before the next cell starts).</summary>
    public static void Clear() => Volatile.Write(ref _requested, 0);

    /// <summary>Throws <see cref="CellInterruptedException"/> when an interrupt was requested.</summary>
    /// <exception cref="CellInterruptedException">An interrupt was requested.</exception>
    public static void ThrowIfRequested()
    {
        if (Volatile.Read(ref _requested) != 0)
        {
            throw new CellInterruptedException();
        }
    }
}

/// <summary>Thrown inside a cell that was interrupted from the notebook front end (Jupyter's "Interrupt").</summary>
public sealed class CellInterruptedException : Exception
{
    public CellInterruptedException()
        : base("the cell was interrupted")
    {
    }

    public CellInterruptedException(string message)
        : base(message)
    {
    }

    public CellInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
