using System.Text;
using System.Text.RegularExpressions;
using Course.Grading.Release;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Course.Grading.Pipeline;

/// <summary>
/// Step 3b, "tests see the instructor's world": what every name, operator, conversion and implicit call
/// of an instructor cell (a test or a locked cell) binds to. A test cell is compiled as a later
/// submission of the student's own script chain, so a student declaration could otherwise decide what
/// the test calls: a class named like the assertion helper, a <c>using</c> alias, an enum that
/// re-declares a library enum, an answer whose return type has an implicit <c>bool</c> conversion or an
/// <c>Equals</c> that is always true. The grader computes this fingerprint for the cell in the
/// instructor's own notebook and in the student's, and runs the cell only when both are the same.
/// </summary>
/// <remarks>
/// What a name means is written without the accidents of compilation: a script class
/// (<c>Submission#7</c>) becomes the cell that declared it, as <c>instructor:&lt;grade_id&gt;</c> for
/// the instructor's cells and <c>answer</c> for every other cell, so a student may move an answer but not
/// replace an instructor's declaration. A type declared in a notebook is written with its whole shape
/// (kind, base types, every member's signature, which members are written by hand and which the
/// compiler generated, enum values): a record that gains a hand-written <c>Equals</c> is another type.
/// Method bodies are not part of it: the answer's body is the student's to write.
/// </remarks>
public static partial class TestBinding
{
    /// <summary>The tag of every cell that is not the instructor's (answers and the student's own cells).</summary>
    public const string AnswerTag = "answer";

    private static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeExplicitInterface | SymbolDisplayMemberOptions.IncludeConstantValue,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword | SymbolDisplayKindOptions.IncludeTypeKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeParamsRefOut
            | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        localOptions: SymbolDisplayLocalOptions.IncludeType | SymbolDisplayLocalOptions.IncludeRef,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The script class names Roslyn gives cells (<c>Submission#12</c>).</summary>
    [GeneratedRegex(@"Submission#\d+", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptClassName();

    /// <summary>
    /// The fingerprint of one compiled instructor cell: one entry per name, expression and implicit call,
    /// in source order, each saying what it binds to.
    /// </summary>
    /// <param name="compilation">The cell's script compilation (chained on the cells before it).</param>
    /// <param name="tagOfScriptClass">For a script class name (<c>Submission#7</c>), the tag of the cell that declared it.</param>
    /// <param name="nameOfScriptClass">For a script class name, the cell as messages name it ("cell 4 (count-yes)").</param>
    /// <param name="cancellationToken">Stops a slow binding.</param>
    public static BindingFingerprint Fingerprint(
        CSharpCompilation compilation, Func<string, string> tagOfScriptClass, Func<string, string> nameOfScriptClass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(tagOfScriptClass);
        ArgumentNullException.ThrowIfNull(nameOfScriptClass);
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var writer = new Writer(tagOfScriptClass, nameOfScriptClass);
        var entries = new List<BoundName>();
        var declaredIn = new List<string?>();
        var shapes = new SortedDictionary<string, string>(StringComparer.Ordinal);

        void Add(SyntaxNode node, string what, string meaning)
        {
            entries.Add(new BoundName(node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, Short(node), what + " " + meaning));
            declaredIn.Add(writer.TakeStudentDeclaration());
        }

        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(descendIntoTrivia: false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case ExpressionSyntax or ConstructorInitializerSyntax or AttributeSyntax or PrimaryConstructorBaseTypeSyntax:
                    var info = model.GetSymbolInfo(node, cancellationToken);
                    if (info.Symbol is not null || info.CandidateSymbols.Length > 0)
                    {
                        Add(node, "symbol", writer.Symbol(info.Symbol) + (info.CandidateSymbols.Length > 0
                            ? " candidates[" + info.CandidateReason + "] " + string.Join(" | ", info.CandidateSymbols.Select(writer.Symbol).Order(StringComparer.Ordinal))
                            : string.Empty));
                    }

                    if (node is ExpressionSyntax expression)
                    {
                        var type = model.GetTypeInfo(expression, cancellationToken);
                        if (type.Type is not null || type.ConvertedType is not null)
                        {
                            Add(node, "type", writer.Symbol(type.Type) + " -> " + writer.Symbol(type.ConvertedType));
                        }

                        var conversion = model.GetConversion(expression, cancellationToken);
                        if (conversion.IsUserDefined || conversion.MethodSymbol is not null)
                        {
                            Add(node, "conversion", writer.Symbol(conversion.MethodSymbol));
                        }
                    }

                    break;
                case ForEachStatementSyntax or ForEachVariableStatementSyntax:
                    var loop = model.GetForEachStatementInfo((CommonForEachStatementSyntax)node);
                    Add(node, "foreach", string.Join(" ", new ISymbol?[] { loop.GetEnumeratorMethod, loop.MoveNextMethod, loop.CurrentProperty, loop.DisposeMethod, loop.ElementType }
                        .Select(writer.Symbol)) + " " + writer.Symbol(loop.ElementConversion.MethodSymbol));
                    break;
                case VariableDeclaratorSyntax or ParameterSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or MethodDeclarationSyntax
                    or PropertyDeclarationSyntax or LocalFunctionStatementSyntax or SingleVariableDesignationSyntax:
                    var declared = model.GetDeclaredSymbol(node, cancellationToken);
                    if (declared is not null)
                    {
                        Add(node, "declares", writer.Symbol(declared));
                    }

                    break;
                default:
                    break;
            }

            if (node is AwaitExpressionSyntax awaited)
            {
                var await = model.GetAwaitExpressionInfo(awaited);
                Add(node, "await", writer.Symbol(await.GetAwaiterMethod) + " " + writer.Symbol(await.GetResultMethod) + " " + writer.Symbol(await.IsCompletedProperty));
            }

            if (node is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } initializer)
            {
                foreach (var element in initializer.Expressions)
                {
                    Add(element, "add", writer.Symbol(model.GetCollectionInitializerSymbolInfo(element, cancellationToken).Symbol));
                }
            }

            if (node is QueryClauseSyntax clause)
            {
                var query = model.GetQueryClauseInfo(clause, cancellationToken);
                Add(node, "query", writer.Symbol(query.OperationInfo.Symbol) + " " + writer.Symbol(query.CastInfo.Symbol));
            }
        }

        // Every method an operation calls, including the implicit ones (operators, conversions, deconstruction, string handlers).
        foreach (var statement in tree.GetRoot(cancellationToken).DescendantNodes().OfType<GlobalStatementSyntax>())
        {
            var operation = model.GetOperation(statement.Statement, cancellationToken);
            if (operation is null)
            {
                continue;
            }

            foreach (var op in operation.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var called = op switch
                {
                    IBinaryOperation b => b.OperatorMethod,
                    IUnaryOperation u => u.OperatorMethod,
                    ICompoundAssignmentOperation c => c.OperatorMethod,
                    IIncrementOrDecrementOperation i => i.OperatorMethod,
                    IConversionOperation c => c.OperatorMethod,
                    IInvocationOperation i => i.TargetMethod,
                    IObjectCreationOperation o => o.Constructor,
                    IRecursivePatternOperation r => r.DeconstructSymbol,
                    _ => null,
                };
                if (called is not null)
                {
                    Add(op.Syntax, "calls", writer.Symbol(called));
                }
            }
        }

        foreach (var (name, shape) in writer.Shapes())
        {
            shapes[name] = shape;
        }

        return new BindingFingerprint(entries, shapes) { DeclaredIn = declaredIn };
    }

    /// <summary>
    /// Where the student's fingerprint of a cell departs from the instructor's, in words for the student,
    /// or null when they are the same. Names on hidden lines of a test are not quoted.
    /// </summary>
    /// <param name="cellName">The cell as messages name it ("cell 7 (test-count-yes)").</param>
    /// <param name="source">The cell's whole source (to know which lines are hidden).</param>
    /// <param name="instructor">The fingerprint in the instructor's notebook.</param>
    /// <param name="student">The fingerprint in the student's notebook.</param>
    public static string? Difference(string cellName, string source, BindingFingerprint instructor, BindingFingerprint student)
    {
        ArgumentNullException.ThrowIfNull(instructor);
        ArgumentNullException.ThrowIfNull(student);
        var hidden = HiddenLines(source);
        var count = Math.Min(instructor.Entries.Count, student.Entries.Count);
        for (var i = 0; i < count; i++)
        {
            if (instructor.Entries[i] != student.Entries[i])
            {
                return Describe(cellName, hidden, student.Entries[i], student.DeclaredIn.ElementAtOrDefault(i));
            }
        }

        if (instructor.Entries.Count != student.Entries.Count)
        {
            var at = count < student.Entries.Count ? student.Entries[count] : instructor.Entries[count];
            return Describe(cellName, hidden, at, student.DeclaredIn.ElementAtOrDefault(count));
        }

        foreach (var (name, shape) in instructor.Shapes)
        {
            if (!student.Shapes.TryGetValue(name, out var theirs) || theirs != shape)
            {
                return $"{cellName} uses the type '{ShortName(name)}', which your notebook declares differently from the course's "
                    + "(its members, base types or hand-written Equals, operators or conversions differ): keep the type as the exercise gives it";
            }
        }

        return student.Shapes.Keys.FirstOrDefault(k => !instructor.Shapes.ContainsKey(k)) is { } extra
            ? $"{cellName} ends up using the type '{ShortName(extra)}' from your notebook where the course's test uses another: keep the names and signatures the exercise gives"
            : null;
    }

    private static string Describe(string cellName, HashSet<int> hidden, BoundName student, string? declaredIn)
    {
        var where = hidden.Contains(student.Line)
            ? "a hidden check"
            : $"'{student.Text}' (line {student.Line})";
        var theirs = declaredIn is null ? string.Empty : $" because of what {declaredIn} declares";
        return $"{cellName} was not run: in your notebook {where} no longer means what it means in the course's notebook{theirs}. "
            + "A test must use the course's own names, and an answer must keep the signature the exercise gives "
            + "(same name, parameter and return types): rename or remove what shadows, aliases or re-declares a name the test uses";
    }

    private static HashSet<int> HiddenLines(string source)
    {
        var lines = Markers.Lines(source ?? string.Empty);
        var hidden = new HashSet<int>();
        var inside = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Markers.Is(lines[i], Markers.BeginHiddenTests))
            {
                inside = true;
            }

            if (inside)
            {
                hidden.Add(i + 1);
            }

            if (Markers.Is(lines[i], Markers.EndHiddenTests))
            {
                inside = false;
            }
        }

        return hidden;
    }

    private static string ShortName(string name)
    {
        var plain = name[(name.LastIndexOf(':') + 1)..];
        var dot = plain.LastIndexOf('.');
        return dot >= 0 ? plain[(dot + 1)..] : plain;
    }

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString();
        var firstLine = text.Split('\n')[0].Trim();
        return firstLine.Length <= 60 ? firstLine : firstLine[..57] + "...";
    }

    /// <summary>Writes symbols without the accidents of compilation, and collects the shapes of notebook-declared types.</summary>
    private sealed class Writer(Func<string, string> tagOfScriptClass, Func<string, string> nameOfScriptClass)
    {
        private string? _studentDeclaration;

        /// <summary>The first cell not the instructor's that declared a symbol written since the last call, or null.</summary>
        public string? TakeStudentDeclaration()
        {
            var cell = _studentDeclaration;
            _studentDeclaration = null;
            return cell;
        }

        private const int MaxShapes = 256;
        private readonly Dictionary<string, string> _shapes = new(StringComparer.Ordinal);
        private readonly HashSet<INamedTypeSymbol> _seen = new(SymbolEqualityComparer.Default);
        private readonly Queue<INamedTypeSymbol> _pending = new();

        public string Symbol(ISymbol? symbol)
        {
            if (symbol is null)
            {
                return "-";
            }

            Visit(symbol);
            var assembly = symbol.ContainingAssembly is { } a
                ? (IsScript(a) ? "notebook[" + DeclaringCell(symbol) + "]" : a.Identity.Name)
                : symbol is ITypeSymbol { TypeKind: TypeKind.Array or TypeKind.Pointer or TypeKind.TypeParameter or TypeKind.FunctionPointer } ? "composite" : "-";
            return symbol.Kind + ":" + assembly + ":" + Tag(symbol.ToDisplayString(Format));
        }

        public IEnumerable<(string Name, string Shape)> Shapes()
        {
            while (_pending.TryDequeue(out var type) && _shapes.Count < MaxShapes)
            {
                _shapes[Symbol(type)] = Shape(type);
            }

            return _shapes.Select(kv => (kv.Key, kv.Value));
        }

        /// <summary>
        /// The tag of the cell that declared a notebook symbol: its script class's (Roslyn's display leaves
        /// script classes out, so two cells' declarations of the same name would otherwise read the same).
        /// </summary>
        private string DeclaringCell(ISymbol symbol)
        {
            for (var current = symbol as INamedTypeSymbol ?? symbol.ContainingType; current is not null; current = current.ContainingType)
            {
                if (current.IsScriptClass)
                {
                    var tag = tagOfScriptClass(current.Name);
                    if (tag == AnswerTag)
                    {
                        _studentDeclaration ??= nameOfScriptClass(current.Name);
                    }

                    return tag;
                }
            }

            return symbol.ContainingSymbol is { } owner && !SymbolEqualityComparer.Default.Equals(owner, symbol) ? DeclaringCell(owner) : "local";
        }

        private string Tag(string display) => ScriptClassName().Replace(display, m => tagOfScriptClass(m.Value));

        private static bool IsScript(IAssemblySymbol assembly) => assembly.Identity.Name.StartsWith("ℛ*", StringComparison.Ordinal);

        /// <summary>Queues every notebook-declared type the symbol mentions, so its shape is compared too.</summary>
        private void Visit(ISymbol symbol)
        {
            switch (symbol)
            {
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        Visit(argument);
                    }

                    if (named.ContainingAssembly is { } assembly && IsScript(assembly) && !named.IsScriptClass && _seen.Add(named.OriginalDefinition))
                    {
                        _pending.Enqueue(named.OriginalDefinition);
                    }

                    break;
                case IArrayTypeSymbol array:
                    Visit(array.ElementType);
                    break;
                case IMethodSymbol method:
                    Visit(method.ReturnType);
                    foreach (var parameter in method.Parameters)
                    {
                        Visit(parameter.Type);
                    }

                    if (method.ContainingType is { IsScriptClass: false } owner)
                    {
                        Visit(owner);
                    }

                    break;
                case IPropertySymbol property:
                    Visit(property.Type);
                    if (property.ContainingType is { IsScriptClass: false } propertyOwner)
                    {
                        Visit(propertyOwner);
                    }

                    break;
                case IFieldSymbol field:
                    Visit(field.Type);
                    if (field.ContainingType is { IsScriptClass: false } fieldOwner)
                    {
                        Visit(fieldOwner);
                    }

                    break;
                case ILocalSymbol local:
                    Visit(local.Type);
                    break;
                case IParameterSymbol parameter:
                    Visit(parameter.Type);
                    break;
                default:
                    break;
            }
        }

        /// <summary>A notebook-declared type's whole shape: kind, modifiers, base types and every member's signature.</summary>
        private string Shape(INamedTypeSymbol type)
        {
            var shape = new StringBuilder();
            shape.Append(type.TypeKind).Append(type.IsRecord ? " record" : string.Empty)
                .Append(type.IsSealed ? " sealed" : string.Empty).Append(type.IsAbstract ? " abstract" : string.Empty)
                .Append(type.IsStatic ? " static" : string.Empty).Append(" : ").Append(Symbol(type.BaseType));
            foreach (var implemented in type.Interfaces.Select(Symbol).Order(StringComparer.Ordinal))
            {
                shape.Append(", ").Append(implemented);
            }

            if (type.EnumUnderlyingType is { } underlying)
            {
                shape.Append(" enum ").Append(Symbol(underlying));
            }

            foreach (var member in type.GetMembers().Select(Member).Order(StringComparer.Ordinal))
            {
                shape.Append('\n').Append(member);
            }

            return shape.ToString();
        }

        private string Member(ISymbol member)
        {
            var flags = (member.IsImplicitlyDeclared ? "generated " : "written ")
                + (member.IsStatic ? "static " : string.Empty)
                + (member.IsVirtual ? "virtual " : string.Empty)
                + (member.IsOverride ? "override " : string.Empty)
                + (member.IsAbstract ? "abstract " : string.Empty)
                + member.DeclaredAccessibility + " ";
            var value = member is IFieldSymbol { HasConstantValue: true } constant ? " = " + constant.ConstantValue : string.Empty;
            return flags + Symbol(member) + value;
        }
    }
}

/// <summary>One bound name or implicit call of a cell.</summary>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Text">The source text (first line, shortened), for messages.</param>
/// <param name="Meaning">What it binds to, without the accidents of compilation.</param>
public sealed record BoundName(int Line, string Text, string Meaning);

/// <summary>What an instructor cell binds to: its names in order, and the shapes of the notebook-declared types they reach.</summary>
/// <param name="Entries">One per name, expression and implicit call, in source order.</param>
/// <param name="Shapes">Each notebook-declared type the cell reaches, by name, with its whole shape.</param>
public sealed record BindingFingerprint(IReadOnlyList<BoundName> Entries, IReadOnlyDictionary<string, string> Shapes)
{
    /// <summary>Per entry, the student's cell that declared what it binds to (for messages; not compared).</summary>
    public IReadOnlyList<string?> DeclaredIn { get; init; } = [];
}
