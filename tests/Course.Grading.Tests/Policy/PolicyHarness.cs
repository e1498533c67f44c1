using Course.Engine;
using Course.Grading.Policy;
using Course.Notebooks;

namespace Course.Grading.Tests.Policy;

/// <summary>
/// Compiles cells as the grader does (the engine's <see cref="CellCompiler"/>, chained, with the course library
/// redirected to the built one) and runs the policy on them.
/// </summary>
internal static class PolicyHarness
{
    /// <summary>The built course library (the test project references it).</summary>
    public static string CourseLibrary => typeof(CollectiveSecurity.Data.CourseData).Assembly.Location;

    public static SubmissionPolicy Policy { get; } = new([CourseDirectory.CourseLibReference]);

    /// <summary>The first cell of every course notebook: the library and its namespaces.</summary>
    public const string Prelude =
        "#r \"" + CourseDirectory.CourseLibReference + "\"\n"
        + "using CollectiveSecurity.Charts;\nusing CollectiveSecurity.Data;\nusing CollectiveSecurity.Exercises;\n"
        + "using CollectiveSecurity.Organizations;\nusing CollectiveSecurity.Principles;\nusing CollectiveSecurity.Simulations;\n";

    /// <summary>A compiler as <c>course grade</c> makes it: only the course library may be referenced.</summary>
    public static CellCompiler NewCompiler(string baseDirectory) => new(new CellCompilerOptions
    {
        Name = "policy-tests",
        BaseDirectory = baseDirectory,
        ReferencePolicy = request => request.Reference.Replace('\\', '/').EndsWith(CourseDirectory.CourseLibFileName, StringComparison.Ordinal)
            ? ReferenceDecision.Allow(CourseLibrary)
            : ReferenceDecision.Refuse("only the course library"),
    });

    /// <summary>The violations of <paramref name="code"/>, compiled after <see cref="Prelude"/>.</summary>
    public static IReadOnlyList<PolicyViolation> Check(string code) => CheckCompiled(code).Violations;

    /// <summary>The violations of <paramref name="code"/> and its compile errors (to show an allowed sample really compiles).</summary>
    public static (IReadOnlyList<PolicyViolation> Violations, IReadOnlyList<CellDiagnostic> Errors) CheckCompiled(string code)
    {
        var cell = Compile(code);
        var model = cell.Compilation.GetSemanticModel(cell.SyntaxTree);
        return (Policy.Check(model, cell.SyntaxTree), cell.Errors);
    }

    /// <summary><paramref name="code"/> compiled after <see cref="Prelude"/>.</summary>
    public static CellCompilation Compile(string code)
    {
        var compiler = NewCompiler(AppContext.BaseDirectory);
        var prelude = compiler.Compile(Prelude, null);
        Assert.Empty(prelude.Errors);
        return compiler.Compile(code, prelude);
    }
}
