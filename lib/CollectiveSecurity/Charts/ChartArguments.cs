using System.Collections.Immutable;
using System.Globalization;

namespace CollectiveSecurity.Charts;

/// <summary>Checks and copies chart inputs, so a figure never shares a caller's array and bad input fails early with a clear message.</summary>
internal static class ChartArguments
{
    /// <summary>Copies labels, refusing a missing list or a null label.</summary>
    public static ImmutableArray<string> Labels(IEnumerable<string> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var copy = values.ToImmutableArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException(Invariant($"{name}[{i}] is null; every label needs text."), name);
            }
        }

        return copy;
    }

    /// <summary>Copies numbers, refusing NaN and infinities (plotly cannot draw them and JSON cannot hold them).</summary>
    public static ImmutableArray<double> Finite(IEnumerable<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var copy = values.ToImmutableArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
            {
                throw new ArgumentException(Invariant($"{name}[{i}] is {copy[i]}; chart values must be finite numbers."), name);
            }
        }

        return copy;
    }

    /// <summary>Copies numbers, keeping <see langword="null"/> (a gap) but refusing NaN and infinities.</summary>
    public static ImmutableArray<double?> FiniteOrGap(IEnumerable<double?> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var copy = values.ToImmutableArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is { } value && !double.IsFinite(value))
            {
                throw new ArgumentException(Invariant($"{name}[{i}] is {value}; use null for a missing value."), name);
            }
        }

        return copy;
    }

    /// <summary>Requires two inputs that pair up one to one to have the same length.</summary>
    public static void SameLength(int count, string name, int otherCount, string otherName)
    {
        if (count != otherCount)
        {
            throw new ArgumentException(
                Invariant($"{name} has {count} values but {otherName} has {otherCount}; they pair up one to one, so give the same number of each."),
                otherName);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
