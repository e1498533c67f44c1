using System.Collections.Frozen;

namespace Course.Grading.Policy;

/// <summary>
/// What graded code may use, as data: the table <see cref="SubmissionPolicy"/> reads. Anything not
/// listed here (and not declared by the notebook itself) is refused. Names are metadata names
/// (<c>List`1</c>, nested types after a <c>+</c> are looked up by their outermost type).
/// </summary>
/// <remarks>
/// How to read it: a namespace row allows every type declared directly in it (<c>.*</c>: and in
/// its sub-namespaces); a type row allows the type, with all its members or only those named; a
/// refused-member row takes one member away from an allowed type. To allow more, add a row and a
/// test in <c>SubmissionPolicyTests</c> that shows it cannot reach files, processes, the network,
/// the environment, reflection or native code.
/// </remarks>
public static class AllowedApis
{
    /// <summary>Marks a type row whose every public member is allowed.</summary>
    private static readonly string[] All = [];

    /// <summary>Namespaces whose types are all allowed.</summary>
    public static readonly FrozenSet<string> Namespaces = new[]
    {
        // The course library: data, models, simulations, figures (its file members are refused below).
        "CollectiveSecurity.*",

        // Collections and LINQ to objects's interfaces.
        "System.Collections",
        "System.Collections.Generic",
        "System.Collections.Immutable",
        "System.Collections.ObjectModel",
        "System.Collections.Concurrent",
        "System.Collections.Specialized",

        // Maths, text and formatting.
        "System.Numerics",
        "System.Globalization",
        "System.Text.RegularExpressions",

        // Tasks (not System.Threading.Tasks.Sources).
        "System.Threading.Tasks",

        // Nullability annotations: metadata only.
        "System.Diagnostics.CodeAnalysis",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Types allowed one by one: null or empty member list = every member; otherwise only those members.</summary>
    public static readonly FrozenDictionary<string, string[]> Types = new Dictionary<string, string[]>
    {
        // Primitives and common value types.
        ["System.Object"] = All,
        ["System.ValueType"] = All,
        ["System.Void"] = All,
        ["System.Boolean"] = All,
        ["System.Char"] = All,
        ["System.String"] = All,
        ["System.SByte"] = All,
        ["System.Byte"] = All,
        ["System.Int16"] = All,
        ["System.UInt16"] = All,
        ["System.Int32"] = All,
        ["System.UInt32"] = All,
        ["System.Int64"] = All,
        ["System.UInt64"] = All,
        ["System.Int128"] = All,
        ["System.UInt128"] = All,
        ["System.Half"] = All,
        ["System.Single"] = All,
        ["System.Double"] = All,
        ["System.Decimal"] = All,
        ["System.Enum"] = All,
        ["System.Array"] = All,
        ["System.ArraySegment`1"] = All,
        ["System.Nullable"] = All,
        ["System.Nullable`1"] = All,
        ["System.Index"] = All,
        ["System.Range"] = All,
        ["System.Span`1"] = All,
        ["System.ReadOnlySpan`1"] = All,
        ["System.Memory`1"] = All,
        ["System.ReadOnlyMemory`1"] = All,
        ["System.MemoryExtensions"] = All,
        ["System.DateTime"] = All,
        ["System.DateTimeKind"] = All,
        ["System.DateTimeOffset"] = All,
        ["System.DateOnly"] = All,
        ["System.TimeOnly"] = All,
        ["System.TimeSpan"] = All,
        ["System.DayOfWeek"] = All,
        ["System.Guid"] = All,
        ["System.Random"] = All,
        ["System.HashCode"] = All,
        ["System.Lazy`1"] = All,
        ["System.Lazy`2"] = All,
        ["System.Tuple"] = All,
        ["System.Tuple`1"] = All,
        ["System.Tuple`2"] = All,
        ["System.Tuple`3"] = All,
        ["System.Tuple`4"] = All,
        ["System.Tuple`5"] = All,
        ["System.Tuple`6"] = All,
        ["System.Tuple`7"] = All,
        ["System.Tuple`8"] = All,
        ["System.ValueTuple"] = All,
        ["System.ValueTuple`1"] = All,
        ["System.ValueTuple`2"] = All,
        ["System.ValueTuple`3"] = All,
        ["System.ValueTuple`4"] = All,
        ["System.ValueTuple`5"] = All,
        ["System.ValueTuple`6"] = All,
        ["System.ValueTuple`7"] = All,
        ["System.ValueTuple`8"] = All,

        // Maths.
        ["System.Math"] = All,
        ["System.MathF"] = All,
        ["System.MidpointRounding"] = All,
        ["System.Convert"] = All,
        ["System.BitConverter"] = All,

        // Strings, text and formatting.
        ["System.StringComparer"] = All,
        ["System.StringComparison"] = All,
        ["System.StringSplitOptions"] = All,
        ["System.CharEnumerator"] = All,
        ["System.FormattableString"] = All,
        ["System.IFormattable"] = All,
        ["System.IFormatProvider"] = All,
        ["System.ISpanFormattable"] = All,
        ["System.IUtf8SpanFormattable"] = All,
        ["System.IParsable`1"] = All,
        ["System.ISpanParsable`1"] = All,
        ["System.Text.StringBuilder"] = All,
        ["System.Text.Rune"] = All,
        ["System.Text.CompositeFormat"] = All,
        ["System.Text.NormalizationForm"] = All,
        ["System.IO.TextReader"] = All,
        ["System.IO.TextWriter"] = All,
        ["System.IO.StringReader"] = All,
        ["System.IO.StringWriter"] = All,

        // Common interfaces.
        ["System.IComparable"] = All,
        ["System.IComparable`1"] = All,
        ["System.IEquatable`1"] = All,
        ["System.IDisposable"] = All,
        ["System.IAsyncDisposable"] = All,
        ["System.ICloneable"] = All,
        ["System.IObservable`1"] = All,
        ["System.IObserver`1"] = All,
        ["System.IProgress`1"] = All,
        ["System.Progress`1"] = All,

        // Delegates.
        ["System.Action"] = All,
        ["System.Action`1"] = All,
        ["System.Action`2"] = All,
        ["System.Action`3"] = All,
        ["System.Action`4"] = All,
        ["System.Action`5"] = All,
        ["System.Action`6"] = All,
        ["System.Action`7"] = All,
        ["System.Action`8"] = All,
        ["System.Func`1"] = All,
        ["System.Func`2"] = All,
        ["System.Func`3"] = All,
        ["System.Func`4"] = All,
        ["System.Func`5"] = All,
        ["System.Func`6"] = All,
        ["System.Func`7"] = All,
        ["System.Func`8"] = All,
        ["System.Func`9"] = All,
        ["System.Predicate`1"] = All,
        ["System.Comparison`1"] = All,
        ["System.Converter`2"] = All,
        ["System.EventHandler"] = All,
        ["System.EventHandler`1"] = All,
        ["System.EventArgs"] = All,

        // Exceptions: the standard ones, to throw and to catch.
        ["System.Exception"] = All,
        ["System.SystemException"] = All,
        ["System.ApplicationException"] = All,
        ["System.ArgumentException"] = All,
        ["System.ArgumentNullException"] = All,
        ["System.ArgumentOutOfRangeException"] = All,
        ["System.ArithmeticException"] = All,
        ["System.DivideByZeroException"] = All,
        ["System.OverflowException"] = All,
        ["System.FormatException"] = All,
        ["System.IndexOutOfRangeException"] = All,
        ["System.InvalidCastException"] = All,
        ["System.InvalidOperationException"] = All,
        ["System.NotImplementedException"] = All,
        ["System.NotSupportedException"] = All,
        ["System.NullReferenceException"] = All,
        ["System.ObjectDisposedException"] = All,
        ["System.OperationCanceledException"] = All,
        ["System.TimeoutException"] = All,
        ["System.AggregateException"] = All,
        ["System.Diagnostics.UnreachableException"] = All,

        // Attributes: only these two (the nullability annotations are allowed above).
        ["System.FlagsAttribute"] = All,
        ["System.ObsoleteAttribute"] = All,

        // LINQ to objects (not Queryable, not expression trees).
        ["System.Linq.Enumerable"] = All,
        ["System.Linq.IGrouping`2"] = All,
        ["System.Linq.ILookup`2"] = All,
        ["System.Linq.Lookup`2"] = All,
        ["System.Linq.IOrderedEnumerable`1"] = All,

        // Tasks, cancellation, timing; awaiters and the interpolated-string handler the compiler uses.
        ["System.Threading.CancellationToken"] = All,
        ["System.Threading.CancellationTokenSource"] = All,
        ["System.Threading.CancellationTokenRegistration"] = All,
        ["System.Threading.Interlocked"] = All,
        ["System.Threading.Lock"] = All,
        ["System.Diagnostics.Stopwatch"] = All,
        ["System.Runtime.CompilerServices.TaskAwaiter"] = All,
        ["System.Runtime.CompilerServices.TaskAwaiter`1"] = All,
        ["System.Runtime.CompilerServices.ValueTaskAwaiter"] = All,
        ["System.Runtime.CompilerServices.ValueTaskAwaiter`1"] = All,
        ["System.Runtime.CompilerServices.ConfiguredTaskAwaitable"] = All,
        ["System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1"] = All,
        ["System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable"] = All,
        ["System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1"] = All,
        ["System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable`1"] = All,
        ["System.Runtime.CompilerServices.YieldAwaitable"] = All,
        ["System.Runtime.CompilerServices.DefaultInterpolatedStringHandler"] = All,
        ["System.Runtime.CompilerServices.FormattableStringFactory"] = All,

        // Narrow exceptions: a few members of otherwise refused types.
        // Output, and input that is empty at once (the worker's console input is end-of-input, as in run and check):
        // no raw streams, no redirection, no waiting on a key.
        ["System.Console"] = ["Write", "WriteLine", "Out", "Error", "In", "Read", "ReadLine"],
        ["System.Environment"] = ["NewLine"],
        ["System.Type"] = ["FullName", "Namespace", "ToString", "Equals", "GetHashCode", "op_Equality", "op_Inequality"],
        ["System.Reflection.MemberInfo"] = ["Name"],

        // The notebook engine's globals (display, HTML, Javascript, CSS) and what they return.
        ["Course.Engine.Runtime.CellGlobals"] = All,
        ["Course.Engine.Runtime.DisplayedValue"] = All,
        ["Course.Engine.Runtime.HtmlContent"] = All,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Members taken away from allowed types, with the reason a student reads.</summary>
    public static readonly FrozenDictionary<string, string> RefusedMembers = new Dictionary<string, string>
    {
        ["CollectiveSecurity.Charts.PlotlyScript.LocalFile"] = LibraryFiles,
        ["CollectiveSecurity.Charts.PlotlyScript.Inline"] = LibraryFiles,
        ["CollectiveSecurity.Charts.Figure.SaveHtml"] = LibraryFiles,
        ["CollectiveSecurity.Charts.StandaloneHtmlOptions.WorldTopojsonPath"] = LibraryFiles,
        ["System.Exception.TargetSite"] = "reflection",

        // The tests' own assertions: a failure message a hidden check raises is shown without the submission's
        // values, which holds only if every CheckFailedException comes from a test cell.
        ["CollectiveSecurity.Exercises.Check.That"] = TestsOwn,
        ["CollectiveSecurity.Exercises.Check.Equal"] = TestsOwn,
        ["CollectiveSecurity.Exercises.Check.Near"] = TestsOwn,
        ["CollectiveSecurity.Exercises.Check.SameItems"] = TestsOwn,
        ["CollectiveSecurity.Exercises.CheckFailedException..ctor"] = TestsOwn,

        // System.Numerics is allowed, but these read or write a whole vector at a single element's ref: past the end
        // of an array or a local, with no unsafe code (the red-team attacks x01 and x02 grew an array's length with them).
        ["System.Numerics.Vector.LoadUnsafe"] = UnsafeMemory,
        ["System.Numerics.Vector.StoreUnsafe"] = UnsafeMemory,
        ["System.Numerics.Vector2.LoadUnsafe"] = UnsafeMemory,
        ["System.Numerics.Vector3.LoadUnsafe"] = UnsafeMemory,
        ["System.Numerics.Vector4.LoadUnsafe"] = UnsafeMemory,
        ["System.Text.RegularExpressions.Regex.CompileToAssembly"] = "code generation",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentCulture"] = "changing the whole process's settings",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentUICulture"] = "changing the whole process's settings",
        ["System.Threading.Tasks.TaskScheduler.UnobservedTaskException"] = "changing the whole process's settings",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Why something outside the list is refused, by the longest prefix of its name; the default is <see cref="NotOnTheList"/>.</summary>
    public static readonly (string Prefix, string Rule)[] Reasons =
    [
        ("System.IO", "files and streams: graded code cannot read or write files"),
        ("System.Xml", "files and the network, through XML loading and saving"),
        ("System.Net", "the network"),
        ("System.Diagnostics.Process", "starting or controlling processes"),
        ("System.Diagnostics.Debugger", "starting or controlling processes"),
        ("System.Environment", "the environment and the process's life"),
        ("System.AppContext", "the environment and the process's life"),
        ("System.AppDomain", "the environment and the process's life"),
        ("System.GC", "the environment and the process's life"),
        ("System.Threading.Thread", "threads outside tasks"),
        ("System.Console", "the console's input and raw streams belong to the grader; Console.Write and WriteLine are allowed"),
        ("System.Reflection", "reflection and code generation"),
        ("System.Type", "reflection and code generation"),
        ("System.Activator", "reflection and code generation"),
        ("System.Delegate", "reflection and code generation"),
        ("System.Linq.Expressions", "expression trees (they compile to code outside the grader's checks)"),
        ("System.Linq.Queryable", "expression trees (they compile to code outside the grader's checks)"),
        ("System.Linq.IQueryable", "expression trees (they compile to code outside the grader's checks)"),
        ("System.Runtime.Loader", "reflection and code generation"),
        ("System.Runtime.InteropServices", "native code (P/Invoke) and unsafe memory"),
        ("System.Runtime.CompilerServices", "compiler and runtime services"),
        ("System.Runtime.Intrinsics", "the operating system's resources"),
        ("Microsoft.Win32", "the registry and the operating system"),
        ("CollectiveSecurity", LibraryFiles),
    ];

    /// <summary>The reason for anything else.</summary>
    public const string NotOnTheList =
        "graded code may use the course library, LINQ, collections, maths, strings, text formatting, console output and tasks";

    private const string TestsOwn = "the tests' own assertions (Check and CheckFailedException) belong to the test cells; an answer returns its value";

    private const string UnsafeMemory = "unsafe memory: it reads or writes past the element it is given";

    private const string LibraryFiles = "the course library's file members (saving or reading by path) are not available in graded code";

    /// <summary>True when <paramref name="ns"/> (a namespace's full name) is allowed by a namespace row.</summary>
    public static bool IsAllowedNamespace(string ns)
    {
        if (Namespaces.Contains(ns))
        {
            return true;
        }

        for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
        {
            if (Namespaces.Contains(string.Concat(ns.AsSpan(0, dot), ".*")))
            {
                return true;
            }
        }

        return Namespaces.Contains(ns + ".*");
    }

    /// <summary>The reason shown for refusing <paramref name="api"/>.</summary>
    public static string ReasonFor(string api)
    {
        var best = NotOnTheList;
        var length = -1;
        foreach (var (prefix, rule) in Reasons)
        {
            if (prefix.Length > length && api.StartsWith(prefix, StringComparison.Ordinal))
            {
                (best, length) = (rule, prefix.Length);
            }
        }

        return best;
    }
}
