using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Course.Engine.Runtime;

/// <summary>
/// Plain-text rendering of values in the layout of .NET Interactive's <c>PlainTextFormatter</c>:
/// scalars as text (invariant culture here, so outputs repeat byte for byte), sequences of scalars as
/// <c>[ 1, 2, 3 ]</c> (first 20 items, then <c>... (n more)</c>), objects and records as their type name
/// followed by one indented <c>Name: value</c> line per public property or field, and sequences of
/// objects as the sequence's type followed by <c>  - </c>-led items. Hand-written: the kernel's formatter
/// package cannot be restored here.
/// </summary>
public static class PlainTextFormatter
{
    /// <summary>Items of a sequence shown before <c>... (n more)</c>, as the kernel's <c>ListExpansionLimit</c>.</summary>
    public const int ListExpansionLimit = 20;

    /// <summary>How deep nested objects are expanded, as the kernel's <c>RecursionLimit</c>.</summary>
    public const int RecursionLimit = 6;

    /// <summary>What <c>null</c> shows as (the kernel's <c>Formatter.NullString</c>).</summary>
    public const string NullString = "<null>";

    public static string Format(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, depth: 0, level: 0, startingInSequence: false);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth, int level, bool startingInSequence)
    {
        if (value is null)
        {
            text.Append(NullString);
            return;
        }

        var type = value.GetType();
        switch (value)
        {
            case string s:
                text.Append(s);
                return;
            case Type t:
                text.Append(TypeName(t));
                return;
            case Exception e:
                text.Append(e.ToString());
                return;
            case DateTime dt:
                text.Append(dt.ToString("u", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                text.Append(dto.ToString("u", CultureInfo.InvariantCulture));
                return;
            case HtmlContent html:
                text.Append(html.Html);
                return;
        }

        if (IsScalar(type))
        {
            text.Append(Scalar(value));
            return;
        }

        if (level >= RecursionLimit)
        {
            text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            return;
        }

        if (value is ITuple tuple && type.IsGenericType && type.FullName!.StartsWith("System.", StringComparison.Ordinal))
        {
            WriteTuple(text, tuple, depth, level);
            return;
        }

        var members = MembersOf(type);
        if (value is IEnumerable sequence && (members.Length == 0 || IsCollectionType(type)))
        {
            WriteSequence(text, sequence, depth, level);
            return;
        }

        if (members.Length == 0)
        {
            text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            return;
        }

        if (!startingInSequence)
        {
            text.Append(TypeName(type)).Append('\n');
        }

        for (var i = 0; i < members.Length; i++)
        {
            text.Append(' ', depth * 2).Append(startingInSequence && i == 0 ? "  - " : "    ");
            text.Append(members[i].Name).Append(": ");
            Write(text, ValueOf(members[i], value), depth + 1, level + 1, startingInSequence: false);
            if (i < members.Length - 1)
            {
                text.Append('\n');
            }
        }
    }

    private static void WriteSequence(StringBuilder text, IEnumerable sequence, int depth, int level)
    {
        var items = new List<object?>();
        var more = 0;
        foreach (var item in sequence)
        {
            if (items.Count < ListExpansionLimit)
            {
                items.Add(item);
            }
            else
            {
                more++;
            }
        }

        var singleLine = items.TrueForAll(item => item is null || item is string || IsScalar(item.GetType()));
        if (singleLine)
        {
            text.Append("[ ");
            for (var i = 0; i < items.Count; i++)
            {
                text.Append(i > 0 ? ", " : string.Empty);
                Write(text, items[i], depth + 1, level + 1, startingInSequence: false);
            }
        }
        else
        {
            text.Append(TypeName(sequence.GetType()));
            foreach (var item in items)
            {
                text.Append('\n');
                if (item is null || MembersOf(item.GetType()).Length == 0 || item is IEnumerable)
                {
                    text.Append(' ', depth * 2).Append("  - ");
                }

                Write(text, item, depth, level + 1, startingInSequence: true);
            }
        }

        if (more > 0)
        {
            text.Append(" ... (").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" more)");
        }

        if (singleLine)
        {
            text.Append(" ]");
        }
    }

    private static void WriteTuple(StringBuilder text, ITuple tuple, int depth, int level)
    {
        text.Append("( ");
        for (var i = 0; i < tuple.Length; i++)
        {
            text.Append(i > 0 ? ", " : string.Empty);
            Write(text, tuple[i], depth + 1, level + 1, startingInSequence: false);
        }

        text.Append(" )");
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid) || type == typeof(TimeSpan)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(BigInteger) || type == typeof(Half)
        || type == typeof(Uri) || (Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner));

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "True" : "False",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // Collections show their items, not their Count/Capacity properties.
    private static bool IsCollectionType(Type type) =>
        type.IsArray || typeof(ICollection).IsAssignableFrom(type)
        || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(ICollection<>) || d == typeof(IReadOnlyCollection<>)));

    private static MemberInfo[] MembersOf(Type type) =>
        [.. type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m is PropertyInfo { CanRead: true } p && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic
                        || m is FieldInfo)
            .OrderBy(m => m.MetadataToken)];

    private static object? ValueOf(MemberInfo member, object target)
    {
        try
        {
            return member switch
            {
                PropertyInfo p => p.GetValue(target),
                FieldInfo f => f.GetValue(target),
                _ => null,
            };
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return ex.InnerException;
        }
    }

    private static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick < 0)
        {
            return name;
        }

        return name[..tick] + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">";
    }
}
