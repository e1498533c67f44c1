using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Course.Grading.Policy;

/// <summary>
/// The grader's first line of defence: reads a student's cell through Roslyn's semantic model and
/// refuses what students may not use, before anything runs. Every name is resolved to its symbol, so
/// aliases, <c>using static</c>, <c>var</c> and method groups cannot hide an API.
/// </summary>
/// <remarks>
/// Refused:
/// <list type="bullet">
/// <item>files outside the working folder: file APIs accept only a constant relative path with no <c>..</c>;
/// ways to climb out (<c>DirectoryInfo.Parent</c>, <c>Directory.GetParent</c>, changing the current directory) are refused;</item>
/// <item>processes (<c>System.Diagnostics.Process</c>, the debugger), the network (<c>System.Net.*</c>), pipes, memory-mapped files;</item>
/// <item>the environment and the process's life (<c>System.Environment</c> apart from harmless facts such as <c>NewLine</c>, <c>AppContext</c>, <c>AppDomain</c>);</item>
/// <item>reflection and code generation (<c>System.Reflection.*</c>, anything returning a reflection object,
/// <c>Activator</c>, <c>Type.GetType</c>, <c>Type.InvokeMember</c>, assembly loading, <c>UnsafeAccessor</c>, <c>dynamic</c>);</item>
/// <item>unsafe code (pointers, <c>unsafe</c>, <c>fixed</c>, <c>System.Runtime.CompilerServices.Unsafe</c>) and native code
/// (<c>extern</c>, <c>DllImport</c>, <c>System.Runtime.InteropServices.*</c>);</item>
/// <item>the console's input and raw streams, which carry the grader's own protocol;</item>
/// <item><c>#r</c> and <c>#load</c> other than the course library.</item>
/// </list>
/// </remarks>
public sealed class SubmissionPolicy
{
    private const string FilesRule = "files are allowed only by a constant relative path inside the working folder";
    private const string ReflectionRule = "reflection and code generation";

    private static readonly string[] ForbiddenNamespaces =
    [
        "System.Reflection", "System.Runtime.Loader", "System.Runtime.InteropServices", "System.Net",
        "System.IO.Pipes", "System.IO.MemoryMappedFiles", "System.IO.IsolatedStorage", "Microsoft.Win32",
        "System.Diagnostics.Tracing", "System.Runtime.Intrinsics",
    ];

    private static readonly ImmutableDictionary<string, string> ForbiddenTypes = new Dictionary<string, string>
    {
        ["System.Diagnostics.Process"] = "starting or controlling processes",
        ["System.Diagnostics.ProcessStartInfo"] = "starting or controlling processes",
        ["System.Diagnostics.ProcessModule"] = "starting or controlling processes",
        ["System.Diagnostics.ProcessThread"] = "starting or controlling processes",
        ["System.Diagnostics.Debugger"] = "starting or controlling processes",
        ["System.Activator"] = ReflectionRule,
        ["System.AppDomain"] = "the environment and the process's life",
        ["System.AppContext"] = "the environment and the process's life",
        ["System.Runtime.CompilerServices.Unsafe"] = "unsafe code",
        ["System.Runtime.CompilerServices.UnsafeAccessorAttribute"] = ReflectionRule,
        ["System.Runtime.CompilerServices.UnsafeAccessorTypeAttribute"] = ReflectionRule,
        ["System.IO.DriveInfo"] = FilesRule,
        ["System.IO.FileSystemWatcher"] = FilesRule,
        ["System.IO.Compression.ZipFile"] = FilesRule,
        ["System.IO.Compression.ZipFileExtensions"] = FilesRule,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> AllowedEnvironmentMembers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "NewLine", "ProcessorCount", "TickCount", "TickCount64", "Is64BitProcess", "Is64BitOperatingSystem",
        "CurrentManagedThreadId", "Version", "StackTrace");

    private static readonly ImmutableDictionary<string, string> ForbiddenMembers = new Dictionary<string, string>
    {
        ["System.Type.GetType"] = ReflectionRule,
        ["System.Type.InvokeMember"] = ReflectionRule,
        ["System.Type.GetTypeFromHandle"] = ReflectionRule,
        ["System.Delegate.DynamicInvoke"] = ReflectionRule,
        ["System.Delegate.CreateDelegate"] = ReflectionRule,
        ["System.Console.OpenStandardInput"] = "the console's input and raw streams belong to the grader",
        ["System.Console.OpenStandardOutput"] = "the console's input and raw streams belong to the grader",
        ["System.Console.OpenStandardError"] = "the console's input and raw streams belong to the grader",
        ["System.Console.SetIn"] = "the console's input and raw streams belong to the grader",
        ["System.Console.SetOut"] = "the console's input and raw streams belong to the grader",
        ["System.Console.SetError"] = "the console's input and raw streams belong to the grader",
        // Console.In, Read and ReadLine are allowed: in the worker, a cell's console input is empty
        // (end of input at once), as in course run and course check; the raw stdin stream is not.
        ["System.Console.ReadKey"] = "the console's input and raw streams belong to the grader",
        ["System.IO.Directory.SetCurrentDirectory"] = FilesRule,
        ["System.IO.Directory.GetParent"] = FilesRule,
        ["System.IO.Directory.GetDirectoryRoot"] = FilesRule,
        ["System.IO.DirectoryInfo.Parent"] = FilesRule,
        ["System.IO.DirectoryInfo.Root"] = FilesRule,
        ["System.IO.FileInfo.Directory"] = FilesRule,
        ["System.IO.Path.GetTempPath"] = FilesRule,
        ["System.IO.Path.GetTempFileName"] = FilesRule,
        ["System.GC.AllocateUninitializedArray"] = "unsafe code",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Types whose members take file paths: each path argument must be a safe constant.</summary>
    private static readonly ImmutableHashSet<string> PathTypes = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.FileSystemInfo",
        "System.IO.Enumeration.FileSystemEnumerable`1");

    private readonly ImmutableHashSet<string> _allowedReferences;

    /// <param name="allowedReferences">
    /// The file names <c>#r</c> may name (the course library's); at grading the compiler redirects such a
    /// reference to the course's own built library, wherever the notebook says it is.
    /// </param>
    public SubmissionPolicy(IEnumerable<string> allowedReferences)
    {
        ArgumentNullException.ThrowIfNull(allowedReferences);
        _allowedReferences = allowedReferences.Select(r => Path.GetFileName(r.Replace('\\', '/'))).ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Every violation in <paramref name="tree"/>, one per API and line, in line order. Works on cells
    /// that do not compile too: unresolved names are skipped, candidate symbols are checked.
    /// </summary>
    public IReadOnlyList<PolicyViolation> Check(SemanticModel model, SyntaxTree tree, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tree);
        var root = tree.GetRoot(cancellationToken);
        var found = new List<PolicyViolation>();
        void Add(SyntaxNode node, string api, string rule) =>
            found.Add(new PolicyViolation(api, rule, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1));

        if (root is CompilationUnitSyntax unit)
        {
            foreach (var directive in unit.GetReferenceDirectives())
            {
                var target = directive.File.ValueText;
                if (!_allowedReferences.Contains(Path.GetFileName(target.Replace('\\', '/'))))
                {
                    Add(directive, $"#r \"{target}\"", "only the course library may be referenced");
                }
            }

            foreach (var directive in unit.GetLoadDirectives())
            {
                Add(directive, $"#load \"{directive.File.ValueText}\"", "loading other files");
            }
        }

        foreach (var node in root.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case UnsafeStatementSyntax:
                    Add(node, "unsafe", "unsafe code");
                    break;
                case FixedStatementSyntax:
                    Add(node, "fixed", "unsafe code");
                    break;
                case PointerTypeSyntax or FunctionPointerTypeSyntax:
                    Add(node, "pointer type " + node, "unsafe code");
                    break;
                case MemberDeclarationSyntax member:
                    CheckModifiers(node, member.Modifiers, Add);
                    break;
                case LocalFunctionStatementSyntax local:
                    CheckModifiers(node, local.Modifiers, Add);
                    break;
                case InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax:
                    CheckPathArguments(model, node, Add, cancellationToken);
                    break;
                case SimpleNameSyntax name:
                    CheckName(model, name, Add, cancellationToken);
                    break;
                default:
                    break;
            }
        }

        return Simplify(found);
    }

    /// <summary>Lines the engine takes out of the code before Roslyn sees it (<c>#r "nuget:..."</c>), checked on the raw cell.</summary>
    public static IReadOnlyList<PolicyViolation> CheckRawSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Split('\n')
            .Select((l, i) => (Line: l.Trim(), Number: i + 1))
            .Where(x => x.Line.StartsWith("#r", StringComparison.Ordinal) && x.Line.Contains("\"nuget:", StringComparison.Ordinal))
            .Select(x => new PolicyViolation(x.Line, "packages cannot be loaded in a graded notebook", x.Number))
            .ToList();
    }

    private static void CheckModifiers(SyntaxNode node, SyntaxTokenList modifiers, Action<SyntaxNode, string, string> add)
    {
        if (modifiers.Any(SyntaxKind.UnsafeKeyword))
        {
            add(node, "unsafe", "unsafe code");
        }

        if (modifiers.Any(SyntaxKind.ExternKeyword))
        {
            add(node, "extern", "native code (P/Invoke)");
        }
    }

    private static void CheckName(SemanticModel model, SimpleNameSyntax name, Action<SyntaxNode, string, string> add, CancellationToken ct)
    {
        var info = model.GetSymbolInfo(name, ct);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is null)
        {
            return;
        }

        if (symbol is IMethodSymbol { ReducedFrom: { } reduced })
        {
            symbol = reduced;
        }

        if (symbol is IDynamicTypeSymbol)
        {
            add(name, "dynamic", "late binding escapes the grader's checks");
            return;
        }

        if (symbol is ITypeSymbol type)
        {
            var (typeName, rule) = FindForbiddenType(type);
            if (rule is not null)
            {
                add(name, typeName!, rule);
            }

            return;
        }

        if (symbol is not (IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol) || symbol.ContainingType is null)
        {
            return;
        }

        var container = symbol.ContainingType.OriginalDefinition;
        var containerName = FullName(container);
        var memberName = containerName + "." + symbol.Name;
        if (memberName == "System.Reflection.MemberInfo.Name")
        {
            return; // typeof(T).Name and GetType().Name: a name, nothing more.
        }

        var (forbiddenType, typeRule) = FindForbiddenType(container);
        if (typeRule is not null)
        {
            add(name, containerName == forbiddenType ? memberName : forbiddenType!, typeRule);
            return;
        }

        if (containerName == "System.Environment" && !AllowedEnvironmentMembers.Contains(symbol.Name))
        {
            add(name, memberName, "the environment and the process's life");
            return;
        }

        if (ForbiddenMembers.TryGetValue(memberName, out var memberRule))
        {
            add(name, memberName, memberRule);
            return;
        }

        var resultType = symbol switch
        {
            IMethodSymbol method => method.ReturnType,
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IEventSymbol e => e.Type,
            _ => null,
        };
        if (resultType is not null)
        {
            var (resultName, resultRule) = FindForbiddenType(resultType);
            if (resultRule is not null)
            {
                add(name, memberName, $"{resultRule}: it gives a {resultName}");
                return;
            }
        }

        if (symbol is IMethodSymbol && PathTypes.Contains(containerName) && !IsInvokedName(name))
        {
            add(name, memberName, FilesRule + "; file methods may only be called directly");
        }
    }

    private static void CheckPathArguments(SemanticModel model, SyntaxNode node, Action<SyntaxNode, string, string> add, CancellationToken ct)
    {
        var operation = model.GetOperation(node, ct);
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation creation when creation.Constructor is not null => (creation.Constructor, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        if (method?.ContainingType is null || !PathTypes.Contains(FullName(method.ContainingType.OriginalDefinition)))
        {
            return;
        }

        var api = FullName(method.ContainingType.OriginalDefinition) + (method.MethodKind == MethodKind.Constructor ? " constructor" : "." + method.Name);
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter
                || parameter.Type.SpecialType != SpecialType.System_String || !IsPathParameter(parameter.Name))
            {
                continue;
            }

            var value = argument.Value.ConstantValue;
            if (!value.HasValue || value.Value is not string path)
            {
                add(argument.Syntax, api, FilesRule + $"; '{parameter.Name}' is not a constant");
            }
            else if (!IsInsideWorkingFolder(path))
            {
                add(argument.Syntax, api, FilesRule + $"; \"{path}\" is outside it");
            }
        }
    }

    /// <summary>True for a relative path that stays below the working folder.</summary>
    public static bool IsInsideWorkingFolder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || Path.IsPathRooted(path) || path.StartsWith('~') || path.Contains(':', StringComparison.Ordinal)
            || path.StartsWith('/') || path.StartsWith('\\'))
        {
            return false;
        }

        return !path.Split('/', '\\').Any(segment => segment == "..");
    }

    private static bool IsPathParameter(string name) =>
        name.Contains("path", StringComparison.OrdinalIgnoreCase)
        || name.Contains("file", StringComparison.OrdinalIgnoreCase)
        || name.Contains("dir", StringComparison.OrdinalIgnoreCase)
        || name.Equals("destination", StringComparison.OrdinalIgnoreCase)
        || name.Equals("source", StringComparison.OrdinalIgnoreCase);

    private static bool IsInvokedName(SimpleNameSyntax name)
    {
        SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression;
    }

    private static (string? Name, string? Rule) FindForbiddenType(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return FindForbiddenType(array.ElementType);
            case IPointerTypeSymbol:
            case IFunctionPointerTypeSymbol:
                return (type.ToDisplayString(), "unsafe code");
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    var found = FindForbiddenType(argument);
                    if (found.Rule is not null)
                    {
                        return found;
                    }
                }

                for (var current = named.OriginalDefinition; current is not null; current = current.ContainingType)
                {
                    var name = FullName(current);
                    if (ForbiddenTypes.TryGetValue(name, out var rule))
                    {
                        return (name, rule);
                    }
                }

                var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                foreach (var forbidden in ForbiddenNamespaces)
                {
                    if (ns == forbidden || ns.StartsWith(forbidden + ".", StringComparison.Ordinal))
                    {
                        return (FullName(named.OriginalDefinition), NamespaceRule(forbidden));
                    }
                }

                return (null, null);
            default:
                return (null, null);
        }
    }

    private static string NamespaceRule(string ns) => ns switch
    {
        "System.Reflection" or "System.Runtime.Loader" => ReflectionRule,
        "System.Runtime.InteropServices" => "native code (P/Invoke) and unsafe memory",
        "System.Net" => "the network",
        "Microsoft.Win32" => "the registry and the operating system",
        _ => "the operating system's resources",
    };

    private static string FullName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        var outer = type.ContainingType is { } containing ? FullName(containing) + "." : ns;
        return outer + type.MetadataName;
    }

    /// <summary>One report per line and API; a type is dropped when a member of it is reported on the same line.</summary>
    private static List<PolicyViolation> Simplify(List<PolicyViolation> found)
    {
        var distinct = found.Distinct().ToList();
        return distinct
            .Where(v => !distinct.Any(o => o.Line == v.Line && o.Api.Length > v.Api.Length
                                          && o.Api.StartsWith(v.Api + ".", StringComparison.Ordinal)))
            .GroupBy(v => (v.Line, v.Api))
            .Select(g => g.First())
            .OrderBy(v => v.Line)
            .ThenBy(v => v.Api, StringComparer.Ordinal)
            .ToList();
    }
}
