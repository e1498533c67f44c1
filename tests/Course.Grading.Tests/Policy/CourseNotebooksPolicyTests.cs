using Course.Grading.Pipeline;
using Course.Grading.Results;
using Course.Notebooks;

namespace Course.Grading.Tests.Policy;

/// <summary>
/// No false positive on the course itself: every C# cell of every notebook in <c>source/</c> (instructor solutions,
/// tests, locked cells) and <c>notebooks/</c> (the student versions) passes the policy, compiled as
/// <see cref="SubmissionCompiler"/> compiles a submission (all cells checked, as if the student wrote them).
/// </summary>
public sealed class CourseNotebooksPolicyTests
{
    public static TheoryData<string> Notebooks()
    {
        var root = RepositoryRoot();
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "source", "notebooks" })
        {
            foreach (var path in Directory.GetFiles(Path.Combine(root, folder), "*.ipynb").Order(StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetFileName(path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_of_the_course_notebook_passes_the_policy(string notebook)
    {
        var path = Path.Combine(RepositoryRoot(), notebook);
        var cells = Notebook.Load(path).Cells
            .Select((cell, index) => new GradingCell(
                index,
                // Test cells are the instructor's (the policy reads only the cells a student may write).
                cell.Nbgrader is { IsTest: true } ? CellOrigin.Test : CellOrigin.Student,
                cell.Kind == CellKind.Code && (cell.KernelName ?? NotebookCell.CSharpKernel) == NotebookCell.CSharpKernel,
                cell.Source,
                cell.Source,
                null,
                false))
            .ToList();
        Assert.True(cells.Count(c => c.IsCode) >= 3, $"{notebook} has too few code cells to be a course notebook");

        var compiler = new SubmissionCompiler(PolicyHarness.NewCompiler(Path.GetDirectoryName(path)!), PolicyHarness.Policy);
        var prepared = compiler.Prepare(cells, CancellationToken.None);

        // A cell that does not compile hides its symbols from the policy: every cell must compile.
        Assert.Empty(prepared.Cells.Where(c => c.CompileFailure is not null).Select(c => $"{c.Cell.Name}: {c.CompileFailure!.Error}"));
        Assert.Empty(prepared.Violations.Select(v => v.ToString()));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);
    }
}
