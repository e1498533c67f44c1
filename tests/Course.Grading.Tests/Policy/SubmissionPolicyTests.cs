using Course.Grading.Policy;
using Xunit.Abstractions;

namespace Course.Grading.Tests.Policy;

/// <summary>The allow-list policy on cells compiled as the grader compiles them (see <see cref="PolicyHarness"/>).</summary>
public sealed class SubmissionPolicyTests(ITestOutputHelper output)
{
    private static IReadOnlyList<PolicyViolation> Check(string code) => PolicyHarness.Check(code);

    [Theory]
    [InlineData("var xs = new List<int> { 1, 2, 3 };\nConsole.WriteLine(xs.Sum());\nConsole.Error.WriteLine(\"warning\"); Console.Out.Write(1);")]
    [InlineData("double Mean(IEnumerable<double> v) => v.Average();\nMean(new[] { 1.0 })")]
    [InlineData("var name = typeof(int).Name + 1.GetType().FullName + Environment.NewLine;\nvar sw = System.Diagnostics.Stopwatch.StartNew();")]
    [InlineData("using System.Reflection;\nvar x = 1;")]
    [InlineData("var sb = new StringBuilder();\nsb.Append($\"{1:N2} and {DateTime.Now:yyyy}\");\nvar s = string.Create(System.Globalization.CultureInfo.InvariantCulture, $\"{1.5}\") + FormattableString.Invariant($\"{2.5}\");")]
    [InlineData("using System.Threading;\nasync Task<int> TwiceAsync(int x, CancellationToken ct) { await Task.Delay(1, ct); return 2 * x; }\nvar cts = new CancellationTokenSource();\nvar all = await Task.WhenAll(TwiceAsync(1, cts.Token), Task.Run(() => 3));\nawait Task.Yield();")]
    [InlineData("async IAsyncEnumerable<int> Count() { for (var i = 0; i < 3; i++) { await Task.Delay(1); yield return i; } }\nawait foreach (var i in Count()) { Console.Write(i); }")]
    [InlineData("record Point(double X, double Y) { public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y); public static implicit operator (double, double)(Point p) => (p.X, p.Y); }\nvar p = new Point(1, 2) + new Point(3, 4);\nvar q = p with { X = 0 };\nvar (x, y) = q;\n(double, double) t = p;\nif (q is { X: 0, Y: > 1 } and Point(_, var yy)) Console.WriteLine(yy);")]
    [InlineData("var d = new Dictionary<string, int> { [\"a\"] = 1 };\nforeach (var (k, v) in d) Console.WriteLine(k + v);\nvar q = from kv in d where kv.Value > 0 orderby kv.Key select kv.Key.ToUpperInvariant();\nint[] a = [1, 2, 3];\nList<int> l = [.. a, 4];\nif (a is [1, .. var rest]) Console.WriteLine(rest.Length + a[^1] + a[1..].Length);")]
    [InlineData("var r = new System.Text.RegularExpressions.Regex(\"[0-9]+\");\nvar m = r.Match(\"a12\").Value;\nvar big = System.Numerics.BigInteger.Pow(2, 100) + (int)Math.Sqrt(2) + (int)MathF.PI;\nvar g = Guid.NewGuid(); var rnd = Random.Shared.Next(); var lazy = new Lazy<int>(() => 1).Value;\nint Spans() { var span = \"abc\".AsSpan()[1..]; Span<int> buffer = stackalloc int[4]; return span.Length + buffer.Length; }\nvar ts = TimeSpan.FromSeconds(3) + TimeSpan.FromDays(DateOnly.FromDateTime(DateTime.Today).DayNumber);")]
    [InlineData("class NotCounted(string message) : Exception(message);\nstruct Money : IComparable<Money> { public decimal Amount; public int CompareTo(Money o) => Amount.CompareTo(o.Amount); public static bool operator <(Money a, Money b) => a.Amount < b.Amount; public static bool operator >(Money a, Money b) => a.Amount > b.Amount; }\nT Largest<T>(IEnumerable<T> xs) where T : System.Numerics.INumber<T> => xs.Max()!;\n[Flags] enum Votes { None = 0, Yes = 1 }\n[Obsolete(\"old\")] int Old() => 1;\ntry { throw new NotCounted(\"x\"); } catch (NotCounted e) when (e.Message.Length > 0) { Console.WriteLine(e.Message); }")]
    [InlineData("display(CourseData.Vetoes.Count);\ndisplay(HTML(\"<b>hi</b>\"));\nvar f = Chart.Bar(new[] { \"a\" }, new[] { 1 }).WithTitle(\"t\");\nvar html = f.ToHtml() + f.ToStandaloneHtml();\nvar shown = display(f); shown.Update(f);")]
    [InlineData("using System.Threading;\nvar counter = 0; Interlocked.Increment(ref counter);\nvar gate = new Lock(); lock (gate) { counter++; }\nIEnumerable<int> Evens() { for (var i = 0; ; i += 2) yield return i; }\nvar firstTen = Evens().Take(10).ToList();\nvar c = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();")]
    public void Allows_ordinary_course_code(string code)
    {
        var (violations, errors) = PolicyHarness.CheckCompiled(code);
        Assert.Empty(errors);
        Assert.Empty(violations);
    }

    [Theory]
    // Files, by every road.
    [InlineData("var x = 1;\nSystem.IO.File.Delete(\"/etc/passwd\");", "System.IO.File.Delete", 2)]
    [InlineData("int F(int year) { Check.That(false, $\"called with {year}\"); return 0; }", "CollectiveSecurity.Exercises.Check.That", 1)]
    [InlineData("var x = 1;\nthrow new CheckFailedException(\"looks like a test's words\");", "CollectiveSecurity.Exercises.CheckFailedException..ctor", 2)]
    [InlineData("System.IO.File.WriteAllText(\"notes/answer.txt\", \"42\");", "System.IO.File.WriteAllText", 1)]
    [InlineData("using var w = new System.IO.StreamWriter(\"out.txt\");", "System.IO.StreamWriter", 1)]
    [InlineData("System.IO.FileInfo f = new(\"x\");", "System.IO.FileInfo", 1)]
    [InlineData("Action<string> d = System.IO.File.Delete;\nd(\"/tmp/x\");", "System.IO.File.Delete", 1)]
    [InlineData("Func<string, string> read = System.IO.File.ReadAllText;", "System.IO.File.ReadAllText", 1)]
    [InlineData("using static System.IO.File;\nReadAllText(\"/home/instructor/source.ipynb\");", "System.IO.File.ReadAllText", 2)]
    [InlineData("using F = System.IO.File;\nF.ReadAllText(\"C:\\\\x\");", "System.IO.File.ReadAllText", 2)]
    [InlineData("using F = System.IO.File;\nvar x = 1;", "System.IO.File", 1)]
    [InlineData("class Leaky : System.IO.FileStream\n{\n    public Leaky(string p) : base(p, System.IO.FileMode.Open) { }\n}", "System.IO.FileStream", 3)]
    [InlineData("using FS = System.IO.FileStream;\nclass Leaky(string p) : FS(p, (System.IO.FileMode)3)\n{\n}", "System.IO.FileStream", 2)]
    [InlineData("class Walk : System.IO.Enumeration.FileSystemEnumerator<string>\n{\n    public Walk() : base(\"/\", new()) { }\n    protected override string TransformEntry(ref System.IO.Enumeration.FileSystemEntry e) => e.ToFullPath();\n}", "System.IO.Enumeration.FileSystemEnumerator`1", 1)]
    [InlineData("foreach (var f in System.IO.Directory.EnumerateFiles(\".\", \"../../*\"))\n    Console.WriteLine(f);", "System.IO.Directory.EnumerateFiles", 1)]
    [InlineData("var text = await System.IO.File.ReadAllTextAsync(\"x\");", "System.IO.File.ReadAllTextAsync", 1)]
    [InlineData("var l = new List<System.IO.FileInfo>();", "System.IO.FileInfo", 1)]
    [InlineData("var none = Enumerable.Empty<System.IO.FileInfo>();", "System.IO.FileInfo", 1)]
    [InlineData("object o = 1;\nif (o is System.IO.FileInfo { Length: > 0 } f) Console.WriteLine(f);", "System.IO.FileInfo*", 2)]
    [InlineData("var t = typeof(System.IO.File);", "System.IO.File", 1)]
    [InlineData("static long Size(this System.IO.FileInfo f) => f.Length;", "System.IO.FileInfo*", 1)]
    [InlineData("var tmp = System.IO.Path.GetTempPath();", "System.IO.Path.GetTempPath", 1)]
    [InlineData("class Leak : System.IO.Stream\n{\n    public override bool CanRead => true; public override bool CanSeek => false; public override bool CanWrite => false; public override long Length => 0; public override long Position { get; set; }\n    public override void Flush() { } public override int Read(byte[] b, int o, int c) => 0; public override long Seek(long o, System.IO.SeekOrigin s) => 0; public override void SetLength(long v) { } public override void Write(byte[] b, int o, int c) { }\n}", "System.IO.Stream", 1)]
    // XML loading and saving by path or URL.
    [InlineData("var doc = System.Xml.Linq.XDocument.Load(\"/etc/passwd\");", "System.Xml.Linq.XDocument.Load", 1)]
    [InlineData("new System.Xml.Linq.XDocument().Save(\"/tmp/x.xml\");", "System.Xml.Linq.XDocument.Save", 1)]
    [InlineData("var r = System.Xml.XmlReader.Create(\"http://example.com/x.xml\");", "System.Xml.XmlReader.Create", 1)]
    // Expression trees, compiled into reflection.
    [InlineData("System.Linq.Expressions.Expression<Func<Type?>> e = () => Type.GetType(\"Course.Worker.Program\");\nvar t = e.Compile()();", "System.Linq.Expressions.Expression`1", 1)]
    [InlineData("System.Linq.Expressions.Expression<Func<Type?>> e = () => Type.GetType(\"Course.Worker.Program\");", "System.Type.GetType", 1)]
    [InlineData("T Run<T>(System.Linq.Expressions.Expression<Func<T>> e) => default!;\nvar one = Run(() => 1);", "System.Linq.Expressions.Expression`1", 2)]
    [InlineData("record Holder(int X)\n{\n    public int Twice() => Run(() => 2 * X);\n    static T Run<T>(System.Linq.Expressions.Expression<Func<T>> e) => default!;\n}", "System.Linq.Expressions.Expression`1", 3)]
    [InlineData("class Holder(int x) : Exception(\"x\")\n{\n    public int Twice() => Run(() => 2 * x);\n    static T Run<T>(System.Linq.Expressions.Expression<Func<T>> e) => default!;\n}", "System.Linq.Expressions.Expression`1", 3)]
    [InlineData("var c = System.Linq.Expressions.Expression.Constant(1);", "System.Linq.Expressions.Expression.Constant", 1)]
    [InlineData("var q = new[] { 1 }.AsQueryable();", "System.Linq.Queryable.AsQueryable", 1)]
    [InlineData("var q = Queryable.AsQueryable(new[] { 1 });", "System.Linq.Queryable.AsQueryable", 1)]
    [InlineData("var src = new[] { 1 }.AsEnumerable();\nvar q = from x in System.Linq.Queryable.AsQueryable(src) select x + 1;", "System.Linq.Queryable.Select", 2)]
    // Reflection and code generation.
    [InlineData("var t = Type.GetType(\"Course.Worker.Program\");", "System.Type.GetType", 1)]
    [InlineData("Func<string, Type?> g = Type.GetType;", "System.Type.GetType", 1)]
    [InlineData("var m = typeof(string).GetMethods();", "System.Type.GetMethods", 1)]
    [InlineData("var a = 1.GetType().Assembly;", "System.Type.Assembly", 1)]
    [InlineData("var o = Activator.CreateInstance(typeof(object));", "System.Activator.CreateInstance", 1)]
    [InlineData("var b = new System.Reflection.Emit.DynamicMethod(\"x\", null, null);", "System.Reflection.Emit.DynamicMethod", 1)]
    [InlineData("var asm = System.Reflection.Assembly.LoadFrom(\"/tmp/x.dll\");", "System.Reflection.Assembly.LoadFrom", 1)]
    [InlineData("Func<int> f = () => 1;\nvar m = f.Method;", "System.Delegate.Method", 2)]
    [InlineData("try { } catch (Exception e) { var site = e.TargetSite; }", "System.Exception.TargetSite", 1)]
    [InlineData("var o = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(object));", "System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject", 1)]
    [InlineData("dynamic d = 1;", "dynamic", 1)]
    [InlineData("class Boot\n{\n    [System.Runtime.CompilerServices.ModuleInitializer]\n    internal static void Init() { }\n}", "System.Runtime.CompilerServices.ModuleInitializerAttribute", 3)]
    [InlineData("class Peek\n{\n    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = \"_nonce\")]\n    static extern ref string Nonce(object o);\n}", "System.Runtime.CompilerServices.UnsafeAccessor*", 3)]
    // Processes, network, environment, the process's life, threads.
    [InlineData("System.Diagnostics.Process.Start(\"rm\", \"-rf /\");", "System.Diagnostics.Process.Start", 1)]
    [InlineData("class Mine : System.Diagnostics.Process { }", "System.Diagnostics.Process", 1)]
    [InlineData("var c = new System.Net.Http.HttpClient();", "System.Net.Http.HttpClient", 1)]
    [InlineData("Environment.Exit(0);", "System.Environment.Exit", 1)]
    [InlineData("Environment.FailFast(\"bye\");", "System.Environment.FailFast", 1)]
    [InlineData("await Task.Run(() => Environment.FailFast(\"bye\"));", "System.Environment.FailFast", 1)]
    [InlineData("var home = Environment.GetEnvironmentVariable(\"HOME\");", "System.Environment.GetEnvironmentVariable", 1)]
    [InlineData("var all = Environment.GetEnvironmentVariables();", "System.Environment.GetEnvironmentVariables", 1)]
    [InlineData("var asms = AppDomain.CurrentDomain.GetAssemblies();", "System.AppDomain.CurrentDomain", 1)]
    [InlineData("AppContext.SetSwitch(\"x\", true);", "System.AppContext.SetSwitch", 1)]
    [InlineData("GC.Collect();", "System.GC.Collect", 1)]
    [InlineData("new System.Threading.Thread(() => { }).Start();", "System.Threading.Thread*", 1)]
    [InlineData("System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", "System.Threading.ThreadPool.QueueUserWorkItem", 1)]
    [InlineData("TaskScheduler.UnobservedTaskException += (s, e) => { };", "System.Threading.Tasks.TaskScheduler.UnobservedTaskException", 1)]
    [InlineData("System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;", "System.Globalization.CultureInfo.DefaultThreadCurrentCulture", 1)]
    // Native code, unsafe memory, span tricks.
    [InlineData("unsafe { int x = 1; int* p = &x; }", "unsafe", 1)]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();", "extern", 1)]
    [InlineData("var h = System.Runtime.InteropServices.Marshal.AllocHGlobal(10);", "System.Runtime.InteropServices.Marshal.AllocHGlobal", 1)]
    [InlineData("Span<int> s = stackalloc int[2];\nvar bytes = System.Runtime.InteropServices.MemoryMarshal.Cast<int, byte>(s);", "System.Runtime.InteropServices.MemoryMarshal.Cast", 2)]
    [InlineData("var list = new List<int> { 1 };\nvar raw = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);", "System.Runtime.InteropServices.CollectionsMarshal.AsSpan", 2)]
    [InlineData("object o = \"s\";\nvar i = System.Runtime.CompilerServices.Unsafe.As<int[]>(o);", "System.Runtime.CompilerServices.Unsafe.As", 2)]
    [InlineData("int x = 1;\nvar r = __makeref(x);", "System.TypedReference", 2)]
    [InlineData("var a = new long[1];\nvar v = System.Numerics.Vector.LoadUnsafe(ref a[0]);", "System.Numerics.Vector.LoadUnsafe", 2)]
    [InlineData("var a = new long[1];\nSystem.Numerics.Vector.StoreUnsafe(new System.Numerics.Vector<long>(-1), ref a[0]);", "System.Numerics.Vector.StoreUnsafe", 2)]
    [InlineData("using System.Numerics;\nvar a = new long[1];\nnew Vector<long>(-1).StoreUnsafe(ref a[0]);", "System.Numerics.Vector.StoreUnsafe", 3)]
    [InlineData("using System.Numerics;\nvar f = new float[1];\nVector4.One.StoreUnsafe(ref f[0]);", "System.Numerics.Vector.StoreUnsafe", 3)]
    [InlineData("var f = new float[1];\nvar v = System.Numerics.Vector4.LoadUnsafe(ref f[0]);", "System.Numerics.Vector4.LoadUnsafe", 2)]
    [InlineData("var f = new float[1];\nvar v = System.Numerics.Vector2.LoadUnsafe(ref f[0]);\nvar w = System.Numerics.Vector3.LoadUnsafe(ref f[0]);", "System.Numerics.Vector3.LoadUnsafe", 3)]
    // The console's input and raw streams.
    [InlineData("var s = Console.OpenStandardOutput();", "System.Console.OpenStandardOutput", 1)]
    [InlineData("Console.SetOut(new System.IO.StringWriter());", "System.Console.SetOut", 1)]
    [InlineData("var key = Console.ReadKey();", "System.Console.ReadKey", 1)]
    [InlineData("var raw = Console.OpenStandardError();", "System.Console.OpenStandardError", 1)]
    // The course library's file members.
    [InlineData("var p = PlotlyScript.Inline(\"/etc/passwd\");", "CollectiveSecurity.Charts.PlotlyScript.Inline", 1)]
    [InlineData("var p = PlotlyScript.LocalFile(\"/etc/passwd\");", "CollectiveSecurity.Charts.PlotlyScript.LocalFile", 1)]
    [InlineData("var f = Chart.Bar(new[] { \"a\" }, new[] { 1 });\nf.SaveHtml(\"/tmp/out.html\");", "CollectiveSecurity.Charts.Figure.SaveHtml", 2)]
    [InlineData("var o = new StandaloneHtmlOptions { WorldTopojsonPath = \"/etc/passwd\" };", "CollectiveSecurity.Charts.StandaloneHtmlOptions.WorldTopojsonPath", 1)]
    // User-defined operators and conversions of refused types.
    [InlineData("var s = (string)new System.Xml.Linq.XElement(\"a\", 1);", "System.Xml.Linq.XElement.op_Explicit", 1)]
    [InlineData("System.Xml.Linq.XName n = \"a\";", "System.Xml.Linq.XName.op_Implicit", 1)]
    // References and packages.
    [InlineData("#r \"/usr/lib/evil.dll\"\nvar x = 1;", "#r \"/usr/lib/evil.dll\"", 1)]
    // An api ending in a star: any API starting so (a member of a refused type is named instead of the type on its line).
    public void Refuses_what_students_may_not_use_naming_the_api_and_line(string code, string api, int line)
    {
        var violations = Check(code);
        Assert.True(
            violations.Any(v => (api.EndsWith('*') ? v.Api.StartsWith(api.TrimEnd('*'), StringComparison.Ordinal) : v.Api == api) && v.Line == line),
            $"expected {api} on line {line}; found: {string.Join("; ", violations)}");
    }

    [Fact]
    public void The_message_names_the_api_the_rule_and_the_line()
    {
        var violation = Assert.Single(Check("var ok = 1;\nSystem.IO.File.Delete(\"/etc/hosts\");"));
        Assert.Equal("line 2: System.IO.File.Delete is not allowed (files and streams: graded code cannot read or write files)", violation.ToString());
    }

    [Fact]
    public void Names_what_is_not_on_the_list_with_the_list_itself()
    {
        var violation = Assert.Single(Check("var w = new System.Collections.Generic.List<System.Text.Json.JsonDocument>();"));
        Assert.Equal("System.Text.Json.JsonDocument", violation.Api);
        Assert.Equal(AllowedApis.NotOnTheList, violation.Rule);
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

    [Fact]
    public void Reports_a_type_only_when_no_member_of_it_is_reported_on_that_line()
    {
        var violations = Check("System.IO.File.Delete(\"a\"); System.IO.File.Exists(\"b\");\nvar t = typeof(System.IO.File);");
        Assert.Equal(["System.IO.File.Delete", "System.IO.File.Exists", "System.IO.File"], violations.Select(v => v.Api));
        Assert.Equal([1, 1, 2], violations.Select(v => v.Line));
    }

    [Fact]
    public void Caps_the_report_per_cell_and_says_how_many_more()
    {
        const int lines = 3000;
        var code = string.Join("\n", Enumerable.Range(0, lines).Select(i => $"System.IO.File.Delete(\"{i}\"); Environment.Exit({i});"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cell = PolicyHarness.Compile(code);
        var model = cell.Compilation.GetSemanticModel(cell.SyntaxTree);
        model.GetDiagnostics();
        var compiled = clock.Elapsed;
        clock.Restart();
        var violations = PolicyHarness.Policy.Check(model, cell.SyntaxTree);
        var firstCheck = clock.Elapsed;
        clock.Restart();
        PolicyHarness.Policy.Check(model, cell.SyntaxTree);
        output.WriteLine($"{lines} lines, {2 * lines} refused uses: compiled in {compiled.TotalMilliseconds:F0} ms, checked in {firstCheck.TotalMilliseconds:F0} ms (binding included), again in {clock.Elapsed.TotalMilliseconds:F0} ms (bound)");
        Assert.Equal(SubmissionPolicy.MaxViolationsPerCell + 1, violations.Count);
        var last = violations[^1];
        Assert.Equal((2 * lines) - SubmissionPolicy.MaxViolationsPerCell, last.More);
        Assert.Equal((SubmissionPolicy.MaxViolationsPerCell / 2) + 1, last.Line);
        Assert.Equal($"line {last.Line}: ... and {last.More} more not allowed", last.ToString());
        Assert.Equal(Enumerable.Range(1, SubmissionPolicy.MaxViolationsPerCell / 2).SelectMany(l => new[] { l, l }), violations.Take(SubmissionPolicy.MaxViolationsPerCell).Select(v => v.Line));
    }
}
