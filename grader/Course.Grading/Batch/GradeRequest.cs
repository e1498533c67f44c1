using Course.Grading.Assignments;
using Course.Grading.Sandbox;

namespace Course.Grading.Batch;

/// <summary>What <c>course grade</c> was asked: the assignments, the submissions folder, where to write, how many at once.</summary>
public sealed record GradeRequest(IReadOnlyList<Assignment> Assignments, string SubmissionsFolder, string OutFolder, int Jobs, WorkerOptions Worker, string? CourseLibrary);

/// <summary>What a batch did: how many graded, reused from an earlier run, could not run at all, and how long it took.</summary>
public sealed record GradeSummary(int Graded, int Reused, int CouldNotRun, TimeSpan Elapsed, string GradebookPath);

/// <summary>Told about a batch's progress (the CLI shows a progress bar or plain lines).</summary>
public interface IGradeProgress
{
    void Started(int submissions);

    void Finished(Results.SubmissionResult result, bool reused);
}
