using System.Diagnostics;
using System.Reflection;

namespace Course.Engine.Runtime;

/// <summary>Describes an exception thrown by a cell: type, message, and the line of the cell it came from.</summary>
internal static class ExceptionErrors
{
    public static CellError Describe(Exception exception, Assembly cellAssembly)
    {
        var line = LineInCell(exception, cellAssembly);
        var message = MessageOf(exception).ReplaceLineEndings(" ");
        var where = line is { } l ? $" (line {l} of the cell)" : string.Empty;
        return new CellError(exception.GetType().FullName ?? exception.GetType().Name, message + where, line);
    }

    /// <summary>The exception and the frames in notebook code, as the traceback of the error output.</summary>
    public static IReadOnlyList<string> Traceback(Exception exception, Assembly cellAssembly)
    {
        var lines = new List<string> { $"{exception.GetType().FullName}: {MessageOf(exception)}" };
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.Module.Assembly is { } assembly && IsSubmission(assembly) && frame.GetFileLineNumber() > 0)
            {
                var cell = assembly == cellAssembly ? "this cell" : "an earlier cell";
                lines.Add($"   at line {frame.GetFileLineNumber()} of {cell}");
            }
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            lines.Add($" ---> {inner.GetType().FullName}: {MessageOf(inner)}");
        }

        return lines;
    }

    /// <summary>
    /// The exception's message; a notebook's own exception type can override <see cref="Exception.Message"/>, and a
    /// getter that throws must not take the whole process down while the error is being reported.
    /// </summary>
    private static string MessageOf(Exception exception)
    {
        try
        {
            return exception.Message ?? string.Empty;
        }
#pragma warning disable CA1031 // whatever the getter throws, the cell's error is still reported
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"(its Message threw {ex.GetType().FullName})";
        }
    }

    private static int? LineInCell(Exception exception, Assembly cellAssembly)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        return frames.FirstOrDefault(f => f.GetMethod()?.Module.Assembly == cellAssembly && f.GetFileLineNumber() > 0)?.GetFileLineNumber();
    }

    // Submission assemblies are loaded from bytes: no location.
    private static bool IsSubmission(Assembly assembly) => assembly.IsDynamic || assembly.Location.Length == 0;
}
