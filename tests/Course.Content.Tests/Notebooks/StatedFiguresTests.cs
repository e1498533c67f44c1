using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Content.Tests.Notebooks;

/// <summary>
/// Every figure the notebooks state matches the datasets or a named source: each number in the prose is either
/// let through by a rule of <see cref="StatedFigures"/> (years, reference numbers, ...) or backed by a claim in
/// <see cref="FigureClaims"/>, and every claim is checked: data claims are recomputed from the course library,
/// named sources must be named in the same cell, parameters must appear in the notebook's code.
/// </summary>
public sealed partial class StatedFiguresTests
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Every_stated_number_is_backed_by_a_claim(string name)
    {
        var notebook = CourseNotebooks.Load("source", name);
        var claims = FigureClaims.All.Where(c => c.Notebook == name).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
        var unbacked = StatedFigures.In(name, notebook).Where(f => !claims.Contains(f.Text)).ToList();
        Assert.True(
            unbacked.Count == 0,
            $"source/{name} states numbers with no claim; compute them in a code cell, or add each to FigureClaims with its dataset query or named source:\n"
            + string.Join('\n', unbacked.Select(f => $"  cell '{f.CellId}': {f.Text}   …{f.Context}…")));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Every_claim_holds_and_is_still_stated(string name)
    {
        var notebook = CourseNotebooks.Load("source", name);
        var stated = StatedFigures.In(name, notebook).ToList();
        foreach (var claim in FigureClaims.All.Where(c => c.Notebook == name))
        {
            var where = stated.Where(f => f.Text == claim.Text).ToList();
            Assert.True(where.Count > 0, $"source/{name}: the claim for {claim.Text} is stale, the prose no longer states it; remove it from FigureClaims");
            switch (claim)
            {
                case FromData data:
                    Assert.True(data.Compute() == data.Text, $"source/{name} states {data.Text}, but {data.Query} gives {data.Compute()}");
                    break;
                case FromNamedSource named:
                    foreach (var figure in where)
                    {
                        var cell = notebook.Cells.Single(c => c.Id == figure.CellId);
                        Assert.True(
                            cell.Source.Contains(named.Source, StringComparison.Ordinal),
                            $"source/{name} cell '{figure.CellId}' states {named.Text} without naming its source \"{named.Source}\"");
                    }

                    break;
                case ModelParameter parameter:
                    var literal = parameter.Text.Replace(",", string.Empty, StringComparison.Ordinal);
                    Assert.True(
                        notebook.Cells.Any(c => c.Kind == CellKind.Code && Literal(literal).IsMatch(c.Source)),
                        $"source/{name} states the parameter {parameter.Text}, but no code cell uses the literal {literal}");
                    break;
                default:
                    Assert.Fail($"unknown claim type {claim.GetType().Name}");
                    break;
            }
        }
    }

    [Fact]
    public void The_rules_let_years_and_references_through_and_catch_other_numbers()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(NotebookCell.Markdown(
            "# 4 · Title\nIn 1948, under Articles 52 to 54 and resolutions 1244 (1999) and 1484 (2003), see exercise 2 (3 points), "
            + "on 31 January 2021, in the 1990s, `x = 17`, there were 81,932 people and 3.5 billion, and 42 more.",
            "c1"));
        var found = StatedFigures.In("t.ipynb", notebook).Select(f => f.Text).ToList();
        Assert.Equal(["81,932", "3.5", "42"], found);
    }

    private static Regex Literal(string number) => new($@"(?<![\w.]){Regex.Escape(number)}(?![\w]|\.\d)", RegexOptions.CultureInvariant);
}
