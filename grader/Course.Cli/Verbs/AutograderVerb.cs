using System.CommandLine;
using Course.Cli.Autograder;
using Course.Cli.Infrastructure;
using Course.Grading.Assignments;
using Course.Notebooks;

namespace Course.Cli.Verbs;

/// <summary>
/// <c>course autograder --source &lt;instructor notebook&gt; --out FILE.zip [--force] [--grader DIR]
/// [--timeout SECONDS] [--submission-timeout SECONDS] [--memory MB]</c>: writes a Gradescope autograder
/// bundle that grades one submission with this course's grader (see <see cref="AutograderBundle"/>).
/// </summary>
public static class AutograderVerb
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var source = new Option<string>("--source") { Description = "The instructor's notebook (with solutions and hidden tests) to grade with.", Required = true };
        var output = new Option<string>("--out") { Description = "The bundle to write, a .zip file to upload to Gradescope.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace --out if it exists." };
        var grader = new Option<string>("--grader") { Description = "A framework-dependent build of the course CLI to ship (by default, the one running: e.g. the output of `dotnet publish grader/Course.Cli`)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run before it is stopped.", DefaultValueFactory = _ => 10 };
        var submissionTimeout = new Option<double>("--submission-timeout") { Description = "Seconds a whole submission may run.", DefaultValueFactory = _ => 120 };
        var memory = new Option<int>("--memory") { Description = "Managed heap limit per submission, in MB.", DefaultValueFactory = _ => 256 };
        var command = new Command("autograder", "Write a Gradescope autograder bundle (setup.sh, run_autograder) that grades one submission with this course's grader.")
        {
            source, output, force, grader, timeout, submissionTimeout, memory,
        };
        command.SetAction(parse =>
        {
            var sourcePath = parse.GetValue(source)!;
            var zipPath = parse.GetValue(output)!;
            var cellSeconds = parse.GetValue(timeout);
            var submissionSeconds = parse.GetValue(submissionTimeout);
            var megabytes = parse.GetValue(memory);
            if (!File.Exists(sourcePath) || !sourcePath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            {
                throw new CourseUserException($"--source {sourcePath}: not an existing .ipynb file (a bundle grades one assignment)");
            }

            if (!zipPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new CourseUserException($"--out {zipPath}: must be a .zip file");
            }

            if (File.Exists(zipPath) && !parse.GetValue(force))
            {
                throw new CourseUserException($"--out {zipPath}: already exists (add --force to replace it)");
            }

            if (Directory.Exists(zipPath) || !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(zipPath))))
            {
                throw new CourseUserException($"--out {zipPath}: its folder does not exist, or it is a folder");
            }

            if (cellSeconds is <= 0 or > 3600 || submissionSeconds is <= 0 or > 24 * 3600)
            {
                throw new CourseUserException("--timeout and --submission-timeout must be positive numbers of seconds");
            }

            if (megabytes is < 32 or > 65536)
            {
                throw new CourseUserException($"--memory {megabytes}: must be between 32 and 65536 MB");
            }

            Assignment assignment;
            try
            {
                assignment = Assignment.Load(sourcePath);
            }
            catch (AssignmentFormatException ex)
            {
                throw new CourseUserException(ex.Message, ex);
            }

            var graderDirectory = parse.GetValue(grader) ?? AppContext.BaseDirectory;
            if (!Directory.Exists(graderDirectory))
            {
                throw new CourseUserException($"--grader {graderDirectory}: no such folder");
            }

            var course = CourseDirectory.TryFind(Path.GetDirectoryName(assignment.SourcePath)) ?? CourseDirectory.TryFind();
            var request = new AutograderBundleRequest(assignment, graderDirectory, course?.CourseLibDirectory, cellSeconds, submissionSeconds, megabytes);
            var files = AutograderBundle.Write(request, zipPath);
            console.WriteLine(
                $"wrote {zipPath}: Gradescope autograder for {assignment.FileName} ({assignment.Tests.Count} tests, {Course.Grading.Reports.Gradebook.Number(assignment.MaxScore)} points, {files} files); " +
                "upload it as the assignment's autograder, with the Ubuntu base image");
            return 0;
        });
        return command;
    }
}
