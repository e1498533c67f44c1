using Course.Grading.Reports;
using Course.Grading.Results;

namespace Course.Grading.Tests.Reports;

/// <summary>gradebook.csv: a student id is never a spreadsheet formula and never carries control characters.</summary>
public sealed class GradebookTests
{
    private static string RowOf(string studentId)
    {
        var result = new SubmissionResult(studentId, "council-votes", [new TestOutcome("test-a", 1, 1, TestStatus.Passed, string.Empty, false)], "1 of 1 tests passed.", []);
        var csv = Gradebook.ToCsv([("council-votes", ["test-a"])], [result]);
        return csv.Split('\n')[1];
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\",council-votes,1,1,graded,1")]
    [InlineData("+1", "\"'+1\",council-votes,1,1,graded,1")]
    [InlineData("-2+3", "\"'-2+3\",council-votes,1,1,graded,1")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\",council-votes,1,1,graded,1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",council-votes,1,1,graded,1")]
    [InlineData("alice", "alice,council-votes,1,1,graded,1")]
    public void Formula_leading_ids_are_escaped_as_text(string studentId, string row) => Assert.Equal(row, RowOf(studentId));

    [Theory]
    [InlineData("\t=1+1", "\\u0009=1+1,council-votes,1,1,graded,1")]
    [InlineData("\r=1+1", "\\u000D=1+1,council-votes,1,1,graded,1")]
    [InlineData("bob\n=1+1", "bob\\u000A=1+1,council-votes,1,1,graded,1")]
    [InlineData("eve\u001b[2J\u202e", "eve\\u001B[2J\\u202E,council-votes,1,1,graded,1")]
    public void Control_and_bidirectional_characters_are_visible_escapes_and_a_row_stays_one_line(string studentId, string row) =>
        Assert.Equal(row, RowOf(studentId));
}
