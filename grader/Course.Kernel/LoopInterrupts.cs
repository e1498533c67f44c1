using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Kernel;

/// <summary>
/// Makes a cell's loops interruptible: the body of every <c>while</c>, <c>do</c>, <c>for</c> and
/// <c>foreach</c> starts with a call to <see cref="Course.Engine.Runtime.CellInterrupt.ThrowIfRequested"/>,
/// so Jupyter's "Interrupt" stops an endless loop with an exception and the kernel keeps its state.
/// The call is inserted on the body's own line, so line numbers (in errors and stack traces) do not move.
/// </summary>
public static class LoopInterrupts
{
    /// <summary>The statement put at the top of each loop body.</summary>
    public const string Check = "global::Course.Engine.Runtime.CellInterrupt.ThrowIfRequested();";

    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The cell's code with the check in every loop body; the code itself when it has no loop.</summary>
    public static string Instrument(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var root = CSharpSyntaxTree.ParseText(code, ScriptOptions).GetRoot();
        if (!root.DescendantNodes().Any(IsLoop))
        {
            return code;
        }

        return new Rewriter().Visit(root).ToFullString();
    }

    private static bool IsLoop(SyntaxNode node) =>
        node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax;

    private sealed class Rewriter : CSharpSyntaxRewriter
    {
        private static readonly StatementSyntax CheckStatement = SyntaxFactory.ParseStatement(Check);

        public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
        {
            var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
            return visited.WithStatement(Wrap(visited.Statement));
        }

        public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
        {
            var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
            return visited.WithStatement(Wrap(visited.Statement));
        }

        public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
        {
            var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
            return visited.WithStatement(Wrap(visited.Statement));
        }

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
        {
            var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
            return visited.WithStatement(Wrap(visited.Statement));
        }

        public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
        {
            var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
            return visited.WithStatement(Wrap(visited.Statement));
        }

        // { check; body } with the body's surrounding trivia (its line breaks) kept outside the braces.
        private static BlockSyntax Wrap(StatementSyntax body) =>
            SyntaxFactory.Block(CheckStatement, body.WithoutLeadingTrivia().WithoutTrailingTrivia())
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia()))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(body.GetTrailingTrivia()));
    }
}
