using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Content.Tests.Notebooks;

/// <summary>One number as a notebook's prose states it, with where it was found.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellId">The markdown cell.</param>
/// <param name="Text">The number as written, e.g. "81,932" or "3.5".</param>
/// <param name="Context">The words around it, for the failure message.</param>
internal sealed record StatedFigure(string Notebook, string CellId, string Text, string Context);

/// <summary>
/// Finds the numbers a notebook's markdown states. Some numbers are not claims about the world and are let
/// through by rule: years (1800-2099) and decades ("1990s"); 0 and 1; numbers that follow a reference word
/// (Article, Chapter, resolution, notebook, exercise, section, step, part), including lists such as
/// "Articles 52 to 54" or "resolutions 1244 (1999) and 1484 (2003)"; a day before a month name;
/// "N points", "N minutes", "N hours"; a numbered heading or list marker. Code spans, code blocks and link
/// targets are ignored. Every other number must be backed by a <see cref="FigureClaim"/>.
/// </summary>
internal static partial class StatedFigures
{
    /// <summary>Every number in the markdown of <paramref name="notebook"/> that no rule lets through.</summary>
    public static IEnumerable<StatedFigure> In(string name, Notebook notebook)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Markdown))
        {
            var text = Strip(cell.Source);
            var allowed = new bool[text.Length + 1];
            foreach (var rule in new[] { ReferenceWords(), NumberedLine() })
            {
                foreach (Match m in rule.Matches(text))
                {
                    Array.Fill(allowed, true, m.Index, m.Length);
                }
            }

            foreach (Match m in Number().Matches(text))
            {
                var value = m.Value;
                var after = text[(m.Index + m.Length)..];
                if (allowed[m.Index]
                    || value is "0" or "1"
                    || Year().IsMatch(value)
                    || Unit().IsMatch(after)
                    || DayOfMonth().IsMatch(after))
                {
                    continue;
                }

                var start = Math.Max(0, m.Index - 50);
                var end = Math.Min(text.Length, m.Index + m.Length + 30);
                yield return new StatedFigure(name, cell.Id ?? "?", value, text[start..end].ReplaceLineEndings(" "));
            }
        }
    }

    /// <summary>The markdown without code blocks, code spans, link targets and bare URLs.</summary>
    private static string Strip(string markdown)
    {
        var text = CodeBlock().Replace(markdown, " ");
        text = CodeSpan().Replace(text, " ");
        text = LinkTarget().Replace(text, "]");
        return Url().Replace(text, " ");
    }

    [GeneratedRegex(@"(?<![\w/.\-\u2212])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/])")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:18|19|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?:s\b|\s*(?:points?|minutes?|hours?)\b)")]
    private static partial Regex Unit();

    [GeneratedRegex(@"^\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"\b(?:articles?|chapters?|resolutions?|notebooks?|exercises?|sections?|steps?|parts?)\s+(?:(?:\d+|[IVX]+)\b(?:\s*\(\d{4}\))?(?:\s+of\s+\d{4})?(?:\s*(?:,|and|or|to|–|-)\s*)?)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceWords();

    [GeneratedRegex(@"(?m)^\s*(?:#+\s*)?\d+\s*[.·)]")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
