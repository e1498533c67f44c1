namespace Course.Cli.Infrastructure;

/// <summary>Bad input or a failed request, reported as one line on stderr with exit code 1.</summary>
public sealed class CourseUserException(string message, Exception? inner = null) : Exception(message, inner);
