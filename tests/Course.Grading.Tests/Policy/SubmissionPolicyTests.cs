using Course.Grading.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Grading.Tests.Policy;

/// <summary>The policy check on real Roslyn script compilations, as cells are compiled.</summary>
public sealed class SubmissionPolicyTests
{
    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    private static readonly SubmissionPolicy Policy = new(["../artifacts/course-lib/CollectiveSecurity.dll"]);

    private static IReadOnlyList<PolicyViolation> Check(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        var compilation = CSharpCompilation.CreateScriptCompilation(
            "cell",
            tree,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ["System", "System.IO", "System.Linq", "System.Collections.Generic"]));
        return Policy.Check(compilation.GetSemanticModel(tree), tree);
    }

    [Theory]
    [InlineData("var xs = new List<int> { 1, 2, 3 };\nConsole.WriteLine(xs.Sum());")]
    [InlineData("double Mean(IEnumerable<double> v) => v.Average();\nMean(new[] { 1.0 })")]
    [InlineData("File.WriteAllText(\"notes/answer.txt\", \"42\");\nvar t = File.ReadAllText(\"notes/answer.txt\");")]
    [InlineData("using var w = new StreamWriter(\"out.txt\");\nw.WriteLine(Environment.NewLine);")]
    [InlineData("var name = typeof(int).Name;\nvar sw = System.Diagnostics.Stopwatch.StartNew();")]
    [InlineData("var line = Console.ReadLine();\nvar all = Console.In.ReadToEnd();\nvar c = Console.Read();")]
    [InlineData("using System.Reflection;\nvar x = 1;")]
    public void Allows_ordinary_course_code(string code) => Assert.Empty(Check(code));

    [Theory]
    [InlineData("var x = 1;\nFile.Delete(\"/etc/passwd\");", "System.IO.File.Delete", 2)]
    [InlineData("File.WriteAllText(\"../../escape.txt\", \"x\");", "System.IO.File.WriteAllText", 1)]
    [InlineData("var p = \"a.txt\";\nFile.ReadAllText(p);", "System.IO.File.ReadAllText", 2)]
    [InlineData("Directory.Delete(\"..\", true);", "System.IO.Directory.Delete", 1)]
    [InlineData("new DirectoryInfo(\".\").Parent.Delete(true);", "System.IO.DirectoryInfo.Parent", 1)]
    [InlineData("Action<string> d = File.Delete;\nd(\"/tmp/x\");", "System.IO.File.Delete", 1)]
    [InlineData("using static System.IO.File;\nReadAllText(\"/home/instructor/source.ipynb\");", "System.IO.File.ReadAllText", 2)]
    [InlineData("using F = System.IO.File;\nF.ReadAllText(\"C:\\\\x\");", "System.IO.File.ReadAllText", 2)]
    [InlineData("System.Diagnostics.Process.Start(\"rm\", \"-rf /\");", "System.Diagnostics.Process.Start", 1)]
    [InlineData("var c = new System.Net.Http.HttpClient();", "System.Net.Http.HttpClient", 1)]
    [InlineData("Environment.Exit(0);", "System.Environment.Exit", 1)]
    [InlineData("Environment.FailFast(\"bye\");", "System.Environment.FailFast", 1)]
    [InlineData("var home = Environment.GetEnvironmentVariable(\"HOME\");", "System.Environment.GetEnvironmentVariable", 1)]
    [InlineData("var m = typeof(string).GetMethods();", "System.Type.GetMethods", 1)]
    [InlineData("var a = typeof(int).Assembly;", "System.Type.Assembly", 1)]
    [InlineData("var t = Type.GetType(\"Course.Worker.Program\");", "System.Type.GetType", 1)]
    [InlineData("var o = Activator.CreateInstance(typeof(object));", "System.Activator.CreateInstance", 1)]
    [InlineData("var b = new System.Reflection.Emit.DynamicMethod(\"x\", null, null);", "System.Reflection.Emit.DynamicMethod", 1)]
    [InlineData("unsafe { int x = 1; int* p = &x; }", "unsafe", 1)]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();", "extern", 1)]
    [InlineData("var h = System.Runtime.InteropServices.Marshal.AllocHGlobal(10);", "System.Runtime.InteropServices.Marshal.AllocHGlobal", 1)]
    [InlineData("dynamic d = 1;", "dynamic", 1)]
    [InlineData("var s = Console.OpenStandardOutput();", "System.Console.OpenStandardOutput", 1)]
    [InlineData("var key = Console.ReadKey();", "System.Console.ReadKey", 1)]
    [InlineData("#r \"/usr/lib/evil.dll\"\nvar x = 1;", "#r \"/usr/lib/evil.dll\"", 1)]
    [InlineData("AppContext.SetSwitch(\"x\", true);", "System.AppContext.SetSwitch", 1)]
    public void Refuses_what_students_may_not_use_naming_the_api_and_line(string code, string api, int line)
    {
        var violations = Check(code);
        Assert.Contains(violations, v => v.Api == api && v.Line == line);
    }

    [Fact]
    public void The_message_names_the_api_the_rule_and_the_line()
    {
        var violation = Assert.Single(Check("var ok = 1;\nSystem.IO.File.Delete(\"/etc/hosts\");"));
        Assert.Equal("line 2: System.IO.File.Delete is not allowed (files are allowed only by a constant relative path inside the working folder; \"/etc/hosts\" is outside it)", violation.ToString());
    }

    [Fact]
    public void Allows_the_course_library_wherever_the_notebook_says_it_is()
    {
        Assert.Empty(Check("#r \"../artifacts/course-lib/CollectiveSecurity.dll\"\nvar x = 1;"));
        Assert.Empty(Check("#r \"../../artifacts/course-lib/CollectiveSecurity.dll\"\nvar x = 1;"));
    }

    [Fact]
    public void Refuses_packages_on_the_raw_cell_source()
    {
        var violation = Assert.Single(SubmissionPolicy.CheckRawSource("var a = 1;\n#r \"nuget: Newtonsoft.Json, 13.0.3\"\n"));
        Assert.Equal(2, violation.Line);
        Assert.Equal("#r \"nuget: Newtonsoft.Json, 13.0.3\"", violation.Api);
    }

    [Theory]
    [InlineData("data/x.csv", true)]
    [InlineData("./x", true)]
    [InlineData("../x", false)]
    [InlineData("a/../../x", false)]
    [InlineData("/x", false)]
    [InlineData("~/x", false)]
    [InlineData("C:\\x", false)]
    [InlineData("", false)]
    public void Knows_which_paths_stay_inside_the_working_folder(string path, bool inside) =>
        Assert.Equal(inside, SubmissionPolicy.IsInsideWorkingFolder(path));
}
