using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Course.Engine;
using Course.Engine.Runtime;
using Course.Notebooks;
using Microsoft.CodeAnalysis.CSharp;
using NetMQ;
using NetMQ.Sockets;

namespace Course.Kernel;

/// <summary>
/// The course's Jupyter kernel: speaks the Jupyter messaging protocol 5.3 over ZeroMQ (NetMQ) on the
/// five sockets of a connection file and runs cells on one <see cref="NotebookKernel"/>, the engine
/// behind <c>course run</c>. One thread polls the sockets (heartbeat, control, stdin and sending);
/// shell requests are handled in order on a worker thread, so interrupt and shutdown on the control
/// channel are answered while a cell runs. Messages with a bad signature are ignored with a line on the log.
/// </summary>
public sealed class KernelServer : IDisposable
{
    /// <summary>How long an interrupted cell gets to reach a loop check before the kernel gives up on it and starts afresh.</summary>
    public static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(2);

    private readonly ConnectionFile _connection;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString();
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<Action> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly BlockingCollection<(JupyterMessage Message, long ReceivedAt)> _shellQueue = [];
    private readonly Lock _lock = new();
    private NotebookKernel _kernel;
    private int _executionCount;
    private long _abortQueuedBefore;
    private CancellationTokenSource? _running;
    private Timer? _hardStop;
    private volatile bool _stopping;

    public KernelServer(ConnectionFile connection, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        _connection = connection;
        _log = log;
        _signer = new MessageSigner(connection.Key);
        _kernel = NewKernel();
        _poller = [_shell, _control, _stdin, _heartbeat, _outbox];
    }

    /// <summary>Binds the sockets and serves until a shutdown request; returns the process exit code (0).</summary>
    /// <exception cref="KernelStartupException">A port cannot be bound.</exception>
    public int Run()
    {
        Bind(_shell, _connection.ShellPort, "shell");
        Bind(_control, _connection.ControlPort, "control");
        Bind(_stdin, _connection.StdinPort, "stdin");
        Bind(_iopub, _connection.IOPubPort, "iopub");
        Bind(_heartbeat, _connection.HeartbeatPort, "heartbeat");

        _heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartMessage(e.Socket.ReceiveMultipartMessage());
        _stdin.ReceiveReady += (_, e) => e.Socket.ReceiveMultipartMessage(); // input_reply without an input_request: nothing to do
        _outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var action, TimeSpan.Zero))
            {
                action();
            }
        };
        _shell.ReceiveReady += (_, e) =>
        {
            if (Receive(e.Socket, "shell") is { } message)
            {
                _shellQueue.Add((message, Stopwatch.GetTimestamp()));
            }
        };
        _control.ReceiveReady += (_, e) =>
        {
            if (Receive(e.Socket, "control") is { } message)
            {
                HandleControl(message);
            }
        };

        // The front end owns the terminal, not the cells: Console.ReadLine() in a cell sees end of input (null) instead of hanging.
        Console.SetIn(TextReader.Null);
        var worker = new Thread(ServeShell) { IsBackground = true, Name = "course kernel shell" };
        worker.Start();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            Interrupt();
        });
        _log.WriteLine($"course kernel: listening on {_connection.Ip} (shell {_connection.ShellPort}, iopub {_connection.IOPubPort}, control {_connection.ControlPort})");
        _poller.Run();
        _shellQueue.CompleteAdding();
        return 0;
    }

    public void Dispose()
    {
        _poller.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Options.Linger = TimeSpan.FromSeconds(1);
            socket.Dispose();
        }

        _outbox.Dispose();
        _shellQueue.Dispose();
        _hardStop?.Dispose();
    }

    private static NotebookKernel NewKernel() =>
        new(new CellCompilerOptions { BaseDirectory = Directory.GetCurrentDirectory(), Name = "kernel" });

    private void Bind(NetMQSocket socket, int port, string channel)
    {
        try
        {
            socket.Bind(_connection.Address(port));
        }
        catch (NetMQException ex)
        {
            throw new KernelStartupException($"cannot listen on {_connection.Address(port)} for the {channel} channel: {ex.Message}", ex);
        }
    }

    private JupyterMessage? Receive(NetMQSocket socket, string channel)
    {
        var frames = socket.ReceiveMultipartBytes();
        var message = WireFormat.Decode(frames, _signer, out var problem);
        if (message is null)
        {
            _log.WriteLine($"course kernel: ignored a {channel} message: {problem}");
        }

        return message;
    }

    // ---- sending (always through the poller thread: NetMQ sockets are not thread-safe) ----

    private void Send(NetMQSocket socket, JupyterMessage message)
    {
        var frames = WireFormat.Encode(message, _signer);
        _outbox.Enqueue(() => socket.SendMultipartMessage(new NetMQMessage(frames)));
    }

    private void Reply(NetMQSocket socket, JupyterMessage request, string type, JsonObject content) =>
        Send(socket, new JupyterMessage(request.Identities, JupyterMessage.NewHeader(type, _session), ParentOf(request), [], content));

    private void Publish(JupyterMessage? parent, string type, JsonObject content, JsonObject? metadata = null) =>
        Send(_iopub, new JupyterMessage([Encoding.UTF8.GetBytes($"kernel.{_session}.{type}")], JupyterMessage.NewHeader(type, _session), ParentOf(parent), metadata ?? [], content));

    private void Status(JupyterMessage? parent, string state) => Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    private static JsonObject ParentOf(JupyterMessage? message) => message?.Header.DeepClone().AsObject() ?? [];

    private void Stop()
    {
        _stopping = true;
        _outbox.Enqueue(() => _poller.StopAsync());
    }

    // ---- control channel (poller thread) ----

    private void HandleControl(JupyterMessage request)
    {
        Status(request, "busy");
        switch (request.MessageType)
        {
            case "kernel_info_request":
                Reply(_control, request, "kernel_info_reply", KernelInfo());
                break;
            case "interrupt_request":
                Interrupt();
                Reply(_control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(_control, request);
                break;
            default:
                _log.WriteLine($"course kernel: unsupported control message '{request.MessageType}', ignored");
                break;
        }

        Status(request, "idle");
    }

    private void Shutdown(NetMQSocket socket, JupyterMessage request)
    {
        var restart = request.Content["restart"] is JsonValue value && value.TryGetValue<bool>(out var r) && r;
        Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        Stop();
    }

    /// <summary>Interrupts the running cell, if any: its next loop iteration throws; if it is not in a loop, it is abandoned after <see cref="InterruptGrace"/>.</summary>
    private void Interrupt()
    {
        lock (_lock)
        {
            if (_running is not { } running)
            {
                return;
            }

            CellInterrupt.Request();
            _hardStop ??= new Timer(
                _ =>
                {
                    lock (_lock)
                    {
                        if (_running == running)
                        {
                            running.Cancel();
                        }
                    }
                },
                null,
                InterruptGrace,
                Timeout.InfiniteTimeSpan);
        }
    }

    // ---- shell channel (worker thread, one request at a time) ----

    private void ServeShell()
    {
        try
        {
            foreach (var (request, receivedAt) in _shellQueue.GetConsumingEnumerable())
            {
                if (_stopping)
                {
                    break;
                }

                try
                {
                    HandleShell(request, receivedAt);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _log.WriteLine($"course kernel: {request.MessageType} failed: {ex.GetType().Name}: {ex.Message}");
                    Status(request, "idle");
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The kernel is shutting down.
        }
    }

    private void HandleShell(JupyterMessage request, long receivedAt)
    {
        Status(request, "busy");
        var content = request.Content;
        switch (request.MessageType)
        {
            case "kernel_info_request":
                Reply(_shell, request, "kernel_info_reply", KernelInfo());
                break;
            case "execute_request" when receivedAt <= Interlocked.Read(ref _abortQueuedBefore):
                Reply(_shell, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
                break;
            case "execute_request":
                Execute(request);
                break;
            case "is_complete_request":
                var state = CodeAssist.IsComplete(Text(content, "code"));
                Reply(_shell, request, "is_complete_reply", state == "incomplete"
                    ? new JsonObject { ["status"] = state, ["indent"] = string.Empty }
                    : new JsonObject { ["status"] = state });
                break;
            case "complete_request":
                Complete(request);
                break;
            case "inspect_request":
                var code = Text(content, "code");
                var info = CodeAssist.Inspect(_kernel, code, CodePoints.ToUtf16(code, Number(content, "cursor_pos", code.Length)));
                Reply(_shell, request, "inspect_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["found"] = info is not null,
                    ["data"] = info is null ? new JsonObject() : new JsonObject { [MimeBundle.PlainText] = info },
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "comm_info_request":
                Reply(_shell, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "comm_open":
                // No comm targets: close it at once, as Jupyter kernels do for an unknown target.
                Publish(request, "comm_close", new JsonObject { ["comm_id"] = content["comm_id"]?.DeepClone(), ["data"] = new JsonObject() });
                break;
            case "comm_msg" or "comm_close":
                break;
            case "history_request":
                Reply(_shell, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "shutdown_request":
                Shutdown(_shell, request);
                break;
            default:
                _log.WriteLine($"course kernel: unsupported shell message '{request.MessageType}', ignored");
                break;
        }

        Status(request, "idle");
    }

    private void Complete(JupyterMessage request)
    {
        var code = Text(request.Content, "code");
        var cursor = CodePoints.ToUtf16(code, Number(request.Content, "cursor_pos", code.Length));
        var completion = CodeAssist.Complete(_kernel, code, cursor);
        var start = CodePoints.FromUtf16(code, completion.Start);
        var end = CodePoints.FromUtf16(code, completion.End);
        Reply(_shell, request, "complete_reply", new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. completion.Matches.Select(m => (JsonNode?)m)]),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray([.. completion.Matches.Zip(completion.Kinds, (m, k) => (JsonNode?)new JsonObject { ["text"] = m, ["type"] = k, ["start"] = start, ["end"] = end })]),
            },
        });
    }

    private void Execute(JupyterMessage request)
    {
        var content = request.Content;
        var code = Text(content, "code");
        var silent = Flag(content, "silent", false);
        var storeHistory = !silent && Flag(content, "store_history", true);
        var stopOnError = Flag(content, "stop_on_error", true);
        if (storeHistory)
        {
            _executionCount++;
        }

        var count = _executionCount;
        if (!silent)
        {
            Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });
        }

        var live = silent ? null : new LiveOutputs(this, request);
        var run = Run(code, count, live);
        // Streams were all published as they were written; the merged copies in the run are not sent again.
        foreach (var output in run.Outputs.Where(o => live is not null && o is not StreamOutput && !live.Seen(o)))
        {
            live!.Publish(output);
        }

        if (run.Status == CellStatus.NotRun && !silent)
        {
            Publish(request, "error", ErrorContent(new ErrorOutput("NotRun", run.NotRunReason ?? "not run", [run.NotRunReason ?? "not run"])));
        }

        if (run.Failed || run.Status == CellStatus.NotRun)
        {
            var error = run.Outputs.OfType<ErrorOutput>().LastOrDefault() ?? new ErrorOutput("NotRun", run.NotRunReason ?? "not run", []);
            var reply = ErrorContent(error);
            reply["status"] = "error";
            reply["execution_count"] = count;
            Reply(_shell, request, "execute_reply", reply);
            if (stopOnError)
            {
                Interlocked.Exchange(ref _abortQueuedBefore, Stopwatch.GetTimestamp());
            }
        }
        else
        {
            Reply(_shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
        }

        if (_kernel.AbandonedBecause is not null)
        {
            _kernel.Dispose();
            _kernel = NewKernel();
            if (!silent)
            {
                Publish(request, "stream", new JsonObject
                {
                    ["name"] = StreamOutput.StandardError,
                    ["text"] = "The cell could not be stopped where it was (it was not inside a loop), so the kernel started afresh: "
                        + "variables, types and #r references from earlier cells are gone; run them again. "
                        + "The stuck cell's thread keeps its CPU until you restart the kernel.\n",
                });
            }
        }
    }

    private CellRun Run(string code, int count, LiveOutputs? live)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new CellRun(CellStatus.Ok, [], null, TimeSpan.Zero);
        }

        if (KernelDirective.Leading(code) is { Kernel: "html" } html)
        {
            var markup = code[(code.IndexOf(html.Line, StringComparison.Ordinal) + html.Line.Length)..].TrimStart('\r').TrimStart('\n');
            return new CellRun(CellStatus.Ok, [new DisplayDataOutput(new Dictionary<string, string> { [MimeBundle.Html] = markup })], null, TimeSpan.Zero);
        }

        using var cancel = new CancellationTokenSource();
        CellInterrupt.Clear();
        lock (_lock)
        {
            _running = cancel;
        }

        _kernel.OutputObserver = live;
        try
        {
            var instrumented = LoopInterrupts.Instrument(code);
            var submission = _kernel.SubmitAsync(instrumented, null, count, cancel.Token).GetAwaiter().GetResult();
            if (submission.Run.Status == CellStatus.CompileError && !ReferenceEquals(instrumented, code))
            {
                // Report compile errors against the cell as written (columns after an inserted check would be off).
                submission = _kernel.SubmitAsync(code, null, count, cancel.Token).GetAwaiter().GetResult();
            }

            return submission.Run;
        }
        finally
        {
            lock (_lock)
            {
                _running = null;
                _hardStop?.Dispose();
                _hardStop = null;
            }

            _kernel.OutputObserver = null;
            CellInterrupt.Clear();
        }
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "course-csharp",
        ["implementation_version"] = typeof(KernelServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (course): the Collective Security course's own kernel, on .NET {Environment.Version} and Roslyn",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    private static JsonObject ErrorContent(ErrorOutput error) => new()
    {
        ["ename"] = error.EName,
        ["evalue"] = error.EValue,
        ["traceback"] = new JsonArray([.. error.Traceback.Select(line => (JsonNode?)line)]),
    };

    internal static JsonObject MimeData(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (mime, text) in data)
        {
            JsonNode? value = text;
            if (MimeBundle.IsJson(mime))
            {
                try
                {
                    value = JsonNode.Parse(text);
                }
                catch (System.Text.Json.JsonException)
                {
                    value = text;
                }
            }

            json[mime] = value;
        }

        return json;
    }

    private static string Text(JsonObject content, string name) =>
        content[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    private static bool Flag(JsonObject content, string name, bool fallback) =>
        content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    private static int Number(JsonObject content, string name, int fallback) =>
        content[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : fallback;

    /// <summary>Publishes a running cell's outputs on IOPub as they happen; displays get a display id so updates replace them.</summary>
    private sealed class LiveOutputs(KernelServer server, JupyterMessage request) : ICellOutputObserver
    {
        private readonly ConditionalWeakTable<NotebookOutput, string> _displayIds = [];
        private readonly HashSet<NotebookOutput> _seen = new(ReferenceEqualityComparer.Instance);

        public bool Seen(NotebookOutput output)
        {
            lock (_seen)
            {
                return _seen.Contains(output);
            }
        }

        public void OnStream(string name, string text) =>
            server.Publish(request, "stream", new JsonObject { ["name"] = name, ["text"] = text });

        public void OnAdded(NotebookOutput output) => Publish(output);

        public void OnReplaced(NotebookOutput old, NotebookOutput replacement)
        {
            if (replacement is not DisplayDataOutput display)
            {
                return;
            }

            lock (_seen)
            {
                _seen.Add(replacement);
            }

            var id = _displayIds.TryGetValue(old, out var known) ? known : Guid.NewGuid().ToString("N");
            _displayIds.AddOrUpdate(replacement, id);
            server.Publish(request, "update_display_data", new JsonObject
            {
                ["data"] = MimeData(display.Data),
                ["metadata"] = display.Metadata.DeepClone(),
                ["transient"] = new JsonObject { ["display_id"] = id },
            });
        }

        public void Publish(NotebookOutput output)
        {
            lock (_seen)
            {
                _seen.Add(output);
            }

            switch (output)
            {
                case StreamOutput stream:
                    OnStream(stream.Name, stream.Text);
                    break;
                case DisplayDataOutput display:
                    var id = Guid.NewGuid().ToString("N");
                    _displayIds.AddOrUpdate(display, id);
                    server.Publish(request, "display_data", new JsonObject
                    {
                        ["data"] = MimeData(display.Data),
                        ["metadata"] = display.Metadata.DeepClone(),
                        ["transient"] = new JsonObject { ["display_id"] = id },
                    });
                    break;
                case ExecuteResultOutput result:
                    server.Publish(request, "execute_result", new JsonObject
                    {
                        ["execution_count"] = result.ExecutionCount,
                        ["data"] = MimeData(result.Data),
                        ["metadata"] = result.Metadata.DeepClone(),
                    });
                    break;
                case ErrorOutput error:
                    server.Publish(request, "error", ErrorContent(error));
                    break;
            }
        }
    }
}

/// <summary>Jupyter counts cursor positions in Unicode code points (protocol 5.2+); .NET strings count UTF-16 units.</summary>
internal static class CodePoints
{
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        }

        return index;
    }

    public static int FromUtf16(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
        }

        return count;
    }
}
