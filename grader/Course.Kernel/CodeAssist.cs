using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Course.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Kernel;

/// <summary>A completion answer: the matches and the span of the cell text they replace (UTF-16 offsets).</summary>
/// <param name="Matches">Names that fit at the cursor, best first.</param>
/// <param name="Kinds">Each match's kind (<c>method</c>, <c>property</c>, <c>class</c>, ...), same order.</param>
/// <param name="Start">Where the replaced word starts.</param>
/// <param name="End">Where it ends (the cursor).</param>
public sealed record Completion(IReadOnlyList<string> Matches, IReadOnlyList<string> Kinds, int Start, int End);

/// <summary>
/// Completion, quick info and "is this cell complete?" for the kernel, from Roslyn: the cell is compiled
/// as the next submission after the kernel's last cell (so earlier cells' variables and types are known)
/// and its semantic model is asked what is in scope at the cursor (<c>LookupSymbols</c>) or what the
/// name under the cursor is.
/// </summary>
public static class CodeAssist
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static readonly SymbolDisplayFormat InfoFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        localOptions: SymbolDisplayLocalOptions.IncludeType,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Jupyter's <c>is_complete</c>: <c>complete</c>, or <c>incomplete</c> when the cell ends inside an open block, string or statement.</summary>
    public static string IsComplete(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (string.IsNullOrWhiteSpace(code))
        {
            return "complete";
        }

        var tree = CSharpSyntaxTree.ParseText(CellSource.Parse(code).Code, ScriptOptions);
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }

    /// <summary>The names that fit at <paramref name="cursor"/> (a UTF-16 offset into <paramref name="code"/>).</summary>
    public static Completion Complete(NotebookKernel kernel, string code, int cursor)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(code);
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        var prefix = code[start..cursor];
        if (Analyze(kernel, code, start) is not { } analysis)
        {
            return new Completion([], [], start, cursor);
        }

        var (model, position, root) = analysis;
        IEnumerable<ISymbol> symbols;
        var dot = position > 0 ? root.FindToken(position - 1) : default;
        if (dot.IsKind(SyntaxKind.DotToken) && dot.Parent is MemberAccessExpressionSyntax access)
        {
            symbols = Members(model, access.Expression, position);
        }
        else if (dot.IsKind(SyntaxKind.DotToken) && dot.Parent is QualifiedNameSyntax qualified)
        {
            symbols = Members(model, qualified.Left, position);
        }
        else
        {
            symbols = model.LookupSymbols(position);
        }

        var found = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Kind: KindOf(g.First())))
            .OrderBy(m => m.Name.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Completion([.. found.Select(m => m.Name)], [.. found.Select(m => m.Kind)], start, cursor);
    }

    /// <summary>Quick info for the name at <paramref name="cursor"/>: its signature and, when the assembly ships them, its docs; null when there is nothing there.</summary>
    public static string? Inspect(NotebookKernel kernel, string code, int cursor)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(code);
        cursor = Math.Clamp(cursor, 0, code.Length);
        if (Analyze(kernel, code, cursor) is not { } analysis)
        {
            return null;
        }

        var (model, position, root) = analysis;
        var token = root.FindToken(position);
        if (!token.IsKind(SyntaxKind.IdentifierToken) && position > 0)
        {
            token = root.FindToken(position - 1);
        }

        if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not { } node)
        {
            return null;
        }

        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
        if (symbol is null)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"({KindOf(symbol)}) {symbol.ToDisplayString(InfoFormat)}");
        if (info.CandidateSymbols.Length > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $" (+{info.CandidateSymbols.Length - 1} overloads)");
        }

        if (Summary(symbol) is { Length: > 0 } summary)
        {
            text.AppendLine().AppendLine().Append(summary);
        }

        return text.ToString();
    }

    // The cell compiled as the kernel's next submission, and the cursor moved to the compiled text.
    private static (SemanticModel Model, int Position, SyntaxNode Root)? Analyze(NotebookKernel kernel, string code, int cursor)
    {
        var compilation = kernel.Compiler.Compile(code, kernel.LastCompilation).Compilation;
        var tree = compilation.SyntaxTrees[0];
        var text = tree.GetText();

        // Directive lines are blanked in the compiled text, so map the cursor by line and column.
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < cursor; i++)
        {
            if (code[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        if (line >= text.Lines.Count)
        {
            return null;
        }

        var compiledLine = text.Lines[line];
        var position = Math.Min(compiledLine.Start + (cursor - lineStart), compiledLine.End);
        return (compilation.GetSemanticModel(tree), position, tree.GetRoot());
    }

    private static IEnumerable<ISymbol> Members(SemanticModel model, ExpressionSyntax left, int position)
    {
        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceSymbol ns)
        {
            return model.LookupNamespacesAndTypes(position, ns);
        }

        if (symbol is ITypeSymbol type)
        {
            return model.LookupStaticMembers(position, type);
        }

        return model.GetTypeInfo(left).Type is { } instanceType
            ? model.LookupSymbols(position, instanceType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { ReducedFrom: not null })
            : [];
    }

    private static string KindOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "enum member",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        ILocalSymbol => "local",
        IParameterSymbol => "parameter",
        INamespaceSymbol => "namespace",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { IsRecord: true } => "record",
        INamedTypeSymbol => "class",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    private static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            return summary is null ? null : string.Join(' ', summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
