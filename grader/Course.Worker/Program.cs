// The isolated grading worker: runs one submission's compiled cells, one after another, in its own
// process. It references only Course.Engine.Runtime (no Roslyn), so it starts in about 100 ms.
// Its stdin and stdout carry the grader's framed protocol (see FrameChannel); the console that cells
// see is routed into each cell's outputs by the executor, and nothing else reaches stdout.
using Course.Engine.Runtime;
using Course.Worker.Protocol;

var fromGrader = Console.OpenStandardInput();
var toGrader = Console.OpenStandardOutput();
Console.SetIn(TextReader.Null);
Console.SetOut(TextWriter.Null);
Console.SetError(TextWriter.Null);

FrameChannel channel;
try
{
    channel = await FrameChannel.AcceptAsync(fromGrader, toGrader, CancellationToken.None).ConfigureAwait(false);
}
catch (Exception ex) when (ex is ProtocolViolationException or EndOfStreamException)
{
    await Console.OpenStandardError().WriteAsync(System.Text.Encoding.UTF8.GetBytes("Course.Worker is started by `course grade`; it speaks only the grader's protocol.\n")).ConfigureAwait(false);
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
