using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Course.Worker.Protocol;

/// <summary>
/// The grader's private channel to a worker: length-prefixed frames, each opening with a magic word
/// and a random per-run nonce. The nonce travels to the worker in the first frame on its stdin and
/// lives only in its memory, so nothing a submission prints (its console is captured in-process
/// anyway) can pass for a result: a frame without the nonce ends the run as a protocol violation.
/// </summary>
public sealed class FrameChannel
{
    /// <summary>The largest payload accepted (cells with embedded images, capped outputs).</summary>
    public const int MaxPayloadBytes = 64 * 1024 * 1024;

    /// <summary>Bytes in a nonce.</summary>
    public const int NonceLength = 16;

    private static readonly byte[] Magic = "CSWK"u8.ToArray();

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly byte[] _nonce;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private FrameChannel(Stream input, Stream output, byte[] nonce)
    {
        _input = input;
        _output = output;
        _nonce = nonce;
    }

    /// <summary>The grader's end: makes a fresh nonce and sends it as the first frame.</summary>
    public static async Task<FrameChannel> OpenAsync(Stream fromWorker, Stream toWorker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromWorker);
        ArgumentNullException.ThrowIfNull(toWorker);
        var channel = new FrameChannel(fromWorker, toWorker, RandomNumberGenerator.GetBytes(NonceLength));
        await channel.WriteAsync(channel._nonce, cancellationToken).ConfigureAwait(false);
        return channel;
    }

    /// <summary>The worker's end: reads the nonce the grader sent first.</summary>
    public static async Task<FrameChannel> AcceptAsync(Stream fromGrader, Stream toGrader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromGrader);
        ArgumentNullException.ThrowIfNull(toGrader);
        var header = new byte[Magic.Length + NonceLength + sizeof(int)];
        await fromGrader.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ProtocolViolationException("the first frame is not a grader frame");
        }

        var nonce = header.AsSpan(Magic.Length, NonceLength).ToArray();
        var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length + NonceLength));
        if (length != NonceLength)
        {
            throw new ProtocolViolationException("the first frame does not carry a nonce");
        }

        var payload = new byte[length];
        await fromGrader.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        if (!payload.AsSpan().SequenceEqual(nonce))
        {
            throw new ProtocolViolationException("the first frame's nonce does not match");
        }

        return new FrameChannel(fromGrader, toGrader, nonce);
    }

    /// <summary>Sends one frame.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new ProtocolViolationException($"a frame of {payload.Length} bytes is larger than {MaxPayloadBytes}");
        }

        var header = new byte[Magic.Length + NonceLength + sizeof(int)];
        Magic.CopyTo(header, 0);
        _nonce.CopyTo(header, Magic.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length + NonceLength), payload.Length);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await _output.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Reads one frame of at most <paramref name="maxPayloadBytes"/> (by default <see cref="MaxPayloadBytes"/>);
    /// null when the other end closed the stream cleanly between frames. Throws
    /// <see cref="ProtocolViolationException"/> for anything that is not a frame with this run's nonce, or a larger one.
    /// </summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken, int maxPayloadBytes = MaxPayloadBytes)
    {
        var header = new byte[Magic.Length + NonceLength + sizeof(int)];
        var read = await _input.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < header.Length)
        {
            throw new ProtocolViolationException("the stream ended inside a frame header");
        }

        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic) || !header.AsSpan(Magic.Length, NonceLength).SequenceEqual(_nonce))
        {
            throw new ProtocolViolationException("a frame without this run's nonce (something else wrote to the channel)");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length + NonceLength));
        if (length < 0 || length > Math.Min(maxPayloadBytes, MaxPayloadBytes))
        {
            throw new ProtocolViolationException($"a frame claims {length} bytes");
        }

        var payload = new byte[length];
        try
        {
            await _input.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new ProtocolViolationException("the stream ended inside a frame", ex);
        }

        return payload;
    }
}

/// <summary>Something that is not a well-formed frame of this run arrived on the channel.</summary>
public sealed class ProtocolViolationException(string message, Exception? inner = null) : Exception(message, inner);
