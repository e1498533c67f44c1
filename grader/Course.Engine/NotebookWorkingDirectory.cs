namespace Course.Engine;

/// <summary>
/// Gives a notebook's code its own folder as working directory, as Polyglot Notebooks and Jupyter start
/// a notebook's kernel in the notebook's folder: <c>File.ReadAllLines("members.csv")</c> reads the file
/// next to the notebook, whatever folder <c>course</c> was started from.
/// <para>
/// A process has one working directory, and <c>course run</c> runs several notebooks at once in one
/// process. So the working directory is leased: notebooks of the same folder share a lease and run
/// together; a notebook of another folder waits until every holder of the current lease is done
/// (first come, first served: once a notebook of another folder waits, newcomers queue behind it).
/// When the last lease ends, the process's original working directory comes back. Code that outlives
/// its notebook (a cell abandoned after its time limit) is not covered.
/// </para>
/// </summary>
public static class NotebookWorkingDirectory
{
    private static readonly Lock Gate = new();
    private static readonly LinkedList<(string Folder, TaskCompletionSource Granted)> Waiting = new();
    private static string? _held;
    private static int _holders;
    private static string? _original;

    /// <summary>The folder currently leased, or null when none is.</summary>
    public static string? Current
    {
        get
        {
            lock (Gate)
            {
                return _held;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="folder"/> can be the working directory, makes it so, and returns the
    /// lease; disposing the lease gives the working directory back. Throws <see cref="DirectoryNotFoundException"/>
    /// when the folder does not exist.
    /// </summary>
    public static async Task<IDisposable> EnterAsync(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{full}: no such folder");
        }

        TaskCompletionSource granted;
        lock (Gate)
        {
            if (Waiting.Count == 0 && (_holders == 0 || _held == full))
            {
                Grant(full);
                return new Lease();
            }

            granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Waiting.AddLast((full, granted));
        }

        await granted.Task.ConfigureAwait(false);
        return new Lease();
    }

    // Under Gate.
    private static void Grant(string folder)
    {
        if (_holders == 0)
        {
            _original ??= Directory.GetCurrentDirectory();
            if (_held != folder)
            {
                Directory.SetCurrentDirectory(folder);
                _held = folder;
            }
        }

        _holders++;
    }

    private static void Release()
    {
        lock (Gate)
        {
            if (--_holders > 0)
            {
                return;
            }

            while (Waiting.First is { } first)
            {
                var folder = first.Value.Folder;
                try
                {
                    Grant(folder);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The folder went away while its notebook waited: that notebook fails, the next one goes.
                    Waiting.RemoveFirst();
                    first.Value.Granted.TrySetException(ex);
                    continue;
                }

                _holders--;
                for (var node = Waiting.First; node is not null;)
                {
                    var next = node.Next;
                    if (node.Value.Folder == folder)
                    {
                        Waiting.Remove(node);
                        _holders++;
                        node.Value.Granted.TrySetResult();
                    }

                    node = next;
                }

                return;
            }

            _held = null;
            if (_original is { } original)
            {
                _original = null;
                try
                {
                    Directory.SetCurrentDirectory(original);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The original folder is gone: stay where we are.
                }
            }
        }
    }

    private sealed class Lease : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Release();
            }
        }
    }
}
