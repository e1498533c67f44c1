using System.Collections;
using System.Reflection;
using CollectiveSecurity.Data;

namespace CollectiveSecurity.Tests.Data;

/// <summary>
/// The library's shared data (every public static property: the datasets, the Council's seats, the concept lists)
/// lives once per process, and a graded notebook's test cells read it after the student's cells ran. A collection a
/// student could cast to <c>T[]</c> or <c>List&lt;T&gt;</c> and change would let a wrong answer agree with a test that
/// computes its expectation from the data. So every collection handed out, and every collection inside its items,
/// must refuse writes (a property that builds a new collection on every read shares nothing and may return an array).
/// </summary>
public class SharedDataIsReadOnlyTests
{
    public static TheoryData<string> StaticCollections
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var property in SharedProperties())
            {
                data.Add(property.DeclaringType!.Name + "." + property.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(StaticCollections))]
    public void A_shared_collection_and_the_collections_in_its_items_refuse_writes(string name)
    {
        var property = SharedProperties().Single(p => p.DeclaringType!.Name + "." + p.Name == name);
        var value = property.GetValue(null);
        Assert.NotNull(value);
        AssertReadOnly(name, value);
        foreach (var item in ((IEnumerable)value).Cast<object?>().Where(i => i is not null))
        {
            foreach (var inner in item!.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // A property that builds a new collection on every read shares nothing; one that returns the same
                // instance twice hands out the item's own state.
                if (inner.GetIndexParameters().Length == 0 && IsCollection(inner.PropertyType) && inner.GetValue(item) is { } collection
                    && ReferenceEquals(collection, inner.GetValue(item)))
                {
                    AssertReadOnly($"{name}[...].{inner.Name}", collection);
                }
            }
        }
    }

    [Fact]
    public void The_shared_collections_include_the_datasets_and_the_councils_seats()
    {
        var names = SharedProperties().Select(p => p.DeclaringType!.Name + "." + p.Name).ToList();
        Assert.Contains("CourseData.Vetoes", names);
        Assert.Contains("CourseData.Missions", names);
        Assert.Contains("CouncilVotingSimulation.PermanentFive", names);
    }

    private static void AssertReadOnly(string name, object value)
    {
        if (value is Array { Length: 0 })
        {
            return; // nothing to change (and Array.Empty is one shared instance)
        }

        Assert.False(value is Array, $"{name} is a {value.GetType().Name}: a cast to an array would let a cell change it");
        Assert.False(value is IList { IsReadOnly: false }, $"{name} is a writable {value.GetType().Name}");
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static IEnumerable<PropertyInfo> SharedProperties() =>
        typeof(CourseData).Assembly.GetExportedTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.GetIndexParameters().Length == 0 && IsCollection(p.PropertyType))
            .OrderBy(p => p.DeclaringType!.Name + "." + p.Name, StringComparer.Ordinal);
}
