using Avatars.Client.Processors;
using Avatars.Data;
using Avatars.Data.IO;
using Avatars.Testing;
using static Avatars.Client.Tests.Processors.Tables;

namespace Avatars.Client.Tests.Processors;

/// <summary>
/// Tutorial 5 (processors) on the vendor's <c>epl.csv</c>, without a server: "avatars" are simulated by
/// mixing the preprocessed columns between rows, which breaks every row-wise relation the processors
/// are meant to restore.
/// </summary>
public sealed class TutorialFiveTests
{
    private static readonly string[] Minutes = ["minutes_played_home", "minutes_played_away", "minutes_on_bench"];

    private static Table Epl() => TableReader.ReadCsv(SharedData.PathOf("avatar-python/epl.csv"));

    [Fact]
    public void Proportions_and_relative_difference_round_trip_and_hold_on_mixed_rows()
    {
        var epl = Epl().Drop("penalty_misses");
        var proportion = new ProportionProcessor(Minutes, "minutes_in_game", sumToOne: true, decimalCount: 0);
        var relative = new RelativeDifferenceProcessor(target: "penalty_goals", references: ["penalty_attempts"]);
        var pre = relative.Preprocess(proportion.Preprocess(epl));

        // Unchanged preprocessed data gives the original values back.
        var back = proportion.Postprocess(epl, relative.Postprocess(epl, pre));
        foreach (var name in Minutes.Append("penalty_goals"))
        {
            Near(epl.Doubles(name), back.Doubles(name), 1e-9);
        }

        // Mixed rows: the parts still add up to the (whole) minutes in game, and goals are rebuilt from
        // the attempts of their own row, so a non-positive avatarized difference keeps goals ≤ attempts.
        var random = new Random(5);
        var avatars = pre;
        foreach (var column in pre.Columns)
        {
            var order = Enumerable.Range(0, pre.RowCount).ToArray();
            random.Shuffle(order);
            avatars = avatars.WithColumn(column.Take(order));
        }

        var post = proportion.Postprocess(epl, relative.Postprocess(epl, avatars));
        var total = post.Doubles("minutes_in_game");
        var parts = Minutes.Select(post.Doubles).ToArray();
        for (var r = 0; r < post.RowCount; r++)
        {
            Assert.Equal(Math.Round(total[r]), parts.Sum(p => p[r]), 9);
            Assert.All(parts, p => Assert.Equal(Math.Round(p[r]), p[r]));
        }

        var goals = post.Doubles("penalty_goals");
        var attempts = post.Doubles("penalty_attempts");
        var difference = avatars.Doubles("penalty_goals");
        for (var r = 0; r < post.RowCount; r++)
        {
            Assert.Equal(attempts[r] + difference[r], goals[r], 9);
        }
    }

    [Fact]
    public void Perturbation_level_zero_restores_the_age()
    {
        var epl = Epl();
        var random = new Random(9);
        var ages = epl.Doubles("age").Select(a => a + random.Next(-3, 4)).ToArray();
        var avatars = epl.WithColumn(Float("age", ages));
        var processor = new PerturbationProcessor(new Dictionary<string, double> { ["age"] = 0, ["appearances"] = 1 });
        var result = processor.Postprocess(epl, avatars);
        Near(epl.Doubles("age"), result.Doubles("age"), 0);
        Assert.Same(avatars["appearances"], result["appearances"]);
    }

    [Fact]
    public void Expected_mean_by_position_restores_the_group_means()
    {
        var epl = Epl();
        var processor = new ExpectedMeanProcessor(["goals_away", "goals_home"], groupByVariables: ["position"]);
        Assert.Same(epl, processor.Preprocess(epl));
        var avatars = epl.WithColumn(Float("goals_home", epl.Doubles("goals_home").Select(g => (g * 2) + 1).ToArray()));
        var result = processor.Postprocess(epl, avatars);
        var positions = epl.Texts("position").ToArray();
        foreach (var position in positions.Distinct())
        {
            var rows = Enumerable.Range(0, positions.Length).Where(r => positions[r] == position).ToArray();
            Assert.Equal(rows.Average(r => epl.Doubles("goals_home")[r]), rows.Average(r => result.Doubles("goals_home")[r]), 9);
        }
    }

    [Fact]
    public void Datetime_columns_round_trip()
    {
        var epl = Epl();
        Assert.Equal(ColumnType.DateTime, epl["career_start_date"].Type);
        var processor = new DatetimeProcessor();
        var pre = processor.Preprocess(epl);
        Assert.Equal(ColumnType.Float, pre["career_start_date"].Type);
        Same(epl, processor.Postprocess(epl, pre));
    }
}
