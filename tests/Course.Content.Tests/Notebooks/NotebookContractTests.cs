using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Notebooks;

namespace Course.Content.Tests.Notebooks;

/// <summary>
/// The notebook contract (CONTRACT.md) and the course's teaching conventions, checked on every notebook:
/// Polyglot metadata, cell ids, nbgrader exercises with visible and hidden tests, objectives, expected time,
/// summary, sources, a live chart and a simulation the learner steers.
/// </summary>
public sealed partial class NotebookContractTests
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Has_the_Polyglot_metadata_of_the_contract(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        var where = $"{folder}/{name}";
        Assert.True(notebook.FormatMinor >= 5, $"{where}: nbformat 4.{notebook.FormatMinor}; cell ids need 4.5");

        var kernelspec = notebook.Metadata["kernelspec"] as JsonObject;
        Assert.True(kernelspec is not null, $"{where}: metadata.kernelspec is missing");
        Assert.Equal(".net-csharp", (string?)kernelspec["name"]);
        Assert.Equal(".NET (C#)", (string?)kernelspec["display_name"]);
        Assert.Equal("C#", (string?)kernelspec["language"]);
        Assert.Equal("C#", (string?)notebook.Metadata["language_info"]?["name"]);

        var kernelInfo = notebook.Metadata["polyglot_notebook"]?["kernelInfo"];
        Assert.True(kernelInfo is not null, $"{where}: metadata.polyglot_notebook.kernelInfo is missing");
        Assert.Equal("csharp", (string?)kernelInfo["defaultKernelName"]);
        Assert.Contains(kernelInfo["items"]!.AsArray(), item => (string?)item?["name"] == "csharp" && (string?)item?["languageName"] == "csharp");

        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            Assert.True(
                (string?)cell.Metadata["polyglot_notebook"]?["kernelName"] == "csharp",
                $"{where}: code cell '{cell.Id}' lacks metadata.polyglot_notebook.kernelName \"csharp\"");
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Is_committed_without_outputs(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            Assert.True(cell.Outputs.Count == 0 && cell.ExecutionCount is null, $"{folder}/{name}: code cell '{cell.Id}' was saved with outputs or an execution count; clear them before committing");
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Cell_ids_and_grade_ids_are_present_and_unique(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        var ids = notebook.Cells.Select(c => c.Id).ToList();
        Assert.True(ids.All(id => !string.IsNullOrWhiteSpace(id)), $"{folder}/{name}: a cell has no id");
        var duplicateIds = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicateIds.Count == 0, $"{folder}/{name}: duplicate cell ids {string.Join(", ", duplicateIds)}");

        var gradeIds = notebook.Cells.Select(c => c.Nbgrader?.GradeId).OfType<string>().ToList();
        var duplicateGradeIds = gradeIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicateGradeIds.Count == 0, $"{folder}/{name}: duplicate grade_ids {string.Join(", ", duplicateGradeIds)}");
        Assert.All(notebook.Cells.Select(c => c.Nbgrader).OfType<NbgraderCell>(), nb => Assert.Equal(3, nb.SchemaVersion));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Has_at_least_three_graded_exercises_each_an_answer_then_a_test(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        var where = $"{folder}/{name}";
        var cells = notebook.Cells;
        var tests = cells.Where(c => c.Nbgrader is { Grade: true, Solution: false }).ToList();
        Assert.True(tests.Count(c => c.Nbgrader!.IsTest) >= 3, $"{where}: {tests.Count(c => c.Nbgrader!.IsTest)} graded test cells with points; at least 3 are required");
        Assert.All(tests, t => Assert.True(t.Nbgrader!.Points > 0 && t.Nbgrader.Locked, $"{where}: test cell '{t.Nbgrader!.GradeId}' must be locked and carry points"));

        // Auto-graded answers; manually graded written answers (solution and grade) are checked by
        // Has_a_manually_graded_written_answer_with_a_rubric.
        var answers = cells.Where(c => c.Nbgrader is { Solution: true, Grade: false }).ToList();
        Assert.True(answers.Count >= 3, $"{where}: {answers.Count} answer cells; at least 3 are required");
        foreach (var answer in answers)
        {
            Assert.False(answer.Nbgrader!.Locked, $"{where}: answer cell '{answer.Nbgrader.GradeId}' must not be locked");
            var next = cells.Skip(cells.IndexOf(answer) + 1).FirstOrDefault(c => c.Kind == CellKind.Code);
            Assert.True(next?.Nbgrader?.IsTest == true, $"{where}: answer cell '{answer.Nbgrader.GradeId}' is not followed by a graded test cell");
            Assert.True(
                folder == "notebooks" || answer.Source.Contains("// BEGIN SOLUTION", StringComparison.Ordinal),
                $"{where}: answer cell '{answer.Nbgrader.GradeId}' has no // BEGIN SOLUTION block");
        }

        foreach (var test in tests)
        {
            var hidden = HiddenBlock().Match(test.Source);
            var visible = HiddenBlock().Replace(test.Source, string.Empty);
            Assert.True(visible.Contains("Check.", StringComparison.Ordinal), $"{where}: test cell '{test.Nbgrader!.GradeId}' has no visible Check the learner can run");
            if (folder == "source")
            {
                Assert.True(
                    hidden.Success && hidden.Value.Contains("Check.", StringComparison.Ordinal),
                    $"{where}: test cell '{test.Nbgrader!.GradeId}' has no hidden tests (// BEGIN HIDDEN TESTS ... // END HIDDEN TESTS with checks)");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Has_a_manually_graded_written_answer_with_a_rubric(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        var where = $"{folder}/{name}";
        var written = notebook.Cells.Where(c => c.Nbgrader is { Solution: true, Grade: true }).ToList();
        Assert.True(written.Count >= 1, $"{where}: no manually graded written answer (nbgrader solution: true, grade: true, points > 0)");
        foreach (var cell in written)
        {
            var nb = cell.Nbgrader!;
            Assert.True(cell.Kind == CellKind.Markdown && nb.Points > 0 && !nb.Locked, $"{where}: written answer '{nb.GradeId}' must be an unlocked markdown cell with points");
            if (folder == "source")
            {
                Assert.True(
                    cell.Source.Contains("### BEGIN SOLUTION", StringComparison.Ordinal) && cell.Source.Contains("**Rubric", StringComparison.Ordinal),
                    $"{where}: written answer '{nb.GradeId}' needs its rubric inside ### BEGIN SOLUTION ... ### END SOLUTION");
            }
            else
            {
                Assert.True(
                    cell.Source.Contains("YOUR ANSWER HERE", StringComparison.Ordinal) && !cell.Source.Contains("Rubric", StringComparison.Ordinal),
                    $"{where}: written answer '{nb.GradeId}' must be released as the stub, without its rubric");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Starts_with_objectives_time_and_a_locked_setup_and_ends_with_summary_and_sources(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        var where = $"{folder}/{name}";
        var first = notebook.Cells.FirstOrDefault();
        Assert.True(first is { Kind: CellKind.Markdown } && first.Source.StartsWith("# ", StringComparison.Ordinal), $"{where}: the first cell must be a markdown title");
        Assert.True(Objectives().IsMatch(first!.Source), $"{where}: the first cell must state the learning objectives (\"Learning objectives\" or \"you will learn\", then a list)");
        Assert.True(ExpectedTime().IsMatch(first.Source), $"{where}: the first cell must state the expected time in minutes (\"Expected time: about N minutes\")");

        var setup = notebook.Cells.First(c => c.Kind == CellKind.Code);
        Assert.True(setup.Nbgrader is { GradeId: "setup", Locked: true }, $"{where}: the first code cell must be the locked setup cell (grade_id \"setup\")");
        Assert.StartsWith($"#r \"{CourseDirectory.CourseLibReference}\"", setup.Source, StringComparison.Ordinal);

        var markdown = notebook.Cells.Where(c => c.Kind == CellKind.Markdown).Select(c => c.Source).ToList();
        Assert.True(markdown.Any(m => m.Contains("## Summary", StringComparison.Ordinal)), $"{where}: no \"## Summary\" section");
        Assert.True(markdown.Any(m => m.Contains("## Sources", StringComparison.Ordinal)), $"{where}: no \"## Sources\" section");
        var last = notebook.Cells.Last();
        Assert.True(last.Kind == CellKind.Markdown && last.Source.Contains("## Sources", StringComparison.Ordinal), $"{where}: the notebook must end with its summary and sources");
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Has_a_live_chart_from_the_data_and_a_simulation_the_learner_steers(string folder, string name)
    {
        var notebook = CourseNotebooks.Load(folder, name);
        var teaching = notebook.Cells.Where(c => c.Kind == CellKind.Code && c.Nbgrader is null or { Grade: false, Solution: false }).ToList();
        Assert.True(
            teaching.Any(c => c.Source.Contains("Chart.", StringComparison.Ordinal) && c.Source.Contains("CourseData.", StringComparison.Ordinal))
            || teaching.Any(c => c.Source.Contains("Chart.", StringComparison.Ordinal)) && teaching.Any(c => c.Source.Contains("CourseData.", StringComparison.Ordinal)),
            $"{folder}/{name}: no teaching cell draws a chart (Chart.…) from the datasets (CourseData.…)");
        Assert.True(
            teaching.Any(c => c.Source.Contains("change me", StringComparison.OrdinalIgnoreCase)),
            $"{folder}/{name}: no simulation cell with parameters marked \"change me\" for the learner");
    }

    [GeneratedRegex(@"(learning objectives|you will learn|you will be able to)[^\n]*\n(\s*\n)*\s*- ", RegexOptions.IgnoreCase)]
    private static partial Regex Objectives();

    [GeneratedRegex(@"// BEGIN HIDDEN TESTS.*?// END HIDDEN TESTS", RegexOptions.Singleline)]
    private static partial Regex HiddenBlock();

    [GeneratedRegex(@"Expected time:?\**:?\s*(about\s+)?\d+\s*(to|–|-)?\s*\d*\s*minutes", RegexOptions.IgnoreCase)]
    private static partial Regex ExpectedTime();
}
