using System.Text.Json;
using Course.Engine.Runtime;
using Course.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Engine.Tests;

public class ReferenceTests
{
    private const string DependencySource = """
        namespace Dep;
        public static class Words
        {
            public static string Hello() => "hello from a dependency";
        }
        """;

    private const string MainSource = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        namespace Main;
        public static class Greeter
        {
            public static string Greet() => "greeter: " + Dep.Words.Hello();
        }

        [AttributeUsage(AttributeTargets.Class)]
        internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
        {
            public Type FormatterSourceType { get; } = formatterSourceType;
        }

        internal sealed class BadgeFormatterSource
        {
            public IEnumerable<object> CreateTypeFormatters() => new object[] { new BadgeFormatter() };
        }

        internal sealed class BadgeFormatter
        {
            public Type Type => typeof(Badge);
            public string MimeType => "text/html";
            public bool Format(object value, TextWriter writer)
            {
                writer.Write("<span class=\"badge\">" + ((Badge)value).Label + "</span>");
                return true;
            }
        }

        [TypeFormatterSource(typeof(BadgeFormatterSource))]
        public sealed record Badge(string Label);
        """;

    [Fact]
    public async Task Relative_references_resolve_against_the_notebook_folder_with_their_dependencies()
    {
        using var temp = TestFiles.NewTempFolder();
        BuildLibraries(Path.Combine(temp.Path, "lib"));
        var notebookPath = Path.Combine(temp.Path, "References.ipynb");
        File.Copy(TestFiles.Notebook("References.ipynb"), notebookPath);

        var result = await NotebookRunner.RunAsync(Notebook.Load(notebookPath));
        var cells = result.Notebook.Cells;

        Assert.True(result.RunOf(2).Succeeded, result.RunOf(2).Error?.ToString());
        Assert.Equal(CellStatus.Ok, result.RunOf(1).Status);
        Assert.Equal("greeter: hello from a dependency", cells[1].PlainResult());
        Assert.Equal("<span class=\"badge\">gold</span>", Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[2].Outputs)).Data["text/html"]);
        var missing = result.RunOf(4).Error!;
        Assert.Equal(1, missing.Line);
        Assert.Contains("Missing.dll", missing.Message, StringComparison.Ordinal);
        Assert.Contains("CS0006", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_policy_can_redirect_or_refuse_references()
    {
        using var temp = TestFiles.NewTempFolder();
        var elsewhere = Path.Combine(temp.Path, "graders-copy");
        BuildLibraries(elsewhere);
        var notebookPath = Path.Combine(temp.Path, "References.ipynb");
        File.Copy(TestFiles.Notebook("References.ipynb"), notebookPath);
        var seen = new List<ReferenceRequest>();
        var options = new NotebookRunOptions
        {
            ReferencePolicy = request =>
            {
                lock (seen)
                {
                    seen.Add(request);
                }

                return Path.GetFileName(request.FullPath) switch
                {
                    "Main.dll" or "Dep.dll" => ReferenceDecision.Allow(Path.Combine(elsewhere, Path.GetFileName(request.FullPath))),
                    _ => ReferenceDecision.Refuse("only the course library may be referenced"),
                };
            },
        };

        var result = await NotebookRunner.RunAsync(Notebook.Load(notebookPath), options);

        Assert.Equal("greeter: hello from a dependency", result.Notebook.Cells[1].PlainResult());
        Assert.Contains(seen, r => r.Reference == "lib/Main.dll" && r.FullPath == Path.Combine(temp.Path, "lib", "Main.dll"));
        Assert.Equal("(1,1): error COURSE: #r \"lib/Missing.dll\" is not allowed: only the course library may be referenced", result.RunOf(4).Error!.Message);
    }

    [Fact]
    public async Task Compiled_cells_serialize_and_run_in_a_fresh_executor_without_the_compiler_state()
    {
        using var temp = TestFiles.NewTempFolder();
        BuildLibraries(Path.Combine(temp.Path, "lib"));
        var compiler = new CellCompiler(new CellCompilerOptions { BaseDirectory = temp.Path });
        var first = compiler.Compile("#r \"lib/Main.dll\"\nvar greeting = Main.Greeter.Greet();", null);
        var second = compiler.Compile("Console.WriteLine(greeting.Length);\ngreeting.ToUpperInvariant()", first);

        var shipped = new[] { first.Compiled!, second.Compiled! }
            .Select(cell => JsonSerializer.Deserialize<CompiledCell>(JsonSerializer.Serialize(cell))!)
            .ToList();
        using var executor = new SubmissionExecutor("shipped");
        var runs = new List<CellRun>();
        foreach (var cell in shipped)
        {
            runs.Add(await executor.RunAsync(cell, TimeSpan.FromSeconds(30), executionCount: runs.Count + 1));
        }

        Assert.All(runs, run => Assert.Equal(CellStatus.Ok, run.Status));
        Assert.Equal(["lib/Main.dll"], first.Compiled!.References.Select(r => Path.GetRelativePath(temp.Path, r)).Take(1));
        Assert.Collection(
            runs[1].Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "32\n"), o),
            o => Assert.Equal("GREETER: HELLO FROM A DEPENDENCY", Assert.IsType<ExecuteResultOutput>(o).Data["text/plain"]));
    }

    private static void BuildLibraries(string folder)
    {
        Directory.CreateDirectory(folder);
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Collections.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        var dependency = Emit("Dep", DependencySource, framework, Path.Combine(folder, "Dep.dll"));
        Emit("Main", MainSource, [.. framework, dependency], Path.Combine(folder, "Main.dll"));
    }

    private static MetadataReference Emit(string name, string source, List<MetadataReference> references, string path)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromFile(path);
    }
}
