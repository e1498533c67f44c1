using System.Diagnostics;
using Course.Notebooks;

namespace Course.Engine;

/// <summary>One notebook file's run in a batch.</summary>
/// <param name="Path">The notebook file.</param>
/// <param name="Result">Its run.</param>
public sealed record NotebookFileRun(string Path, NotebookRunResult Result)
{
    /// <summary>The file name, as messages name the notebook.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>The runs of several notebooks, in the order given.</summary>
/// <param name="Runs">One per notebook.</param>
/// <param name="Elapsed">Wall time of the whole batch.</param>
public sealed record NotebookBatchResult(IReadOnlyList<NotebookFileRun> Runs, TimeSpan Elapsed)
{
    public bool Succeeded => Runs.All(r => r.Result.Succeeded);
}

/// <summary>
/// Runs several notebook files, in parallel (one kernel each; Roslyn is warmed once per process and
/// shared), after reading all of them first: a malformed file stops the batch before anything runs.
/// </summary>
public static class NotebookBatch
{
    /// <summary>Reads every file (throwing <see cref="NotebookFormatException"/> for the first bad one), then runs them.</summary>
    public static async Task<NotebookBatchResult> RunAsync(IReadOnlyList<string> paths, NotebookRunOptions? options = null, int? maxParallel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clock = Stopwatch.StartNew();
        var notebooks = paths.Select(Notebook.Load).ToList();
        var runs = new NotebookFileRun[notebooks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, notebooks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallel ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) => runs[i] = new NotebookFileRun(paths[i], await NotebookRunner.RunAsync(notebooks[i], options, ct).ConfigureAwait(false))).ConfigureAwait(false);
        return new NotebookBatchResult(runs, clock.Elapsed);
    }
}
