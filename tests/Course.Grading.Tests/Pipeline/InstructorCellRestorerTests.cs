using Course.Grading.Assignments;
using Course.Grading.Pipeline;
using Course.Grading.Results;
using Course.Notebooks;

namespace Course.Grading.Tests.Pipeline;

public sealed class InstructorCellRestorerTests
{
    private static readonly Assignment Assignment = Assignment.Load(TestPaths.SourceNotebook);

    private static Notebook Submission(string scenario) =>
        Notebook.Load(Path.Combine(TestPaths.Scenarios, scenario, "submission", "council-votes.ipynb"));

    [Fact]
    public void Test_and_locked_cells_come_from_the_instructor_with_their_hidden_tests()
    {
        var cells = InstructorCellRestorer.Restore(Assignment, Submission("all-correct"));
        var test = cells.Single(c => c.GradeId == "test-is-vetoed");
        Assert.Equal(CellOrigin.Test, test.Origin);
        Assert.Contains("BEGIN HIDDEN TESTS", test.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN HIDDEN TESTS", test.VisibleSource, StringComparison.Ordinal);
        Assert.Equal(CellOrigin.Instructor, cells.Single(c => c.GradeId == "setup").Origin);
        Assert.Contains("votes.Count(v => v.Choice == \"Yes\")", cells.Single(c => c.GradeId == "count-yes").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_test_is_put_back_after_its_answer_and_a_rewritten_one_is_replaced()
    {
        var cells = InstructorCellRestorer.Restore(Assignment, Submission("tampered-tests"));
        var ids = cells.Where(c => c.GradeId is not null).Select(c => c.GradeId).ToList();
        Assert.Equal(["setup", "count-yes", "test-count-yes", "is-vetoed", "test-is-vetoed", "adopted", "test-adopted"], ids);
        Assert.DoesNotContain("trust me", cells.Single(c => c.GradeId == "test-is-vetoed").Source, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, cells.Count), cells.Select(c => c.Index));
    }

    [Fact]
    public void A_cell_faking_a_tests_grade_id_is_only_a_student_cell()
    {
        var submission = Submission("not-attempted");
        var fake = NotebookCell.Code("Console.WriteLine(\"I pass\");");
        fake.Metadata["nbgrader"] = new System.Text.Json.Nodes.JsonObject
        {
            ["grade"] = true,
            ["grade_id"] = "test-count-yes",
            ["locked"] = true,
            ["points"] = 100,
            ["schema_version"] = 3,
            ["solution"] = false,
        };
        submission.Cells.Add(fake);
        var cells = InstructorCellRestorer.Restore(Assignment, submission);
        Assert.Single(cells, c => c.GradeId == "test-count-yes");
        Assert.Equal(CellOrigin.Student, cells[^1].Origin);
        Assert.Null(cells[^1].GradeId);
    }

    [Fact]
    public void A_deleted_answer_comes_back_as_the_stub()
    {
        var submission = Submission("all-correct");
        submission.Cells.Remove(submission.Cells.Single(c => c.Nbgrader?.GradeId == "is-vetoed"));
        var answer = InstructorCellRestorer.Restore(Assignment, submission).Single(c => c.GradeId == "is-vetoed");
        Assert.True(answer.IsStub);
        Assert.Equal(CellOrigin.Answer, answer.Origin);
    }
}
