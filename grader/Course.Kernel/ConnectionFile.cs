using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Kernel;

/// <summary>
/// A Jupyter connection file (JSON written by the front end): where the kernel's five sockets listen
/// and the key messages are signed with. Only the <c>tcp</c> transport and <c>hmac-sha256</c> signing are supported.
/// </summary>
/// <param name="Transport"><c>tcp</c>.</param>
/// <param name="Ip">The address to bind, e.g. <c>127.0.0.1</c>.</param>
/// <param name="ShellPort">Requests and replies (ROUTER).</param>
/// <param name="IOPubPort">Broadcast of outputs and status (PUB).</param>
/// <param name="StdinPort">Input requests to the front end (ROUTER).</param>
/// <param name="ControlPort">Interrupt and shutdown, answered even while a cell runs (ROUTER).</param>
/// <param name="HeartbeatPort">Echo (REP).</param>
/// <param name="Key">The HMAC key; empty disables signing.</param>
/// <param name="SignatureScheme"><c>hmac-sha256</c>.</param>
public sealed record ConnectionFile(string Transport, string Ip, int ShellPort, int IOPubPort, int StdinPort, int ControlPort, int HeartbeatPort, string Key, string SignatureScheme)
{
    /// <summary>Reads and checks a connection file.</summary>
    /// <exception cref="KernelStartupException">The file is missing, not JSON, or asks for something unsupported (the message says what).</exception>
    public static ConnectionFile Load(string path)
    {
        Raw? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Raw>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new KernelStartupException($"cannot read the connection file {path}: {ex.Message}", ex);
        }

        if (raw is null)
        {
            throw new KernelStartupException($"the connection file {path} is empty");
        }

        var transport = raw.Transport ?? "tcp";
        if (transport != "tcp")
        {
            throw new KernelStartupException($"the connection file {path} asks for transport '{transport}'; the course kernel supports only tcp");
        }

        var scheme = raw.SignatureScheme ?? "hmac-sha256";
        if (!string.IsNullOrEmpty(raw.Key) && scheme != "hmac-sha256")
        {
            throw new KernelStartupException($"the connection file {path} asks for signature scheme '{scheme}'; the course kernel supports only hmac-sha256");
        }

        int Port(int? port, string name) => port is > 0 and < 65536
            ? port.Value
            : throw new KernelStartupException($"the connection file {path} has no valid {name}");

        return new ConnectionFile(
            transport,
            string.IsNullOrEmpty(raw.Ip) ? "127.0.0.1" : raw.Ip,
            Port(raw.ShellPort, "shell_port"),
            Port(raw.IOPubPort, "iopub_port"),
            Port(raw.StdinPort, "stdin_port"),
            Port(raw.ControlPort, "control_port"),
            Port(raw.HbPort, "hb_port"),
            raw.Key ?? string.Empty,
            scheme);
    }

    /// <summary>The ZeroMQ address of a port, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Address(int port) => $"{Transport}://{Ip}:{port}";

    private sealed record Raw(
        [property: JsonPropertyName("transport")] string? Transport,
        [property: JsonPropertyName("ip")] string? Ip,
        [property: JsonPropertyName("shell_port")] int? ShellPort,
        [property: JsonPropertyName("iopub_port")] int? IOPubPort,
        [property: JsonPropertyName("stdin_port")] int? StdinPort,
        [property: JsonPropertyName("control_port")] int? ControlPort,
        [property: JsonPropertyName("hb_port")] int? HbPort,
        [property: JsonPropertyName("key")] string? Key,
        [property: JsonPropertyName("signature_scheme")] string? SignatureScheme);
}

/// <summary>The kernel cannot start (bad connection file, port in use); the message is one line for the user.</summary>
public sealed class KernelStartupException : Exception
{
    public KernelStartupException()
    {
    }

    public KernelStartupException(string message)
        : base(message)
    {
    }

    public KernelStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
