using Avatars.Client;
using Avatars.Client.Models;
using Avatars.Client.Processors;
using Avatars.Data;

namespace Avatars.Tutorials;

/// <summary>
/// Tutorial 5 — client-side processors: transform the table before the avatarization and back afterwards, to keep
/// rules the method alone does not guarantee (parts that sum to a whole, goals ≤ attempts, an untouched column).
/// </summary>
public sealed class Tutorial5 : ITutorial
{
    private static readonly string[] Minutes = ["minutes_played_home", "minutes_played_away", "minutes_on_bench"];

    /// <inheritdoc />
    public string Name => "tutorial5";

    /// <inheritdoc />
    public string Title => "Tutorial 5: client-side processors";

    /// <inheritdoc />
    public async Task RunAsync(TutorialEnvironment environment, CancellationToken cancellationToken)
    {
        var output = environment.Output;
        using var manager = await TutorialSession.StartAsync(environment, cancellationToken);

        // (a) Rare modalities grouped before the avatarization. The vendor uses the adult census data with cities,
        // which is not in the shared fixtures; the sensors_vanilla table has the same census columns.
        var census = await TableReader.ReadAsync(environment.DataFile("sensors_vanilla.csv"), new TableReadOptions { TableName = "adult" }, cancellationToken);
        census = census.Drop("native-country", "id");
        var grouping = new GroupModalitiesProcessor(minUnique: 10, globalThreshold: 25, newCategory: "other");
        var grouped = grouping.Preprocess(census);
        var adult = manager.CreateRunner(TutorialEnvironment.UniqueName("adult"));
        await adult.AddTableAsync("adult", grouped, cancellationToken: cancellationToken);
        adult.SetParameters("adult", k: 5);
        await adult.RunAsync([JobKind.Standard], cancellationToken);
        var adultAvatars = await adult.GetShuffledAsync("adult", cancellationToken);
        var occupations = Counts(adultAvatars["occupation"]);
        output.WriteLine("Occupations of the avatars after grouping: " + string.Join(", ", occupations.Select(o => $"{o.Key} {o.Value}")));
        TutorialCheck.That(occupations.Keys.All(Counts(grouped["occupation"]).ContainsKey), "the avatars should only use the grouped occupations");

        // (b) Proportions and a relative difference on the football players.
        var epl = (await TableReader.ReadAsync(environment.DataFile("epl.csv"), new TableReadOptions { TableName = "game" }, cancellationToken)).Drop("penalty_misses");
        var proportion = new ProportionProcessor(Minutes, "minutes_in_game", sumToOne: true, decimalCount: 0);
        var relative = new RelativeDifferenceProcessor(target: "penalty_goals", references: ["penalty_attempts"]);
        var prepared = relative.Preprocess(proportion.Preprocess(epl));
        var game = manager.CreateRunner(TutorialEnvironment.UniqueName("game"));
        await game.AddTableAsync("game", prepared, cancellationToken: cancellationToken);
        game.SetParameters("game", k: 5);
        await game.RunAsync(cancellationToken: cancellationToken);
        var restored = proportion.Postprocess(epl, relative.Postprocess(epl, await game.GetShuffledAsync("game", cancellationToken)));
        var privacy = (await game.GetPrivacyMetricsAsync("game", cancellationToken))[0];
        output.WriteLine($"With processors: hidden rate {privacy["hidden_rate"]}");
        TutorialCheck.That(PartsSumToWhole(restored), "with the proportion processor the minutes should add up to the minutes in game");
        TutorialCheck.That(GoalsWithinAttempts(restored), "with the relative-difference processor goals should never exceed attempts");

        // The same avatarization without processors, for comparison.
        var baseline = manager.CreateRunner(TutorialEnvironment.UniqueName("game_baseline"));
        await baseline.AddTableAsync("game", epl, cancellationToken: cancellationToken);
        baseline.SetParameters("game", k: 5);
        await baseline.RunAsync([JobKind.Standard], cancellationToken);
        var plain = await baseline.GetShuffledAsync("game", cancellationToken);
        output.WriteLine($"Without processors: minutes add up in {Share(plain, PartsSumToWholeRow):P0} of the rows, goals ≤ attempts in {Share(plain, GoalsWithinAttemptsRow):P0}");

        // (c) Expected mean per position, computed on the client.
        var centred = new ExpectedMeanProcessor(["goals_away", "goals_home"], groupByVariables: ["position"]).Preprocess(epl);
        output.WriteLine($"Expected-mean preprocessing keeps {centred.ColumnCount} columns");

        // (d) Perturbation level 0 on age: the avatars keep each player's real age.
        var perturbation = new PerturbationProcessor(new Dictionary<string, double> { ["age"] = 0, ["appearances"] = 1 });
        var ages = manager.CreateRunner(TutorialEnvironment.UniqueName("game_age"));
        await ages.AddTableAsync("game", epl, cancellationToken: cancellationToken);
        ages.SetParameters("game", k: 5);
        await ages.RunAsync([JobKind.Standard], cancellationToken);
        var perturbed = perturbation.Postprocess(epl, await ages.GetSensitiveUnshuffledAsync("game", cancellationToken));
        TutorialCheck.That(Doubles(perturbed, "age").SequenceEqual(Doubles(epl, "age")), "with perturbation level 0 the ages should be the original ones");
        output.WriteLine("Perturbation level 0: ages equal the originals");
    }

    private static Dictionary<string, int> Counts(Column column) =>
        Enumerable.Range(0, column.Length).Select(r => column.FormatValue(r) ?? string.Empty).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    private static double[] Doubles(Table table, string name) =>
        Enumerable.Range(0, table.RowCount).Select(r => Value(table, name, r)).ToArray();

    private static bool PartsSumToWhole(Table table) => Share(table, PartsSumToWholeRow) == 1;

    private static bool GoalsWithinAttempts(Table table) => Share(table, GoalsWithinAttemptsRow) == 1;

    private static bool PartsSumToWholeRow(Table table, int row) =>
        Math.Abs(Minutes.Sum(m => Value(table, m, row)) - Math.Round(Value(table, "minutes_in_game", row))) < 1e-6;

    private static bool GoalsWithinAttemptsRow(Table table, int row) => Value(table, "penalty_goals", row) <= Value(table, "penalty_attempts", row) + 1e-9;

    private static double Share(Table table, Func<Table, int, bool> rule) =>
        (double)Enumerable.Range(0, table.RowCount).Count(r => rule(table, r)) / table.RowCount;

    private static double Value(Table table, string column, int row) =>
        Convert.ToDouble(table[column].GetValue(row) ?? double.NaN, System.Globalization.CultureInfo.InvariantCulture);
}
