// The isolated grading worker: runs one submission's compiled cells, one after another, in its own
// process. It references only Course.Engine.Runtime (no Roslyn), so it starts in about 100 ms.
// The grader's framed protocol (see FrameChannel) travels on two inherited pipe descriptors named by
// `--channel IN OUT` (on Linux and macOS: stdin and stdout are then /dev/null, so no console API reaches
// the channel), or on stdin and stdout without it (Windows). The console that cells see is routed into
// each cell's outputs by the executor.
using Course.Engine.Runtime;
using Course.Worker;
using Course.Worker.Protocol;

const string StartedByGrader = "Course.Worker is started by `course grade`; it speaks only the grader's protocol.\n";
Stream fromGrader;
Stream toGrader;
if (args is ["--channel", var inFd, var outFd] && int.TryParse(inFd, out var input) && int.TryParse(outFd, out var output) && !OperatingSystem.IsWindows())
{
    try
    {
        fromGrader = ChannelDescriptors.Open(input, FileAccess.Read);
        toGrader = ChannelDescriptors.Open(output, FileAccess.Write);
    }
    catch (IOException)
    {
        await Console.OpenStandardError().WriteAsync(System.Text.Encoding.UTF8.GetBytes(StartedByGrader)).ConfigureAwait(false);
        return 2;
    }
}
else
{
    fromGrader = Console.OpenStandardInput();
    toGrader = Console.OpenStandardOutput();
}

Console.SetIn(TextReader.Null);
Console.SetOut(TextWriter.Null);
Console.SetError(TextWriter.Null);

// Warm the protocol's code paths while the grader is still compiling (workers are started ahead).
_ = WorkerMessages.DecodeRun(WorkerMessages.Encode(new CellRun(CellStatus.Ok, [new Course.Notebooks.StreamOutput("stdout", "warm")], null, TimeSpan.Zero)));
_ = WorkerMessages.DecodeRequest(WorkerMessages.Encode(new RunCellRequest(new CompiledCell(1, "warm", [1], "warm", "warm", false, []), 1)));

FrameChannel channel;
try
{
    channel = await FrameChannel.AcceptAsync(fromGrader, toGrader, CancellationToken.None).ConfigureAwait(false);
}
catch (Exception ex) when (ex is ProtocolViolationException or EndOfStreamException)
{
    await Console.OpenStandardError().WriteAsync(System.Text.Encoding.UTF8.GetBytes(StartedByGrader)).ConfigureAwait(false);
    return 2;
}

using var executor = new SubmissionExecutor("submission");
while (await channel.ReadAsync(CancellationToken.None).ConfigureAwait(false) is { } payload)
{
    switch (WorkerMessages.DecodeRequest(payload))
    {
        case RunCellRequest run:
            var result = await executor.RunAsync(run.Cell, executionCount: run.ExecutionCount).ConfigureAwait(false);
            await channel.WriteAsync(WorkerMessages.Encode(result), CancellationToken.None).ConfigureAwait(false);
            break;
        default:
            return 0;
    }
}

return 0;
