using System.Diagnostics;
using System.Globalization;
using System.Text;
using Course.Grading.Assignments;
using Course.Grading.Batch;
using Course.Grading.Release;
using Course.Grading.Sandbox;
using Course.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Benchmarks;

/// <summary>
/// <c>grade</c>: how fast <c>course grade</c> is, against the usual C# classroom practice. Generates N
/// synthetic submissions of an assignment (a mix of correct, partly correct and not attempted), grades
/// them as <c>course grade</c> does (cold: including Roslyn's start; then warm, on a fresh output
/// folder), and prints submissions per second. Then, for a few of the same submissions, it builds the
/// usual practice, one xunit project per submission (the answer code pasted into a test class, each
/// test cell a [Fact]), times <c>dotnet test</c> on each, and prints the ratio.
/// Options: --count N (default 40), --jobs N (default cores), --notebook PATH (an instructor notebook;
/// default the grading tests' assignment), --dotnet-test K (default 3; 0 skips it).
/// </summary>
public static class GradeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = IntOption(args, "--count", 40);
        var jobs = IntOption(args, "--jobs", Environment.ProcessorCount);
        var dotnetTests = IntOption(args, "--dotnet-test", 3);
        var course = CourseDirectory.TryFind() ?? throw new InvalidOperationException("run from inside the course repository");
        var notebook = Option(args, "--notebook") ?? Path.Combine(course.Root, "tests", "Course.Grading.Tests", "Assignment", "source", "council-votes.ipynb");
        var assignment = Assignment.Load(notebook);
        var root = Path.Combine(Path.GetTempPath(), "course-grade-benchmark", Guid.NewGuid().ToString("N")[..8]);
        var submissions = Path.Combine(root, "submissions");
        var kinds = WriteSubmissions(assignment, submissions, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"assignment {assignment.Name}: {assignment.Tests.Count} tests; {count} synthetic submissions ({kinds}); {jobs} jobs on {Environment.ProcessorCount} cores"));

        var worker = new WorkerOptions { WorkRoot = Path.Combine(root, "work") };
        if (Bubblewrap.Probe(worker) is { } problem)
        {
            Console.WriteLine("no grading sandbox here (" + problem + "): every figure below is without it");
            worker = worker with { Sandboxed = false };
        }
        else
        {
            Console.WriteLine("sandbox: bubblewrap; " + WorkerCgroup.Availability);
        }

        var cold = await GradeAsync(assignment, submissions, Path.Combine(root, "out-cold"), jobs, worker, course).ConfigureAwait(false);
        var warm = await GradeAsync(assignment, submissions, Path.Combine(root, "out-warm"), jobs, worker, course).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"course grade, cold (Roslyn starting): {count} submissions in {cold.TotalSeconds:0.00} s = {count / cold.TotalSeconds:0.0} submissions/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"course grade, warm:                   {count} submissions in {warm.TotalSeconds:0.00} s = {count / warm.TotalSeconds:0.0} submissions/s"));
        if (worker.Sandboxed)
        {
            // The same warm grading without the sandbox, twice each, alternating, so load on a shared machine falls on both.
            var sandboxed = new List<double> { warm.TotalSeconds };
            var plain = new List<double>();
            for (var round = 0; round < 2; round++)
            {
                plain.Add((await GradeAsync(assignment, submissions, Path.Combine(root, $"out-plain-{round}"), jobs, worker with { Sandboxed = false }, course).ConfigureAwait(false)).TotalSeconds);
                if (round == 0)
                {
                    sandboxed.Add((await GradeAsync(assignment, submissions, Path.Combine(root, "out-warm-again"), jobs, worker, course).ConfigureAwait(false)).TotalSeconds);
                }
            }

            var withSandbox = count / sandboxed.Min();
            var without = count / plain.Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"course grade, warm, sandboxed:        {withSandbox:0.0} submissions/s (best of {sandboxed.Count})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"course grade, warm, --no-sandbox:     {without:0.0} submissions/s (best of {plain.Count})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sandboxed throughput / throughput without the sandbox: {withSandbox / without:0.00} (aim: at least 0.80)"));
        }

        if (dotnetTests > 0)
        {
            var perProject = new List<double>();
            var builtProjects = 0;
            foreach (var student in Directory.GetDirectories(submissions).Order(StringComparer.Ordinal).Take(dotnetTests))
            {
                var project = WriteXunitProject(assignment, Path.Combine(student, assignment.FileName), Path.Combine(root, "dotnet-test", Path.GetFileName(student)), course);
                var clock = Stopwatch.StartNew();
                var (exit, built) = await RunDotnetTestAsync(project).ConfigureAwait(false);
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet test {Path.GetFileName(student)}: {seconds:0.00} s (exit {exit}: {(!built ? "did not build: this notebook does not translate into a plain test project, not counted" : exit == 0 ? "all facts passed" : "some facts failed")})"));
                if (built)
                {
                    perProject.Add(seconds);
                    builtProjects++;
                }
            }

            if (builtProjects == 0)
            {
                Console.WriteLine("no dotnet test project built, so no ratio");
                return 0;
            }

            var mean = perProject.Average();
            var perSubmissionCold = cold.TotalSeconds / count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one dotnet test project per submission: {mean:0.00} s each = {1 / mean:0.00} submissions/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: course grade is {mean / perSubmissionCold:0} times faster per submission cold ({mean / (warm.TotalSeconds / count):0} times warm)"));
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder are harmless.
        }

        return 0;
    }

    private static async Task<TimeSpan> GradeAsync(Assignment assignment, string submissions, string output, int jobs, WorkerOptions worker, CourseDirectory course)
    {
        var clock = Stopwatch.StartNew();
        var workerCpu = WorkerProcess.TotalWorkerProcessorTime;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var batch = new GradeBatch(new GradeRequest([assignment], submissions, output, jobs, worker, course.CourseLibAssembly));
        var summary = await batch.RunAsync(null, CancellationToken.None).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var cpu = (WorkerProcess.TotalWorkerProcessorTime - workerCpu) + (Process.GetCurrentProcess().TotalProcessorTime - ownCpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  processor time: grader {(Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds:0.00} s + workers {(WorkerProcess.TotalWorkerProcessorTime - workerCpu).TotalSeconds:0.00} s = {cpu.TotalMilliseconds / GradedCount(output):0} ms per submission, so {Environment.ProcessorCount * GradedCount(output) / cpu.TotalSeconds:0.0} submissions/s if the {Environment.ProcessorCount} cores were ours alone"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  graded {summary.Graded}, {summary.CouldNotRun} could not run; {batch.Compiler.CacheHits} cell compilations from the cache; {batch.Runner.WorkersStarted} workers; compiling {batch.Compiler.TimeSpent.TotalSeconds:0.00} s, starting workers {batch.Runner.StartTime.TotalSeconds:0.00} s (summed over jobs)"));
        return elapsed;
    }

    private static int GradedCount(string output) => Directory.GetDirectories(output).Length;

    /// <summary>Every third submission correct, every third partly (first answer only), the rest untouched.</summary>
    private static string WriteSubmissions(Assignment assignment, string folder, int count)
    {
        var released = StudentVersion.Create(assignment.Source, assignment.FileName);
        for (var i = 0; i < count; i++)
        {
            var submission = released.Clone();
            var answers = 0;
            for (var c = 0; c < submission.Cells.Count; c++)
            {
                if (submission.Cells[c].Nbgrader is not { Solution: true })
                {
                    continue;
                }

                var solve = (i % 3) switch
                {
                    0 => true,
                    1 => answers == 0,
                    _ => false,
                };
                if (solve)
                {
                    submission.Cells[c].Source = SolutionOf(assignment.Source.Cells[c].Source);
                }

                answers++;
            }

            var student = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"student-{i:000}"));
            Directory.CreateDirectory(student);
            submission.Save(Path.Combine(student, assignment.FileName));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(count + 2) / 3} correct, {(count + 1) / 3} partly, {count / 3} not attempted");
    }

    private static string SolutionOf(string source) =>
        string.Join('\n', Markers.Lines(source).Where(l => !Markers.Is(l, Markers.BeginSolution) && !Markers.Is(l, Markers.EndSolution)));

    /// <summary>
    /// The usual practice for one submission: an xunit project whose test class holds the notebook's
    /// code (types hoisted to the namespace; statements and methods pasted into each test) and one
    /// [Fact] per test cell.
    /// </summary>
    private static string WriteXunitProject(Assignment assignment, string submissionPath, string folder, CourseDirectory course)
    {
        Directory.CreateDirectory(folder);
        var submission = Notebook.Load(submissionPath);
        var types = new StringBuilder();
        var usings = new SortedSet<string>(StringComparer.Ordinal) { "using Xunit;" };
        var body = new StringBuilder();
        var facts = new StringBuilder();
        var usesLibrary = false;
        foreach (var cell in submission.Cells.Where(c => c.Kind == CellKind.Code))
        {
            var nb = cell.Nbgrader;
            var source = nb is { IsTest: true }
                ? assignment.Source.Cells.First(c => c.Nbgrader?.GradeId == nb.GradeId).Source
                : cell.Source;
            usesLibrary |= source.Contains(CourseDirectory.CourseLibFileName, StringComparison.Ordinal);
            source = string.Join('\n', source.Split('\n').Select(l => l.TrimStart().StartsWith('#') ? "// " + l : l));
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
            var code = new StringBuilder();
            usings.UnionWith(root.Usings.Select(u => u.ToString()));
            foreach (var member in root.Members)
            {
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    types.AppendLine(member.ToFullString());
                }
                else if (member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } shown })
                {
                    code.AppendLine($"display({shown.Expression});"); // a script's trailing value
                }
                else
                {
                    code.AppendLine(member.ToFullString());
                }
            }

            if (nb is { IsTest: true })
            {
                facts.Append(CultureInfo.InvariantCulture, $"    [Fact]\n    public void {Identifier(nb.GradeId)}()\n    {{\n{body}\n{code}\n    }}\n\n");
            }
            else
            {
                body.Append(code);
            }
        }

        var reference = usesLibrary
            ? $"  <ItemGroup>\n    <Reference Include=\"{course.CourseLibAssembly}\" />\n  </ItemGroup>\n"
            : string.Empty;
        File.WriteAllText(Path.Combine(folder, "Submission.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>disable</Nullable>
                <IsPackable>false</IsPackable>
                <NoWarn>CS8321;CS0168;CS0219</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
            {reference}</Project>
            """);
        File.WriteAllText(Path.Combine(folder, "SubmissionTests.cs"), $"{string.Join('\n', usings)}\n\n{types}\npublic class SubmissionTests\n{{\n    private static void display(object value) => Console.WriteLine(value);\n\n{facts}}}\n");
        return folder;
    }

    private static string Identifier(string gradeId) =>
        string.Concat(gradeId.Split('-', '_', ' ').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static async Task<(int Exit, bool Built)> RunDotnetTestAsync(string folder)
    {
        var start = new ProcessStartInfo(new WorkerOptions().DotnetHost)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "test", "--nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        await Task.WhenAll(output, error).ConfigureAwait(false);
        var text = await output.ConfigureAwait(false) + await error.ConfigureAwait(false);
        var firstError = text.Split('\n').FirstOrDefault(l => l.Contains("error ", StringComparison.Ordinal));
        if (firstError is not null)
        {
            Console.WriteLine("  " + firstError.Trim());
        }

        return (process.ExitCode, firstError is null);
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
