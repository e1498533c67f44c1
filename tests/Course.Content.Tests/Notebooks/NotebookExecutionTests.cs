using Course.Engine;
using Course.Engine.Runtime;

namespace Course.Content.Tests.Notebooks;

/// <summary>
/// Every notebook runs through the course's own engine: a source notebook, with its solutions, runs top to bottom
/// with no error; a released notebook, with stubs in place, still compiles and runs every cell except its test
/// cells, which fail because the exercises are not done (so later teaching cells never depend on an answer).
/// </summary>
public sealed class NotebookExecutionTests
{
    private static readonly NotebookRunOptions Options = new() { CellTimeLimit = TimeSpan.FromSeconds(60) };

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public async Task Source_notebook_runs_with_no_error(string name)
    {
        var result = await NotebookRunner.RunAsync(CourseNotebooks.Load("source", name), Options);
        var problems = result.Cells.Where(c => c.Run.Status != CellStatus.Ok).Select(Describe).ToList();
        Assert.True(problems.Count == 0, $"source/{name}: cells that did not run cleanly:\n" + string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public async Task Released_notebook_runs_except_its_test_cells(string name)
    {
        var notebook = CourseNotebooks.Load("notebooks", name);
        var result = await NotebookRunner.RunAsync(notebook, Options);
        var problems = result.Cells
            .Where(c => c.Run.Status != CellStatus.Ok && notebook.Cells[c.Index].Nbgrader?.IsTest != true)
            .Select(Describe)
            .ToList();
        Assert.True(problems.Count == 0, $"notebooks/{name}: with the exercise stubs in place, these non-test cells fail (a teaching cell must not need an answer):\n" + string.Join('\n', problems));
        var tests = result.Cells.Where(c => notebook.Cells[c.Index].Nbgrader?.IsTest == true).ToList();
        Assert.All(tests, t => Assert.True(
            t.Run.Status == CellStatus.RuntimeError,
            $"notebooks/{name}: test cell '{t.CellId}' should fail at run time on the stub, but its status is {t.Run.Status}"));
    }

    private static string Describe(CellResult cell) => $"  cell {cell.Number} '{cell.CellId}': {cell.Run.Status} {cell.Run.Error?.ToString() ?? cell.Run.NotRunReason}";
}
