using Course.Engine.Runtime;

namespace Course.Engine.Tests;

/// <summary>A notebook's own exception type is the notebook's code: reporting it must not run that code unguarded.</summary>
public class HostileExceptionTests
{
    [Fact]
    public async Task An_exception_whose_Message_throws_is_reported_as_the_cells_error_and_the_next_cell_runs()
    {
        using var kernel = new NotebookKernel();

        var thrown = await kernel.SubmitAsync("class Sly : Exception { public override string Message => throw new InvalidOperationException(\"no\"); }\nthrow new Sly();");
        var next = await kernel.SubmitAsync("1 + 1");

        Assert.Equal(CellStatus.RuntimeError, thrown.Run.Status);
        Assert.EndsWith("+Sly", thrown.Run.Error!.Type, StringComparison.Ordinal);
        Assert.StartsWith("(its Message threw System.InvalidOperationException)", thrown.Run.Error.Message, StringComparison.Ordinal);
        Assert.Equal(CellStatus.Ok, next.Run.Status);
    }
}
