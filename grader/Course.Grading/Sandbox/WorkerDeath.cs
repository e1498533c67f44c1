namespace Course.Grading.Sandbox;

/// <summary>Why a worker stopped answering during a cell.</summary>
public enum WorkerDeathKind
{
    TimedOut,
    StackOverflow,
    OutOfMemory,
    Exited,
    ProtocolViolation,
}

/// <summary>A worker that died during a cell, and why, in words for the student.</summary>
public sealed record WorkerDeath(WorkerDeathKind Kind, string Reason);
