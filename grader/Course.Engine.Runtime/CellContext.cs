using System.Text;

namespace Course.Engine.Runtime;

/// <summary>
/// The cell that code on this logical call path belongs to. Console output and <c>display</c> go to it.
/// It flows with <see cref="AsyncLocal{T}"/>, so notebooks running in parallel in one process
/// (<c>course run</c> on a folder) each get their own output, although <see cref="Console.SetOut"/>
/// is process-wide.
/// </summary>
internal static class CellContext
{
    private static readonly AsyncLocal<CellOutputSink?> CurrentSink = new();
    private static int _installed;

    public static CellOutputSink? Current
    {
        get => CurrentSink.Value;
        set => CurrentSink.Value = value;
    }

    /// <summary>Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> through the current cell, once per process.</summary>
    public static void InstallConsoleRouting()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            Console.SetOut(new RoutingWriter(Console.Out, Course.Notebooks.StreamOutput.StandardOutput));
            Console.SetError(new RoutingWriter(Console.Error, Course.Notebooks.StreamOutput.StandardError));
        }
    }

    /// <summary>Writes to the current cell's stream when there is one, else to the process's original writer.</summary>
    private sealed class RoutingWriter(TextWriter original, string stream) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override IFormatProvider FormatProvider => original.FormatProvider;

        public override void Write(char value) => Route(value.ToString());

        public override void Write(string? value) => Route(value);

        public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Route(new string(buffer));

        public override void WriteLine() => Route(NewLine);

        public override void WriteLine(string? value) => Route(value + NewLine);

        public override void WriteLine(ReadOnlySpan<char> buffer) => Route(new string(buffer) + NewLine);

        public override void Flush()
        {
            if (Current is null)
            {
                original.Flush();
            }
        }

        private void Route(string? text)
        {
            if (Current is { } sink)
            {
                sink.WriteStream(stream, text);
            }
            else
            {
                original.Write(text);
            }
        }
    }
}
