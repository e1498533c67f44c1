using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Course.Grading.Policy;

/// <summary>
/// The grader's first line of defence: reads a student's cell through Roslyn's semantic model and
/// refuses, before anything runs, whatever is not on the allow-list (<see cref="AllowedApis"/>).
/// </summary>
/// <remarks>
/// <para>Allowed: what the notebook itself declares; the course library (<c>CollectiveSecurity.*</c>) except its
/// file members (<c>Figure.SaveHtml</c>, <c>PlotlyScript.LocalFile</c>/<c>Inline</c>, <c>WorldTopojsonPath</c>);
/// LINQ to objects; collections; maths (<c>Math</c>, numeric types, <c>System.Numerics</c>); strings, <c>StringBuilder</c>,
/// <c>Regex</c>, cultures and formatting; common value types (dates, <c>TimeSpan</c>, <c>Guid</c>, tuples, spans);
/// delegates; the standard exceptions; <c>Random</c>, <c>Lazy</c>, <c>Stopwatch</c>; tasks and cancellation;
/// <c>Console.Write</c>/<c>WriteLine</c>; the engine's <c>display</c>, <c>HTML</c>, <c>Javascript</c>, <c>CSS</c>; and a few
/// narrow members of otherwise closed types (<c>GetType().Name</c>/<c>FullName</c>, <c>Environment.NewLine</c>).</para>
/// <para>Why an allow-list: a deny-list must foresee every way to reach a file, a process or the grader's memory
/// (a <c>FileStream</c> subclass calling <c>base(path)</c>, an expression tree compiled into <c>Type.GetType</c>,
/// <c>XDocument.Load(url)</c>); an allow-list only has to be sure that what it lists cannot.</para>
/// <para>What is checked: every symbol Roslyn binds in the cell, not only names: invocations, object creations
/// (also <c>new()</c>), <c>base(...)</c>/<c>this(...)</c> and primary-constructor base calls, user-defined operators and
/// conversions, member, event and method references, delegate creations, <c>foreach</c>, <c>await</c>, deconstruction,
/// collection initializers and expressions, query clauses, <c>with</c>, patterns, interpolated-string handlers,
/// attributes, and the type of every expression and declaration (so a lambda converted to an expression tree is refused
/// by its type <c>System.Linq.Expressions.Expression&lt;T&gt;</c>, and <c>List&lt;FileInfo&gt;</c> by its argument).
/// <c>dynamic</c>, <c>unsafe</c>, pointers, <c>extern</c>, <c>#load</c> and <c>#r</c> other than the course library are refused.
/// What the compiler adds by itself (string handlers, async builders, record members) is not in the cell's
/// operations and is not checked.</para>
/// <para>Each refused API is reported once per line, a type only when none of its members is reported on that line,
/// at most <see cref="MaxViolationsPerCell"/> per cell.</para>
/// </remarks>
public sealed class SubmissionPolicy
{
    /// <summary>At most this many violations are reported per cell; an entry "... and N more" stands for the rest.</summary>
    public const int MaxViolationsPerCell = 50;

    private const string UnsafeRule = "unsafe code";

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
    /// Every violation in <paramref name="tree"/>, one per API and line, in line order, at most
    /// <see cref="MaxViolationsPerCell"/> and a last "... and N more". Works on cells that do not compile
    /// too: unresolved names are skipped, candidate symbols are checked.
    /// </summary>
    public IReadOnlyList<PolicyViolation> Check(SemanticModel model, SyntaxTree tree, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tree);
        var root = tree.GetRoot(cancellationToken);
        var walker = new Walker(model, cancellationToken);

        if (root is CompilationUnitSyntax unit)
        {
            foreach (var directive in unit.GetReferenceDirectives())
            {
                var target = directive.File.ValueText;
                if (!_allowedReferences.Contains(Path.GetFileName(target.Replace('\\', '/'))))
                {
                    walker.Add(directive, $"#r \"{target}\"", "only the course library may be referenced");
                }
            }

            foreach (var directive in unit.GetLoadDirectives())
            {
                walker.Add(directive, $"#load \"{directive.File.ValueText}\"", "loading other files");
            }
        }

        walker.Walk(root);
        return Simplify(walker.Found);
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

    /// <summary>
    /// One report per line and API; a type is dropped when a member of it is reported on the same line;
    /// capped at <see cref="MaxViolationsPerCell"/>. Linear in the total length of the reports, plus a sort.
    /// </summary>
    private static List<PolicyViolation> Simplify(List<PolicyViolation> found)
    {
        var first = new Dictionary<(int Line, string Api), PolicyViolation>();
        var covered = new HashSet<(int Line, string Api)>();
        foreach (var violation in found)
        {
            if (!first.TryAdd((violation.Line, violation.Api), violation))
            {
                continue;
            }

            for (var dot = violation.Api.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = violation.Api.IndexOf('.', dot + 1))
            {
                covered.Add((violation.Line, violation.Api[..dot]));
            }
        }

        var kept = first.Values
            .Where(v => !covered.Contains((v.Line, v.Api)))
            .OrderBy(v => v.Line)
            .ThenBy(v => v.Api, StringComparer.Ordinal)
            .ToList();
        if (kept.Count <= MaxViolationsPerCell)
        {
            return kept;
        }

        var more = kept.Count - MaxViolationsPerCell;
        var from = kept[MaxViolationsPerCell].Line;
        kept.RemoveRange(MaxViolationsPerCell, more);
        kept.Add(PolicyViolation.AndMore(more, from));
        return kept;
    }

    /// <summary>One check of one cell: walks its syntax and every operation Roslyn binds, and collects what is refused.</summary>
    private sealed class Walker(SemanticModel model, CancellationToken cancellationToken)
    {
        private readonly Dictionary<ISymbol, (string Api, string Rule)?> _types = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, (string Api, string Rule)?> _members = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IOperation> _roots = new(ReferenceEqualityComparer.Instance);

        public List<PolicyViolation> Found { get; } = [];

        public void Add(SyntaxNode node, string api, string rule) =>
            Found.Add(new PolicyViolation(api, rule, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1));

        public void Walk(SyntaxNode root)
        {
            var walked = default(TextSpan);
            foreach (var node in root.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                CheckSyntax(node);

                // Every executable root (statements, bodies, initializers, attributes, base calls) once, with all it
                // contains. Nodes inside a walked root are in its operations, apart from attributes and default values
                // (separate roots); asking Roslyn for each node's operation again costs more than linear time in scripts.
                if (walked.Contains(node.Span) && node is not (AttributeSyntax or EqualsValueClauseSyntax))
                {
                    continue;
                }

                if (model.GetOperation(node, cancellationToken) is { Parent: null } operation && _roots.Add(operation))
                {
                    // A type with a primary constructor is a root too, but its members are roots of their own.
                    if (!walked.Contains(node.Span) && node is not BaseTypeDeclarationSyntax)
                    {
                        walked = operation.Syntax.Span;
                    }

                    foreach (var inner in operation.DescendantsAndSelf())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        CheckOperation(inner);
                    }
                }
            }
        }

        private void CheckSyntax(SyntaxNode node)
        {
            switch (node)
            {
                case UnsafeStatementSyntax:
                    Add(node, "unsafe", UnsafeRule);
                    break;
                case FixedStatementSyntax:
                    Add(node, "fixed", UnsafeRule);
                    break;
                case PointerTypeSyntax or FunctionPointerTypeSyntax:
                    Add(node, "pointer type " + node, UnsafeRule);
                    break;
                case MemberDeclarationSyntax member:
                    CheckModifiers(node, member.Modifiers);
                    break;
                case LocalFunctionStatementSyntax local:
                    CheckModifiers(node, local.Modifiers);
                    break;
                case SimpleNameSyntax name:
                    CheckName(name);
                    break;
                case AwaitExpressionSyntax awaited:
                    var awaitInfo = model.GetAwaitExpressionInfo(awaited);
                    CheckMembers(node, awaitInfo.GetAwaiterMethod, awaitInfo.IsCompletedProperty, awaitInfo.GetResultMethod);
                    break;
                case CommonForEachStatementSyntax loop:
                    var loopInfo = model.GetForEachStatementInfo(loop);
                    CheckMembers(loop.Expression, loopInfo.GetEnumeratorMethod, loopInfo.MoveNextMethod, loopInfo.CurrentProperty, loopInfo.DisposeMethod, loopInfo.ElementConversion.MethodSymbol);
                    if (loop is ForEachVariableStatementSyntax variables)
                    {
                        CheckDeconstruction(node, model.GetDeconstructionInfo(variables));
                    }

                    break;
                case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } assignment:
                    CheckDeconstruction(node, model.GetDeconstructionInfo(assignment));
                    break;
                case QueryClauseSyntax clause:
                    var clauseInfo = model.GetQueryClauseInfo(clause, cancellationToken);
                    CheckMembers(node, clauseInfo.CastInfo.Symbol, clauseInfo.OperationInfo.Symbol);
                    break;
                case OrderingSyntax or SelectOrGroupClauseSyntax:
                    CheckMembers(node, model.GetSymbolInfo(node, cancellationToken).Symbol);
                    break;
                default:
                    break;
            }
        }

        private void CheckModifiers(SyntaxNode node, SyntaxTokenList modifiers)
        {
            if (modifiers.Any(SyntaxKind.UnsafeKeyword))
            {
                Add(node, "unsafe", UnsafeRule);
            }

            if (modifiers.Any(SyntaxKind.ExternKeyword))
            {
                Add(node, "extern", "native code (P/Invoke)");
            }
        }

        private void CheckName(SimpleNameSyntax name)
        {
            var info = model.GetSymbolInfo(name, cancellationToken);
            switch (info.Symbol ?? info.CandidateSymbols.FirstOrDefault())
            {
                case ITypeSymbol type:
                    CheckType(name, type);
                    break;
                case { } member and (IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol):
                    CheckMember(name, member);
                    break;
                default:
                    break;
            }
        }

        private void CheckDeconstruction(SyntaxNode node, DeconstructionInfo info)
        {
            CheckMembers(node, info.Method, info.Conversion?.MethodSymbol);
            foreach (var nested in info.Nested)
            {
                CheckDeconstruction(node, nested);
            }
        }

        private void CheckOperation(IOperation operation)
        {
            var at = operation.Syntax;
            if (operation.Type is { } type)
            {
                CheckType(at, type);
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    CheckMember(at, invocation.TargetMethod);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor }:
                    CheckMember(at, constructor);
                    break;
                case IMemberReferenceOperation reference:
                    CheckMember(at, reference.Member);
                    break;
                case IBinaryOperation binary:
                    CheckMembers(at, binary.OperatorMethod);
                    break;
                case IUnaryOperation unary:
                    CheckMembers(at, unary.OperatorMethod);
                    break;
                case ICompoundAssignmentOperation compound:
                    CheckMembers(at, compound.OperatorMethod, compound.InConversion.MethodSymbol, compound.OutConversion.MethodSymbol);
                    break;
                case IIncrementOrDecrementOperation increment:
                    CheckMembers(at, increment.OperatorMethod);
                    break;
                case IConversionOperation conversion:
                    CheckMembers(at, conversion.OperatorMethod);
                    break;
                case ITypeOfOperation typeOf:
                    CheckType(at, typeOf.TypeOperand);
                    break;
                case ISizeOfOperation sizeOf:
                    CheckType(at, sizeOf.TypeOperand);
                    break;
                case IIsTypeOperation isType:
                    CheckType(at, isType.TypeOperand);
                    break;
                case IPatternOperation pattern:
                    CheckPattern(at, pattern);
                    break;
                case ICollectionExpressionOperation collection:
                    CheckMembers(at, collection.ConstructMethod);
                    break;
                case IWithOperation with:
                    CheckMembers(at, with.CloneMethod);
                    break;
                case IImplicitIndexerReferenceOperation indexer:
                    CheckMembers(at, indexer.LengthSymbol, indexer.IndexerSymbol);
                    break;
                case IVariableDeclaratorOperation declarator:
                    CheckType(at, declarator.Symbol.Type);
                    break;
                case ICatchClauseOperation catchClause:
                    CheckType(at, catchClause.ExceptionType);
                    break;
                case IAnonymousFunctionOperation function:
                    CheckMethodSignature(at, function.Symbol);
                    break;
                case ILocalFunctionOperation function:
                    CheckMethodSignature(at, function.Symbol);
                    break;
                case IFunctionPointerInvocationOperation:
                    Add(at, "function pointer", UnsafeRule);
                    break;
                default:
                    break;
            }
        }

        private void CheckPattern(SyntaxNode at, IPatternOperation pattern)
        {
            switch (pattern)
            {
                case ITypePatternOperation typePattern:
                    CheckType(at, typePattern.MatchedType);
                    break;
                case IDeclarationPatternOperation { MatchedType: { } matched }:
                    CheckType(at, matched);
                    break;
                case IRecursivePatternOperation recursive:
                    CheckType(at, recursive.MatchedType);
                    CheckMembers(at, recursive.DeconstructSymbol);
                    break;
                case IListPatternOperation list:
                    CheckMembers(at, list.LengthSymbol, list.IndexerSymbol);
                    break;
                case ISlicePatternOperation slice:
                    CheckMembers(at, slice.SliceSymbol);
                    break;
                default:
                    break;
            }
        }

        private void CheckMethodSignature(SyntaxNode at, IMethodSymbol method)
        {
            CheckType(at, method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                CheckType(at, parameter.Type);
            }
        }

        private void CheckMembers(SyntaxNode at, params ISymbol?[] symbols)
        {
            foreach (var symbol in symbols)
            {
                if (symbol is not null)
                {
                    CheckMember(at, symbol);
                }
            }
        }

        private void CheckType(SyntaxNode at, ITypeSymbol type)
        {
            if (TypeRefusal(type) is { } refusal)
            {
                Add(at, refusal.Api, refusal.Rule);
            }
        }

        private void CheckMember(SyntaxNode at, ISymbol member)
        {
            if (MemberRefusal(member) is { } refusal)
            {
                Add(at, refusal.Api, refusal.Rule);
            }
        }

        /// <summary>Why <paramref name="type"/> may not be used (the first refused part of it), or null.</summary>
        private (string Api, string Rule)? TypeRefusal(ITypeSymbol type)
        {
            if (_types.TryGetValue(type, out var known))
            {
                return known;
            }

            var refusal = type switch
            {
                IDynamicTypeSymbol => ("dynamic", "late binding escapes the grader's checks"),
                IPointerTypeSymbol or IFunctionPointerTypeSymbol => (type.ToDisplayString(), UnsafeRule),
                IArrayTypeSymbol array => TypeRefusal(array.ElementType),
                INamedTypeSymbol named => NamedTypeRefusal(named),
                _ => null, // type parameters (their constraints are names, checked as such), error types
            };
            _types[type] = refusal;
            return refusal;
        }

        private (string Api, string Rule)? NamedTypeRefusal(INamedTypeSymbol named)
        {
            if (named.TypeKind == TypeKind.Error)
            {
                return null;
            }

            for (var type = named; type is not null; type = type.ContainingType)
            {
                foreach (var argument in type.TypeArguments)
                {
                    if (TypeRefusal(argument) is { } refused)
                    {
                        return refused;
                    }
                }
            }

            var definition = named.OriginalDefinition;
            if (IsOwn(definition))
            {
                return null;
            }

            var outermost = definition;
            while (outermost.ContainingType is { } containing)
            {
                outermost = containing;
            }

            if (AllowedApis.Types.ContainsKey(FullName(outermost))
                || AllowedApis.IsAllowedNamespace(outermost.ContainingNamespace?.ToDisplayString() ?? string.Empty))
            {
                return null;
            }

            var api = FullName(definition);
            return (api, AllowedApis.ReasonFor(api));
        }

        /// <summary>Why <paramref name="symbol"/> (a method, property, field or event) may not be used, or null.</summary>
        private (string Api, string Rule)? MemberRefusal(ISymbol symbol)
        {
            if (_members.TryGetValue(symbol, out var known))
            {
                return known;
            }

            var refusal = FindMemberRefusal(symbol);
            _members[symbol] = refusal;
            return refusal;
        }

        private (string Api, string Rule)? FindMemberRefusal(ISymbol symbol)
        {
            if (symbol is IMethodSymbol method)
            {
                if (method.GetConstructedReducedFrom() is { } reduced)
                {
                    return MemberRefusal(reduced);
                }

                foreach (var argument in method.TypeArguments)
                {
                    if (TypeRefusal(argument) is { } refusedArgument)
                    {
                        return refusedArgument;
                    }
                }

                if (method.MethodKind == MethodKind.FunctionPointerSignature)
                {
                    return ("function pointer", UnsafeRule);
                }
            }

            if (symbol.ContainingType is not { } container)
            {
                return null;
            }

            if (TypeRefusal(container) is { } refusedContainer)
            {
                // The type's own arguments are refused: name them; otherwise name the member.
                if (container.OriginalDefinition is var definition && TypeRefusal(definition) is null)
                {
                    return refusedContainer;
                }

                var api = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
                    ? FullName(definition)
                    : FullName(definition) + "." + symbol.Name;
                return (api, AllowedApis.ReasonFor(api));
            }

            if (IsOwn(symbol.OriginalDefinition) || container.IsAnonymousType)
            {
                return null;
            }

            var containerName = FullName(container.OriginalDefinition);
            var memberApi = containerName + "." + symbol.Name;
            if (AllowedApis.RefusedMembers.TryGetValue(memberApi, out var rule))
            {
                return (memberApi, rule);
            }

            if (AllowedApis.Types.TryGetValue(containerName, out var members) && members.Length > 0 && !members.Contains(symbol.Name, StringComparer.Ordinal))
            {
                return (memberApi, AllowedApis.ReasonFor(memberApi));
            }

            var result = symbol switch
            {
                IMethodSymbol m => m.ReturnType,
                IPropertySymbol p => p.Type,
                IFieldSymbol f => f.Type,
                IEventSymbol e => e.Type,
                _ => null,
            };
            if (result is not null && TypeRefusal(result) is { } refusedResult)
            {
                return (memberApi, $"{refusedResult.Rule}: it gives a {refusedResult.Api}");
            }

            return null;
        }

        /// <summary>Declared by the notebook itself (this cell or an earlier one), or made by the compiler for it.</summary>
        private static bool IsOwn(ISymbol symbol) =>
            symbol is INamedTypeSymbol { IsScriptClass: true } or INamedTypeSymbol { IsImplicitClass: true } or INamedTypeSymbol { IsAnonymousType: true }
            || symbol.Locations.Any(l => l.IsInSource);
    }

    /// <summary>Namespace, outer types and metadata name: <c>System.Collections.Generic.List`1</c>.</summary>
    private static string FullName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        var outer = type.ContainingType is { } containing ? FullName(containing) + "." : ns;
        return outer + type.MetadataName;
    }
}
