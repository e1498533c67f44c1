using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Course.Kernel;

/// <summary>
/// One message of the Jupyter messaging protocol (version 5.3): routing identities, the four JSON parts
/// (header, parent header, metadata, content) and optional binary buffers.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>The protocol version the kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The frame that separates routing identities from the signed parts.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public JupyterMessage(IReadOnlyList<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata, JsonObject content, IReadOnlyList<byte[]>? buffers = null)
    {
        Identities = identities;
        Header = header;
        ParentHeader = parentHeader;
        Metadata = metadata;
        Content = content;
        Buffers = buffers ?? [];
    }

    /// <summary>ZeroMQ routing identities (ROUTER sockets) or the topic (IOPub).</summary>
    public IReadOnlyList<byte[]> Identities { get; }

    public JsonObject Header { get; }

    public JsonObject ParentHeader { get; }

    public JsonObject Metadata { get; }

    public JsonObject Content { get; }

    public IReadOnlyList<byte[]> Buffers { get; }

    /// <summary>The header's <c>msg_type</c>, e.g. <c>execute_request</c>.</summary>
    public string MessageType => (string?)Header["msg_type"] ?? string.Empty;

    /// <summary>A new header for a message the kernel sends.</summary>
    public static JsonObject NewHeader(string messageType, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}

/// <summary>
/// Signs and checks messages with HMAC-SHA256 over the UTF-8 header, parent header, metadata and
/// content, as the connection file's key says; an empty key means messages are not signed.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>The lower-case hex signature of the four parts (empty when there is no key).</summary>
    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (_key.Length == 0)
        {
            return string.Empty;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts)
        {
            hmac.AppendData(part);
        }

        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="signature"/> is the parts' signature (compared in constant time), or there is no key.</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (_key.Length == 0)
        {
            return true;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

/// <summary>Turns messages into ZeroMQ frames and back.</summary>
public static class WireFormat
{
    /// <summary>The frames of <paramref name="message"/>: identities, delimiter, signature, the four JSON parts, buffers.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signer);
        byte[][] parts = [Utf8(message.Header), Utf8(message.ParentHeader), Utf8(message.Metadata), Utf8(message.Content)];
        return [.. message.Identities, JupyterMessage.Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts)), .. parts, .. message.Buffers];
    }

    /// <summary>
    /// Reads the frames of one message. Returns null, with <paramref name="problem"/> saying why, when the
    /// frames are malformed or the signature does not match (such a message must be ignored).
    /// </summary>
    public static JupyterMessage? Decode(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(signer);
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(JupyterMessage.Delimiter))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = "malformed message (no <IDS|MSG> delimiter or missing parts)";
            return null;
        }

        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(Encoding.ASCII.GetString(frames[delimiter + 1]), parts))
        {
            problem = "bad signature";
            return null;
        }

        try
        {
            var objects = parts.Select(p => JsonNode.Parse(p) as JsonObject ?? []).ToArray();
            problem = null;
            return new JupyterMessage([.. frames.Take(delimiter)], objects[0], objects[1], objects[2], objects[3], [.. frames.Skip(delimiter + 6)]);
        }
        catch (System.Text.Json.JsonException ex)
        {
            problem = "malformed JSON: " + ex.Message;
            return null;
        }
    }

    private static byte[] Utf8(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());
}
