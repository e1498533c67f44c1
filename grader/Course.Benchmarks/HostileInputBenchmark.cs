using System.Diagnostics;
using System.Globalization;
using System.Text;
using Course.Grading.Assignments;
using Course.Grading.Batch;
using Course.Grading.Sandbox;
using Course.Notebooks;

namespace Course.Benchmarks;

/// <summary>
/// <c>hostile</c>: what hostile notebooks cost the grader's own process. Grades, one at a time in this
/// process as <c>course grade</c> does, an honest submission and then notebooks built to exhaust the parent
/// (the 6,000-cell notebook that once took 24 GB, the most cells and code cells the reader accepts, a
/// million JSON values, 200 levels of nesting, a 19 MB string), and prints for each its row, the time, the
/// managed bytes allocated and the process's peak working set so far (it only grows, so a case that does
/// not raise it cost no more than the cases before it). Options: --keep (leave the files).
/// </summary>
public static class HostileInputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var course = CourseDirectory.TryFind() ?? throw new InvalidOperationException("run from inside the course repository");
        var source = Path.Combine(course.Root, "tests", "Course.Grading.Tests", "Assignment", "source", "council-votes.ipynb");
        var honest = File.ReadAllText(Path.Combine(course.Root, "tests", "Course.Grading.Tests", "Scenarios", "all-correct", "submission", "council-votes.ipynb"));
        var assignment = Assignment.Load(source);
        var root = Path.Combine(Path.GetTempPath(), "course-hostile-benchmark", Guid.NewGuid().ToString("N")[..8]);
        var worker = new WorkerOptions { WorkRoot = Path.Combine(root, "work") };
        var cases = new (string Name, string Json)[]
        {
            ("honest", honest),
            ("6000-code-cells", Notebook(Enumerable.Range(0, 6000).Select(CodeCell))),
            ("1000-cells-300-code", Notebook(Enumerable.Range(0, 1000).Select(i => i < 300 ? CodeCell(i) : "{\"cell_type\":\"raw\",\"metadata\":{},\"source\":\"\"}"))),
            ("1000000-json-values", Notebook([], "\"z\":[" + string.Join(",", Enumerable.Repeat("0", 999_900)) + "]")),
            ("200-levels-deep", Notebook([], "\"d\":" + new string('[', 200) + new string(']', 200))),
            ("19-MB-string", Notebook([], "\"s\":\"" + new string('x', 19 * 1024 * 1024) + "\"")),
        };

        Console.WriteLine("case                  row                                                                 seconds  allocated MB  peak working set MB");
        foreach (var (name, json) in cases)
        {
            var submissions = Path.Combine(root, name, "submissions");
            Directory.CreateDirectory(Path.Combine(submissions, "student"));
            await File.WriteAllTextAsync(Path.Combine(submissions, "student", assignment.FileName), json).ConfigureAwait(false);
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var clock = Stopwatch.StartNew();
            var batch = new GradeBatch(new GradeRequest([assignment], submissions, Path.Combine(root, name, "out"), 1, worker, course.CourseLibAssembly));
            await batch.RunAsync(null, CancellationToken.None).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            var row = File.ReadAllLines(Path.Combine(root, name, "out", "gradebook.csv"))[1];
            var summary = File.ReadAllText(Path.Combine(root, name, "out", "student", assignment.Name, "results.json"));
            var output = System.Text.Json.Nodes.JsonNode.Parse(summary)!["output"]!.GetValue<string>();
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-21} {Shorten(row + " " + output, 67),-67} {seconds,7:0.00}  {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1048576.0,12:0.0}  {self.PeakWorkingSet64 / 1048576.0,19:0}"));
        }

        if (!args.Contains("--keep"))
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static string CodeCell(int i) => $"{{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{{}},\"outputs\":[],\"source\":\"var x{i} = {i};\"}}";

    private static string Notebook(IEnumerable<string> cells, string? metadata = null) =>
        new StringBuilder("{\"cells\":[").AppendJoin(",", cells).Append("],\"metadata\":{").Append(metadata).Append("},\"nbformat\":4,\"nbformat_minor\":5}").ToString();

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
