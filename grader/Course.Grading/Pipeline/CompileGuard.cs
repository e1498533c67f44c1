using Course.Grading.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading.Pipeline;

/// <summary>
/// What a student cell may not be before the compiler binds it: shapes whose binding costs grow
/// exponentially (lambdas nested in lambdas, where every level multiplies the overloads to try) or that
/// are deeper than any answer needs. Parsing is linear, so this check is cheap and always finishes.
/// </summary>
public static class CompileGuard
{
    /// <summary>The deepest nesting of lambdas and anonymous methods allowed in a graded cell.</summary>
    public const int MaxLambdaDepth = 6;

    /// <summary>The deepest syntax tree allowed in a graded cell (expressions, statements and blocks).</summary>
    public const int MaxSyntaxDepth = 200;

    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The reason a cell is too complex to compile safely, or null.</summary>
    public static PolicyViolation? Problem(string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = CSharpSyntaxTree.ParseText(source, Script, cancellationToken: cancellationToken).GetRoot(cancellationToken);
        var stack = new Stack<(SyntaxNode Node, int Depth, int Lambdas)>();
        stack.Push((root, 0, 0));
        while (stack.Count > 0)
        {
            var (node, depth, lambdas) = stack.Pop();
            if (node is AnonymousFunctionExpressionSyntax)
            {
                lambdas++;
            }

            var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            if (lambdas > MaxLambdaDepth)
            {
                return new PolicyViolation(
                    "nested lambdas",
                    $"lambdas nested more than {MaxLambdaDepth} deep (they can make compiling take exponential time)",
                    line);
            }

            if (depth > MaxSyntaxDepth)
            {
                return new PolicyViolation("nesting", $"code nested more than {MaxSyntaxDepth} levels deep", line);
            }

            foreach (var child in node.ChildNodes())
            {
                stack.Push((child, depth + 1, lambdas));
            }
        }

        return null;
    }
}
