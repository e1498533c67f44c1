using Course.Cli.Infrastructure;
using Spectre.Console;

namespace Course.Grading.Tests.Cli;

/// <summary>What the CLI prints from outside (ids, names, paths, messages) cannot drive the terminal or Spectre's markup.</summary>
public sealed class ConsoleEscapingTests
{
    [Theory]
    [InlineData("\u001b[2J\u001b[H", "\\u001B[2J\\u001B[H")]
    [InlineData("\u001b]0;title\u0007", "\\u001B]0;title\\u0007")]
    [InlineData("\u009b31m", "\\u009B31m")]
    [InlineData("fake\r[3/3] alice: 6/6", "fake\\u000D[3/3] alice: 6/6")]
    [InlineData("two\nlines", "two\\u000Alines")]
    [InlineData("abc\u202edcba\u2066x\u2069", "abc\\u202Edcba\\u2066x\\u2069")]
    [InlineData("nul\0del\u007f", "nul\\u0000del\\u007F")]
    [InlineData("Zoë 학생 🎓 [red]", "Zoë 학생 🎓 [red]")]
    public void Plain_lines_show_control_characters_as_visible_escapes(string line, string printed)
    {
        var console = new TestConsole();
        console.Console.WriteLine(line);
        console.Console.WriteErrorLine(line);
        Assert.Equal(printed + Environment.NewLine, console.Out);
        Assert.Equal(printed + Environment.NewLine, console.Error);
    }

    [Theory]
    [InlineData("[/]", "[[/]]")]
    [InlineData("[red]x[/]\u001b[2J", "[[red]]x[[/]]\\u001B[[2J")]
    public void Markup_text_is_escaped_for_spectre(string text, string markup)
    {
        Assert.Equal(markup, PlainLines.Markup(text));
        var console = new TestConsole();
        console.Console.Output.MarkupLine(PlainLines.Markup(text));
        Assert.Equal(Course.Grading.Reports.SafeText.Visible(text) + Environment.NewLine, console.Out);
    }
}
