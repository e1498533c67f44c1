namespace Course.Content.Tests.WrongAnswers;

/// <summary>
/// Every exercise's wrong answers, one table per group of notebooks (<see cref="WrongAnswers00To02"/>,
/// <see cref="WrongAnswers03To06"/>). To add one: write the code a learner might plausibly write and the mistake it
/// stands for; <see cref="WrongAnswerTests"/> grafts it into the instructor's notebook, grades it and expects 0.
/// </summary>
internal static class WrongAnswerTable
{
    /// <summary>How many wrong answers each auto-graded exercise must have at least.</summary>
    public const int MinimumPerExercise = 3;

    public static IReadOnlyList<WrongAnswer> All { get; } = [.. WrongAnswers00To02.All, .. WrongAnswers03To06.All];

    /// <summary>The theory cases: notebook, answer cell, mistake.</summary>
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var wrong in All)
            {
                data.Add(wrong.Notebook, wrong.AnswerId, wrong.Mistake);
            }

            return data;
        }
    }

    /// <summary>The round a wrong answer is graded in: its position among its exercise's wrong answers.</summary>
    public static int RoundOf(WrongAnswer wrong) =>
        All.Where(w => w.Notebook == wrong.Notebook && w.AnswerId == wrong.AnswerId).ToList().IndexOf(wrong);

    /// <summary>The wrong answers graded together in <paramref name="round"/> of <paramref name="notebook"/>: at most one per exercise.</summary>
    public static IEnumerable<WrongAnswer> Round(string notebook, int round) =>
        All.Where(w => w.Notebook == notebook).GroupBy(w => w.AnswerId).Where(g => g.Count() > round).Select(g => g.ElementAt(round));

    public static WrongAnswer Find(string notebook, string answerId, string mistake) =>
        All.Single(w => w.Notebook == notebook && w.AnswerId == answerId && w.Mistake == mistake);
}
