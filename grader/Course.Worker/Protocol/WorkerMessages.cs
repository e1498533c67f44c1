using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Engine.Runtime;
using Course.Notebooks;

namespace Course.Worker.Protocol;

/// <summary>What the grader asks a worker to do.</summary>
public abstract record WorkerRequest;

/// <summary>Run one compiled cell in the worker's chain of submissions.</summary>
public sealed record RunCellRequest(CompiledCell Cell, int ExecutionCount) : WorkerRequest;

/// <summary>Finish: the worker exits with code 0.</summary>
public sealed record ExitRequest : WorkerRequest;

/// <summary>
/// The messages inside the frames of <see cref="FrameChannel"/>, as UTF-8 JSON: requests carry a
/// <see cref="CompiledCell"/> (the PE image in base64), replies a <see cref="CellRun"/> whose outputs are
/// nbformat outputs. Replies are capped (<see cref="MaxReplyTextChars"/>) so a flood of prints stays small.
/// </summary>
public static class WorkerMessages
{
    /// <summary>Text characters a reply may carry across its outputs; the rest is cut with a note.</summary>
    public const int MaxReplyTextChars = 64 * 1024;

    public static byte[] Encode(WorkerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = request switch
        {
            RunCellRequest run => new JsonObject
            {
                ["kind"] = "run",
                ["executionCount"] = run.ExecutionCount,
                ["slot"] = run.Cell.Slot,
                ["assemblyName"] = run.Cell.AssemblyName,
                ["image"] = Convert.ToBase64String(run.Cell.Image),
                ["factoryType"] = run.Cell.FactoryTypeName,
                ["factoryMethod"] = run.Cell.FactoryMethodName,
                ["displaysValue"] = run.Cell.DisplaysValue,
                ["references"] = new JsonArray([.. run.Cell.References.Select(r => (JsonNode)r)]),
            },
            ExitRequest => new JsonObject { ["kind"] = "exit" },
            _ => throw new ArgumentException("unknown request " + request.GetType().Name, nameof(request)),
        };
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    public static WorkerRequest DecodeRequest(byte[] payload)
    {
        var json = Parse(payload);
        return (string?)json["kind"] switch
        {
            "exit" => new ExitRequest(),
            "run" => new RunCellRequest(
                new CompiledCell(
                    (int)json["slot"]!,
                    (string)json["assemblyName"]!,
                    Convert.FromBase64String((string)json["image"]!),
                    (string)json["factoryType"]!,
                    (string)json["factoryMethod"]!,
                    (bool)json["displaysValue"]!,
                    [.. json["references"]!.AsArray().Select(r => (string)r!)]),
                (int)json["executionCount"]!),
            var other => throw new ProtocolViolationException($"unknown request kind '{other}'"),
        };
    }

    public static byte[] Encode(CellRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = new JsonObject
        {
            ["status"] = run.Status.ToString(),
            ["durationMs"] = run.Duration.TotalMilliseconds,
            ["outputs"] = new JsonArray([.. Cap(run.Outputs).Select(o => (JsonNode)o.ToJson())]),
        };
        if (run.Error is { } error)
        {
            json["error"] = new JsonObject { ["type"] = error.Type, ["message"] = Truncate(error.Message, 4096), ["line"] = error.Line };
        }

        if (run.NotRunReason is { } reason)
        {
            json["notRunReason"] = reason;
        }

        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    /// <summary>
    /// A worker's reply. The worker runs untrusted code, so anything that is not a well-formed cell run
    /// (missing or mistyped members, unknown statuses, malformed outputs) throws
    /// <see cref="ProtocolViolationException"/>, which fails that cell, and nothing else.
    /// </summary>
    public static CellRun DecodeRun(byte[] payload)
    {
        var json = Parse(payload);
        if (!Enum.TryParse<CellStatus>((string?)(json["status"] as JsonValue), out var status) || !Enum.IsDefined(status))
        {
            throw new ProtocolViolationException("a reply without a known status");
        }

        try
        {
            var outputs = json["outputs"]!.AsArray().Select((o, i) => NotebookOutput.FromJson(o, "worker", "output " + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();
            var error = json["error"] is JsonObject e ? new CellError((string)e["type"]!, (string)e["message"]!, (int?)e["line"]) : null;
            var duration = (double)json["durationMs"]!;
            if (!double.IsFinite(duration) || duration < 0 || duration > TimeSpan.MaxValue.TotalMilliseconds / 2)
            {
                throw new ProtocolViolationException("a reply with an impossible duration");
            }

            return new CellRun(status, outputs, error, TimeSpan.FromMilliseconds(duration), (string?)json["notRunReason"]);
        }
        catch (Exception ex) when (ex is not ProtocolViolationException)
        {
            throw new ProtocolViolationException("a reply that is not a cell run (" + ex.GetType().Name + ")", ex);
        }
    }

    private static JsonObject Parse(byte[] payload)
    {
        try
        {
            return JsonNode.Parse(payload) as JsonObject ?? throw new ProtocolViolationException("a message that is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new ProtocolViolationException("a message that is not JSON: " + ex.Message, ex);
        }
    }

    /// <summary>Keeps at most <see cref="MaxReplyTextChars"/> of text across the outputs, in order.</summary>
    private static List<NotebookOutput> Cap(IReadOnlyList<NotebookOutput> outputs)
    {
        var left = MaxReplyTextChars;
        var kept = new List<NotebookOutput>();
        foreach (var output in outputs)
        {
            var size = output switch
            {
                StreamOutput s => s.Text.Length,
                DisplayDataOutput d => d.Data.Values.Sum(v => v.Length),
                ExecuteResultOutput r => r.Data.Values.Sum(v => v.Length),
                ErrorOutput e => e.EValue.Length,
                _ => 0,
            };
            if (output is ErrorOutput)
            {
                kept.Add(output); // the error always travels: it is the cell's outcome
            }
            else if (size <= left)
            {
                kept.Add(output);
                left -= size;
            }
            else if (output is StreamOutput stream && left > 0)
            {
                kept.Add(stream with { Text = stream.Text[..left] + $"\n[output truncated: the cell printed more than {MaxReplyTextChars} characters]\n" });
                left = 0;
            }
            else
            {
                left = 0;
            }
        }

        return kept;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
