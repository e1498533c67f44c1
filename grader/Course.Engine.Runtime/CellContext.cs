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

    /// <summary>
    /// Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> through the current cell, once per
    /// process; and gives cells an empty <see cref="Console.In"/> (end of input at once, as in the grading
    /// worker and in a notebook front end without an input box), so a cell never waits on the terminal.
    /// </summary>
    public static void InstallConsoleRouting()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            Console.SetOut(new RoutingWriter(Console.Out, Course.Notebooks.StreamOutput.StandardOutput));
            Console.SetError(new RoutingWriter(Console.Error, Course.Notebooks.StreamOutput.StandardError));
            Console.SetIn(new RoutingReader(Console.In));
        }
    }

    /// <summary>Reads nothing for code running in a cell; anyone else reads the process's original input.</summary>
    private sealed class RoutingReader(TextReader original) : TextReader
    {
        private TextReader Source => Current is null ? original : Null;

        public override int Peek() => Source.Peek();

        public override int Read() => Source.Read();

        public override int Read(char[] buffer, int index, int count) => Source.Read(buffer, index, count);

        public override int Read(Span<char> buffer) => Source.Read(buffer);

        public override string? ReadLine() => Source.ReadLine();

        public override string ReadToEnd() => Source.ReadToEnd();
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
