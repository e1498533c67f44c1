using System.Globalization;

namespace CollectiveSecurity.Exercises;

/// <summary>
/// Assertions for the course's test cells. A test cell passes when it runs without throwing, so each
/// check throws a <see cref="CheckFailedException"/> whose message tells the learner what was expected
/// and what their code produced, in plain words.
/// </summary>
/// <example>
/// <code>
/// Check.Equal(9, votesNeeded, "affirmative votes needed to adopt a resolution");
/// Check.That(result.IsVetoed, "a 'no' vote from a permanent member should veto the draft");
/// </code>
/// </example>
public static class Check
{
    /// <summary>Fails with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What must be true.</param>
    /// <param name="message">What the learner should have achieved, said as a sentence.</param>
    /// <exception cref="CheckFailedException">When <paramref name="condition"/> is false.</exception>
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new CheckFailedException(message);
        }
    }

    /// <summary>Fails unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The compared type; equality is <see cref="EqualityComparer{T}.Default"/>.</typeparam>
    /// <param name="expected">The right answer.</param>
    /// <param name="actual">The learner's answer.</param>
    /// <param name="what">What the value means, e.g. "vetoes cast by France".</param>
    /// <exception cref="CheckFailedException">When the values differ.</exception>
    public static void Equal<T>(T expected, T actual, string what)
    {
        RequireSameKind(expected, actual, what);
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new CheckFailedException(
                string.Create(CultureInfo.InvariantCulture, $"{what}: expected {Show(expected)}, got {Show(actual)}."));
        }
    }

    /// <summary>Fails unless <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    /// <param name="expected">The right answer.</param>
    /// <param name="actual">The learner's answer.</param>
    /// <param name="tolerance">The largest accepted absolute difference.</param>
    /// <param name="what">What the value means.</param>
    /// <exception cref="CheckFailedException">When the values are further apart than the tolerance, or not numbers.</exception>
    public static void Near(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(actual) || Math.Abs(expected - actual) > tolerance)
        {
            throw new CheckFailedException(
                string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:G6} (within {tolerance:G3}), got {actual:G6}."));
        }
    }

    /// <summary>Fails unless <paramref name="actual"/> holds exactly the items of <paramref name="expected"/>, in any order.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="expected">The right items.</param>
    /// <param name="actual">The learner's items.</param>
    /// <param name="what">What the items are.</param>
    /// <exception cref="CheckFailedException">When an item is missing or extra.</exception>
    public static void SameItems<T>(IEnumerable<T> expected, IEnumerable<T>? actual, string what)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null)
        {
            throw new CheckFailedException($"{what}: expected a collection, got null.");
        }

        var want = expected.ToList();
        var got = actual.ToList();
        foreach (var item in got)
        {
            RequireSameKind(want.FirstOrDefault(w => w is not null && item is not null && w.GetType() == item.GetType()) ?? want.FirstOrDefault(), item, what);
        }

        // Equality is always asked of the expected item (the test's own value), never of the learner's.
        var missing = want.Where(w => !got.Any(g => EqualityComparer<T>.Default.Equals(w, g))).ToList();
        var extra = got.Where(g => !want.Any(w => EqualityComparer<T>.Default.Equals(w, g))).ToList();
        if (missing.Count > 0 || extra.Count > 0 || want.Count != got.Count)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add("missing " + string.Join(", ", missing.Select(Show)));
            }

            if (extra.Count > 0)
            {
                parts.Add("unexpected " + string.Join(", ", extra.Select(Show)));
            }

            if (parts.Count == 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"expected {want.Count} items, got {got.Count}"));
            }

            throw new CheckFailedException($"{what}: {string.Join("; ", parts)}.");
        }
    }

    /// <summary>
    /// Fails when the learner's value is of another runtime type than the expected one (a subclass, or a type of
    /// the learner's own that would answer <c>Equals</c> itself): equality is then decided by the test's value.
    /// </summary>
    private static void RequireSameKind<T>(T expected, T actual, string what)
    {
        if (expected is null || actual is null)
        {
            return;
        }

        var want = expected.GetType();
        var got = actual.GetType();
        if (want != got)
        {
            throw new CheckFailedException($"{what}: expected a value of type {want.Name}, got a {got.Name}.");
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}

/// <summary>Thrown by <see cref="Check"/> when a test cell's expectation is not met; its message is shown to the learner.</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception with the message the learner will read.</summary>
    /// <param name="message">What was expected and what was found.</param>
    public CheckFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message (prefer the constructor that takes one).</summary>
    public CheckFailedException()
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">What was expected and what was found.</param>
    /// <param name="innerException">The cause.</param>
    public CheckFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
