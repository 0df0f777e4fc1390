using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.MultiTable.Pipeline;
using Avatars.Engine.Privacy;
using MathNet.Numerics.Distributions;

namespace Avatars.Engine.Tests.MultiTable.Pipeline;

/// <summary>
/// Issue 6 acceptance on the vendor's Tutorial 3 tables (patient 130, doctor 50, visit 300; ../shared/data): every
/// child avatar points to an existing parent avatar, the children-per-parent distribution follows the original
/// (two-sample chi-square test p &gt; 0.01), and each table's hidden rate is at least 90 % with k = 5.
/// </summary>
public sealed class PatientDoctorVisitPipelineTests
{
    private const ulong Seed = 20261127;

    [Fact]
    public async Task Every_child_avatar_points_to_an_existing_parent_avatar()
    {
        var (tables, links) = await SchemaAsync();
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = Seed }, cancellationToken: TestContext.Current.CancellationToken);

        var patients = Keys(result["patient"].Avatars, "p_id");
        var doctors = Keys(result["doctor"].Avatars, "d_id");
        var visits = result["visit"].Avatars;
        Assert.Equal(Enumerable.Range(1, 130).Select(i => (long)i), patients.Order());
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), doctors.Order());
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), Keys(visits, "visit_id").Order());
        Assert.All(Keys(visits, "patient_id"), k => Assert.Contains(k, patients));
        Assert.All(Keys(visits, "doctor_id"), k => Assert.Contains(k, doctors));
        Assert.Equal(2, result.Links.Count);
        Assert.All(result.Links, l => Assert.False(l.FellBack));
    }

    [Fact]
    public async Task Output_tables_have_the_original_columns_and_types()
    {
        var (tables, links) = await SchemaAsync();
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = Seed }, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var table in tables)
        {
            var avatars = result[table.Name].Avatars;
            Assert.Equal(table.Data.ColumnNames, avatars.ColumnNames);
            Assert.Equal(table.Data.Columns.Select(c => c.Type), avatars.Columns.Select(c => c.Type));
            Assert.Equal(table.Data.RowCount, avatars.RowCount);
            Assert.Equal(table.Data.RowCount, result[table.Name].SensitiveUnshuffled.RowCount);
        }
    }

    [Theory]
    [InlineData("patient", "patient_id")]
    [InlineData("doctor", "doctor_id")]
    public async Task Children_per_parent_follow_the_original_distribution(string parent, string foreignKey)
    {
        var (tables, links) = await SchemaAsync();
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = Seed }, cancellationToken: TestContext.Current.CancellationToken);
        var parentRows = tables.Single(t => t.Name == parent).Data.RowCount;
        var original = ChildrenPerParent(Keys(tables.Single(t => t.Name == "visit").Data, foreignKey), Keys(tables.Single(t => t.Name == parent).Data, parent == "patient" ? "p_id" : "d_id"));
        var avatars = ChildrenPerParent(Keys(result["visit"].Avatars, foreignKey), Enumerable.Range(1, parentRows).Select(i => (long)i).ToList());

        var p = ChiSquareHomogeneity(original, avatars);
        Assert.True(p > 0.01, $"children per {parent}: chi-square p = {p:F4}; original {Histogram(original)}, avatars {Histogram(avatars)}");
    }

    [Theory]
    [InlineData("patient")]
    [InlineData("doctor")]
    [InlineData("visit")]
    public async Task Hidden_rate_of_each_table_is_at_least_90_percent_with_k_5(string name)
    {
        var (tables, links) = await SchemaAsync();
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = Seed }, cancellationToken: TestContext.Current.CancellationToken);
        var table = tables.Single(t => t.Name == name);
        var own = table.OwnVariables;
        var metrics = PrivacyEvaluator.Evaluate(table.Data.Select(own), result[name].SensitiveUnshuffled.Select(own), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result[name].Paired);
        Assert.True(metrics.HiddenRate.Value >= 90, $"hidden rate of {name}: {metrics.HiddenRate.Value:F2} %");
    }

    [Fact]
    public async Task The_vendor_example_with_a_differentially_private_doctor_table_links_every_visit()
    {
        // sdk.md §9.7: patient k = 5, doctor epsilon = 3 with categorical reduction, visit k = 5.
        var (tables, links) = await SchemaAsync();
        tables[1] = tables[1] with { Avatarization = new DifferentialPrivacyTableAvatarization(new DifferentialPrivacyTableOptions { Epsilon = 3, UseCategoricalReduction = true }) };
        var result = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = Seed }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result["doctor"].Paired);
        Assert.True(result["patient"].Paired);
        var doctors = Keys(result["doctor"].Avatars, "d_id");
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), doctors.Order());
        Assert.All(Keys(result["visit"].Avatars, "doctor_id"), k => Assert.Contains(k, doctors));
        Assert.Equal(["d_id", "job", "age"], result["doctor"].Avatars.ColumnNames);
        Assert.Contains(result["doctor"].Notes, n => n.StartsWith("Differential privacy (ε = 3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Same_seed_gives_the_same_avatars()
    {
        var (tables, links) = await SchemaAsync();
        var a = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = Seed }, cancellationToken: TestContext.Current.CancellationToken);
        var b = MultiTableAvatarizer.Avatarize(tables, links, new MultiTableOptions { Seed = Seed }, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var table in tables)
        {
            Assert.Equal(Csv(a[table.Name].Avatars), Csv(b[table.Name].Avatars));
        }
    }

    internal static async Task<(List<MultiTableSource> Tables, List<MultiTableLink> Links)> SchemaAsync(int k = 5)
    {
        var patient = await ReadAsync("patient.csv");
        var doctor = await ReadAsync("doctor.csv");
        var visit = await ReadAsync("visit.csv");
        StandardTableAvatarization K() => new(new AvatarizationOptions { K = k });
        List<MultiTableSource> tables =
        [
            new(patient, "patient", "p_id", [], K()),
            new(doctor, "doctor", "d_id", [], K()),
            new(visit, "visit", "visit_id", ["patient_id", "doctor_id"], K()),
        ];
        List<MultiTableLink> links =
        [
            new("patient", "p_id", "visit", "patient_id"),
            new("doctor", "d_id", "visit", "doctor_id"),
        ];
        return (tables, links);
    }

    private static async Task<Table> ReadAsync(string file) =>
        (await TableReader.ReadCsvAsync(Avatars.Testing.SharedData.PathOf("avatar-python/" + file), cancellationToken: TestContext.Current.CancellationToken))
        .WithName(Path.GetFileNameWithoutExtension(file));

    internal static List<long> Keys(Table table, string column) =>
        [.. Enumerable.Range(0, table.RowCount).Select(i => Convert.ToInt64(table[column].GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The number of children of each parent key (0 for parents without children).</summary>
    internal static int[] ChildrenPerParent(IReadOnlyList<long> foreignKeys, IReadOnlyList<long> parentKeys)
    {
        var counts = parentKeys.ToDictionary(k => k, _ => 0);
        foreach (var key in foreignKeys)
        {
            counts[key]++;
        }

        return [.. counts.Values];
    }

    /// <summary>
    /// Two-sample chi-square test of homogeneity on the count histograms; sparse tail bins are merged so that every
    /// expected frequency is at least 5.
    /// </summary>
    internal static double ChiSquareHomogeneity(int[] a, int[] b)
    {
        var max = Math.Max(a.Max(), b.Max());
        var bins = new List<(double A, double B)>();
        double accA = 0, accB = 0;
        for (var v = 0; v <= max; v++)
        {
            accA += a.Count(x => x == v);
            accB += b.Count(x => x == v);
            var total = accA + accB;
            var expectedMin = Math.Min(total * a.Length / (a.Length + b.Length), total * b.Length / (a.Length + b.Length));
            if (expectedMin >= 5)
            {
                bins.Add((accA, accB));
                (accA, accB) = (0, 0);
            }
        }

        if (accA + accB > 0)
        {
            if (bins.Count == 0)
            {
                bins.Add((accA, accB));
            }
            else
            {
                bins[^1] = (bins[^1].A + accA, bins[^1].B + accB);
            }
        }

        if (bins.Count < 2)
        {
            return 1;
        }

        double na = a.Length, nb = b.Length, n = na + nb, statistic = 0;
        foreach (var (countA, countB) in bins)
        {
            var column = countA + countB;
            var expectedA = column * na / n;
            var expectedB = column * nb / n;
            statistic += ((countA - expectedA) * (countA - expectedA) / expectedA) + ((countB - expectedB) * (countB - expectedB) / expectedB);
        }

        return 1 - ChiSquared.CDF(bins.Count - 1, statistic);
    }

    private static string Histogram(int[] counts) =>
        string.Join(" ", counts.GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));

    private static string Csv(Table table)
    {
        using var writer = new StringWriter();
        for (var i = 0; i < table.RowCount; i++)
        {
            writer.WriteLine(string.Join(",", table.Columns.Select(c => c.FormatValue(i))));
        }

        return writer.ToString();
    }
}
