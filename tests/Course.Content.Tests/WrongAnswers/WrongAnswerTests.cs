using Course.Content.Tests.Notebooks;
using Course.Grading.Results;
using Course.Notebooks;

namespace Course.Content.Tests.WrongAnswers;

/// <summary>
/// Every exercise's tests must fail plausible wrong answers: each wrong answer in <see cref="WrongAnswerTable"/> is
/// grafted into the instructor's notebook in place of the solution, graded by the real pipeline (restore, compile,
/// policy, worker, score) and must earn 0 on its exercise, while its answer cell still compiles and runs (a wrong
/// answer that does not compile would prove nothing). The unchanged instructor's notebook is the control: full marks.
/// </summary>
public sealed class WrongAnswerTests(WrongAnswerGraders graders) : IClassFixture<WrongAnswerGraders>
{
    public static TheoryData<string, string, string> Cases => WrongAnswerTable.Cases;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_wrong_answer_earns_nothing_on_its_exercise(string notebook, string answerId, string mistake)
    {
        var wrong = WrongAnswerTable.Find(notebook, answerId, mistake);
        var result = await graders.RoundAsync(notebook, WrongAnswerTable.RoundOf(wrong));

        var answer = result.Cells.Single(c => c.GradeId == answerId);
        Assert.True(answer.Error is null, $"{wrong}: the wrong answer itself failed, so it proves nothing: {answer.Error}");
        var test = result.Tests.Single(t => t.GradeId == wrong.TestId);
        Assert.True(test.Score == 0 && test.Status == TestStatus.Failed, $"{wrong}: earned {test.Score} of {test.MaxScore} ({test.Status}); the exercise's tests must fail it");
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public async Task The_instructor_solutions_earn_full_marks_in_the_same_grader(string notebook)
    {
        var result = await graders.GradeAsync(notebook, "instructor", graders.AssignmentOf(notebook).Source.Clone());
        Assert.All(result.Tests, t => Assert.True(t.Status is TestStatus.Passed or TestStatus.PendingManualGrade, $"{t.GradeId}: {t.Status} {t.Message}"));
        Assert.Contains(result.Tests, t => t.Status == TestStatus.Passed);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Every_auto_graded_exercise_has_wrong_answers_and_every_wrong_answer_its_exercise(string notebook)
    {
        var source = Notebook.Load(CourseNotebooks.PathOf("source", notebook));
        var answers = source.Cells
            .Where(c => c.Kind == CellKind.Code && c.Nbgrader is { Solution: true, Grade: false })
            .Select(c => c.Nbgrader!.GradeId)
            .ToList();
        Assert.NotEmpty(answers);
        foreach (var id in answers)
        {
            var count = WrongAnswerTable.All.Count(w => w.Notebook == notebook && w.AnswerId == id);
            Assert.True(count >= WrongAnswerTable.MinimumPerExercise, $"{notebook} {id}: {count} wrong answers, at least {WrongAnswerTable.MinimumPerExercise} wanted");
        }

        var tests = source.Cells.Where(c => c.Nbgrader is { IsTest: true }).Select(c => c.Nbgrader!.GradeId).ToHashSet();
        foreach (var wrong in WrongAnswerTable.All.Where(w => w.Notebook == notebook))
        {
            Assert.Contains(wrong.AnswerId, answers);
            Assert.Contains(wrong.TestId, tests);
        }

        Assert.Equal(
            WrongAnswerTable.All.Count(w => w.Notebook == notebook),
            WrongAnswerTable.All.Where(w => w.Notebook == notebook).Select(w => (w.AnswerId, w.Mistake)).Distinct().Count());
    }

    [Fact]
    public void Grafting_replaces_each_solution_region_and_keeps_the_rest()
    {
        const string cell = "int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}\n\nint G()\n{\n    // BEGIN SOLUTION\n    return 2;\n    // END SOLUTION\n}";
        var wrong = new WrongAnswer("n.ipynb", "a", "t", "m", ["return 3;\nreturn 4;", null]);
        Assert.Equal("int F()\n{\n    return 3;\n    return 4;\n}\n\nint G()\n{\n    return 2;\n}", wrong.Graft(cell));
        Assert.Throws<InvalidOperationException>(() => new WrongAnswer("n.ipynb", "a", "t", "m", ["x"]).Graft(cell));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Each_test_cell_calls_only_its_own_exercises_functions_so_rounds_grade_exercises_independently(string notebook)
    {
        var source = Notebook.Load(CourseNotebooks.PathOf("source", notebook));
        var declared = source.Cells
            .Where(c => c.Kind == CellKind.Code && c.Nbgrader is { Solution: true, Grade: false })
            .ToDictionary(c => c.Nbgrader!.GradeId, c => DeclaredFunctions(c.Source));
        foreach (var test in source.Cells.Where(c => c.Nbgrader is { IsTest: true }))
        {
            var own = test.Nbgrader!.GradeId.Replace("-tests", "-answer", StringComparison.Ordinal);
            foreach (var (answer, names) in declared.Where(d => d.Key != own))
            {
                var used = names.Where(n => System.Text.RegularExpressions.Regex.IsMatch(test.Source, $@"\b{n}\s*\(")).ToList();
                Assert.True(used.Count == 0, $"{notebook} {test.Nbgrader.GradeId} calls {string.Join(", ", used)} from {answer}: grade its wrong answers in separate submissions");
            }
        }
    }

    private static readonly HashSet<string> s_keywords = ["if", "for", "foreach", "while", "switch", "return", "catch", "using", "lock", "nameof", "typeof", "new", "throw"];

    private static List<string> DeclaredFunctions(string source) =>
        [.. System.Text.RegularExpressions.Regex.Matches(source, @"^\s*(?:static\s+)?[\w<>\[\]\(\),?. ]+?\s+(\w+)\s*\(", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .Where(name => !s_keywords.Contains(name))];
}
