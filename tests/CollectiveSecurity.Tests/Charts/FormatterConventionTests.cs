using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using CollectiveSecurity.Charts;

namespace CollectiveSecurity.Tests.Charts;

/// <summary>
/// Formats a figure exactly as .NET Interactive's convention-based discovery does
/// (Formatter.TryRegisterFromConventionBasedFormatterSources): everything found by name through reflection.
/// </summary>
public sealed class FormatterConventionTests
{
    private sealed record ConventionFormatter(string MimeType, Type FormattedType, Func<object, TextWriter, bool> Format);

    private static (List<ConventionFormatter> Formatters, string[]? PreferredMimeTypes) Discover(Type type)
    {
        var formatters = new List<ConventionFormatter>();
        string[]? preferred = null;
        var attributes = type.GetCustomAttributes(true).Where(a => a.GetType().Name == "TypeFormatterSourceAttribute").ToList();
        Assert.Single(attributes);
        foreach (var attribute in attributes)
        {
            var sourceType = Assert.IsAssignableFrom<Type>(attribute.GetType().GetProperty("FormatterSourceType")!.GetGetMethod()!.Invoke(attribute, null));
            var source = Activator.CreateInstance(sourceType)!;
            var created = source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null);
            foreach (var formatter in Assert.IsAssignableFrom<IEnumerable>(created))
            {
                var mimeType = Assert.IsType<string>(formatter.GetType().GetProperty("MimeType")!.GetGetMethod()!.Invoke(formatter, null));
                var format = formatter.GetType().GetMethod("Format")!;
                var value = Expression.Parameter(typeof(object));
                var writer = Expression.Parameter(typeof(TextWriter));
                var call = Expression.Lambda<Func<object, TextWriter, bool>>(
                    Expression.Call(Expression.Constant(formatter), format, value, writer), value, writer).Compile();
                var formattedType = formatter.GetType().GetProperty("Type")?.GetGetMethod()?.Invoke(formatter, null) as Type ?? type;
                formatters.Add(new ConventionFormatter(mimeType, formattedType, call));
            }

            preferred = attribute.GetType().GetProperty("PreferredMimeTypes")?.GetGetMethod()?.Invoke(attribute, null) as string[];
        }

        return (formatters, preferred);
    }

    [Fact]
    public void Figure_formats_as_text_html_holding_its_div_and_json()
    {
        var figure = SampleFigures.WorldMap();
        var (formatters, preferred) = Discover(typeof(Figure));

        var html = Assert.Single(formatters);
        Assert.Equal("text/html", html.MimeType);
        Assert.Equal(typeof(Figure), html.FormattedType);
        Assert.NotNull(preferred);
        Assert.Equal(["text/html"], preferred);
        using var writer = new StringWriter();
        Assert.True(html.Format(figure, writer));
        var output = writer.ToString();
        var id = System.Text.RegularExpressions.Regex.Match(output, "<div id=\"(" + figure.DivId + "-[0-9]+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Equal(figure.ToHtml().Replace(figure.DivId, id, StringComparison.Ordinal), output);
        Assert.Contains(figure.ToJson(), output, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_figure_shown_twice_gets_a_distinct_element_id_each_time()
    {
        var figure = SampleFigures.Bar();
        var html = Assert.Single(Discover(typeof(Figure)).Formatters);
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.True(html.Format(figure, first));
        Assert.True(html.Format(figure, second));

        var idPattern = new System.Text.RegularExpressions.Regex("<div id=\"([^\"]+)\"");
        var firstId = idPattern.Match(first.ToString()).Groups[1].Value;
        var secondId = idPattern.Match(second.ToString()).Groups[1].Value;
        Assert.StartsWith(figure.DivId + "-", firstId, StringComparison.Ordinal);
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(first.ToString().Replace(firstId, secondId, StringComparison.Ordinal), second.ToString());
    }

    [Fact]
    public void The_formatter_declines_other_values()
    {
        var html = Assert.Single(Discover(typeof(Figure)).Formatters);
        using var writer = new StringWriter();

        Assert.False(html.Format("not a figure", writer));
        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void The_notebook_fragment_loads_plotly_once_through_one_guarded_tag()
    {
        var html = SampleFigures.Bar().ToHtml();

        Assert.Contains("document.getElementById(\"collective-security-plotly-loader\")", html, StringComparison.Ordinal);
        Assert.Contains("https://cdn.plot.ly/plotly-" + PlotlyScript.Version + ".min.js", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "createElement(\"script\")"));
        Assert.Equal(1, CountOf(html, "<script"));
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.True(html.Length < 5_000, $"the fragment must not inline plotly.js; it is {html.Length} characters");
    }

    [Fact]
    public void The_attribute_source_and_formatter_have_the_members_the_kernel_binds_by_name()
    {
        var attribute = typeof(Figure).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;

        Assert.NotNull(sourceType.GetConstructor(Type.EmptyTypes));
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance);
        Assert.NotNull(create);
        Assert.Empty(create.GetParameters());
        var formatter = ((IEnumerable)create.Invoke(Activator.CreateInstance(sourceType), null)!).Cast<object>().Single();
        var format = Assert.Single(formatter.GetType().GetMethods(), m => m.Name == "Format");
        Assert.Equal(typeof(bool), format.ReturnType);
        Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
