using Course.Grading.Assignments;
using Course.Grading.Release;
using Course.Notebooks;

namespace Course.Grading.Tests.Release;

public sealed class StudentVersionTests
{
    private static Notebook Source() => Notebook.Load(TestPaths.SourceNotebook);

    [Fact]
    public void Solutions_become_indented_stubs_and_hidden_tests_disappear()
    {
        var student = StudentVersion.Create(Source(), "council-votes.ipynb");
        var countYes = student.Cells.Single(c => c.Nbgrader?.GradeId == "count-yes");
        Assert.Equal("int CountYes(IEnumerable<Vote> votes)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}", countYes.Source);
        var test = student.Cells.Single(c => c.Nbgrader?.GradeId == "test-is-vetoed");
        Assert.DoesNotContain("HIDDEN", test.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("non-permanent", test.Source, StringComparison.Ordinal);
        Assert.Contains("Russia's 'No'", test.Source, StringComparison.Ordinal);
        Assert.All(student.Cells.Where(c => c.Kind == CellKind.Code), c => Assert.Empty(c.Outputs));
        Assert.All(student.Cells.Where(c => c.Kind == CellKind.Code), c => Assert.Null(c.ExecutionCount));
        Assert.DoesNotContain("BEGIN SOLUTION", student.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("v.Permanent && v.Choice", student.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_nbgrader_metadata_and_cell_ids_so_grading_can_match_cells()
    {
        var source = Source();
        var student = StudentVersion.Create(source, "council-votes.ipynb");
        Assert.Equal(source.Cells.Select(c => (c.Id, c.Nbgrader)), student.Cells.Select(c => (c.Id, c.Nbgrader)));
        Assert.Equal(source.Metadata.ToJsonString(), student.Metadata.ToJsonString());
    }

    [Fact]
    public void Is_byte_for_byte_repeatable_and_equals_the_hand_made_student_version()
    {
        var first = StudentVersion.Create(Source(), "council-votes.ipynb").ToJson();
        var second = StudentVersion.Create(Source(), "council-votes.ipynb").ToJson();
        Assert.Equal(first, second);
        // The not-attempted scenario is the released notebook, written independently of this code.
        var handMade = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "not-attempted", "submission", "council-votes.ipynb"));
        Assert.Equal(handMade, first);
    }

    [Fact]
    public void Does_not_change_the_source_notebook()
    {
        var source = Source();
        var before = source.ToJson();
        _ = StudentVersion.Create(source, "x.ipynb");
        Assert.Equal(before, source.ToJson());
    }

    [Theory]
    [InlineData("duplicate", "cell 5 (grade_id 'count-yes'): duplicate grade_id, already used by cell 4")]
    [InlineData("no-points", "cell 5 (grade_id 'test-count-yes'): a test cell (grade: true) without points (and 1 more)")]
    [InlineData("unbalanced", "cell 4 (grade_id 'count-yes'): unbalanced solution markers, line 3: 'BEGIN SOLUTION' is never closed by 'END SOLUTION'")]
    [InlineData("unbalanced-hidden", "cell 5 (grade_id 'test-count-yes'): unbalanced hidden-test markers, line 3: 'END HIDDEN TESTS' without 'BEGIN HIDDEN TESTS'")]
    public void Refuses_inconsistent_exercise_metadata_with_a_clear_message(string defect, string expected)
    {
        var source = Source();
        var answer = source.Cells[3];
        var test = source.Cells[4];
        switch (defect)
        {
            case "duplicate":
                test.Metadata["nbgrader"]!["grade_id"] = "count-yes";
                break;
            case "no-points":
                test.Metadata["nbgrader"]!.AsObject().Remove("points");
                break;
            case "unbalanced":
                answer.Source = answer.Source.Replace("    // END SOLUTION\n", string.Empty, StringComparison.Ordinal);
                break;
            default:
                test.Source = test.Source.Replace("// BEGIN HIDDEN TESTS\n", string.Empty, StringComparison.Ordinal);
                break;
        }

        var error = Assert.Throws<AssignmentFormatException>(() => StudentVersion.Create(source, "council-votes.ipynb"));
        Assert.Equal("council-votes.ipynb: " + expected, error.Message);
    }
}
