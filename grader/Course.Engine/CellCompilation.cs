using System.Globalization;
using Course.Engine.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Engine;

/// <summary>
/// One cell compiled as the next script submission of its notebook: the Roslyn compilation and
/// syntax tree (for checks such as the grader's policy), its errors, and, when it compiled, the
/// <see cref="CompiledCell"/> to run. A cell that does not compile does not join the chain: the next
/// cell continues from <see cref="ChainHead"/>.
/// </summary>
public sealed class CellCompilation
{
    internal CellCompilation(
        CSharpCompilation compilation,
        SyntaxTree syntaxTree,
        CellCompilation? previousInChain,
        IReadOnlyList<CellDiagnostic> errors,
        CompiledCell? compiled,
        TimeSpan duration,
        CellChain chain)
    {
        Chain = chain;
        Compilation = compilation;
        SyntaxTree = syntaxTree;
        PreviousInChain = previousInChain;
        Errors = errors;
        Compiled = compiled;
        Duration = duration;
    }

    internal CellChain Chain { get; }

    /// <summary>The Roslyn script compilation (chained on the previous cells').</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>The cell's syntax tree, as compiled (kernel lines blanked, line numbers unchanged); files pulled in by <c>#load</c> are other trees of <see cref="Compilation"/>.</summary>
    public SyntaxTree SyntaxTree { get; }

    /// <summary>Errors, each naming its line in the cell; empty when the cell compiled.</summary>
    public IReadOnlyList<CellDiagnostic> Errors { get; }

    /// <summary>What to run; null when the cell did not compile.</summary>
    public CompiledCell? Compiled { get; }

    /// <summary>Wall time spent compiling and emitting.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True when the cell compiled.</summary>
    public bool Succeeded => Compiled is not null;

    /// <summary>The last cell of the chain this one continued from (null for the first).</summary>
    public CellCompilation? PreviousInChain { get; }

    /// <summary>The compilation the next cell continues from: this one if it compiled, else the chain's head before it.</summary>
    public CellCompilation? ChainHead => Succeeded ? this : PreviousInChain;

    /// <summary>The first error as a <see cref="CellError"/>, or null.</summary>
    public CellError? Error => Errors.Count == 0
        ? null
        : new CellError(CellError.CompilationError, string.Join(" ", Errors.Select(e => e.ToString())), Errors[0].Line);

    /// <summary>The compile failure as a cell run (no outputs but the error), or null when the cell compiled.</summary>
    public CellRun? ToFailedRun() => Error is { } error
        ? new CellRun(CellStatus.CompileError, [error.ToOutput([.. Errors.Select(e => e.ToString())])], error, TimeSpan.Zero)
        : null;
}

/// <summary>A compile error, placed in the cell.</summary>
/// <param name="Id">Roslyn's id (<c>CS0103</c>), or <c>COURSE</c> for the engine's own.</param>
/// <param name="Message">The message (invariant culture).</param>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Column">1-based column.</param>
public sealed record CellDiagnostic(string Id, string Message, int Line, int Column)
{
    /// <summary>The kernel's layout: <c>(2,5): error CS0103: The name 'y' does not exist in the current context</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Line},{Column}): error {Id}: {Message}");

    internal static CellDiagnostic From(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan().StartLinePosition;
        return new CellDiagnostic(diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture), span.Line + 1, span.Character + 1);
    }
}
