namespace Course.Grading.Assignments;

/// <summary>
/// An instructor's source notebook whose exercise metadata cannot be released or graded. The message is
/// one line: "&lt;file&gt;: cell N (grade_id 'x'): &lt;problem&gt;".
/// </summary>
public sealed class AssignmentFormatException(string message) : Exception(message);
