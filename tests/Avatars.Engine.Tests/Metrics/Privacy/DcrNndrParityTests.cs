using System.Globalization;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Projection;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Metrics.Privacy;

/// <summary>
/// DCR / NNDR parity with the Avatar paper's WBCD comparison (method.md §6.3, §8.1, §9.2): 10 rounds, projection fitted
/// on holdout_i with all components (Class categorical, 9 features numeric), sets projected into it.
/// </summary>
public sealed class DcrNndrParityTests(ITestOutputHelper output)
{
    private static readonly (string Type, string Prefix)[] Sets = [("Reference", "remaining"), ("Avatar", "avatar"), ("Synthpop", "synthpop"), ("CT-GAN", "ctgan")];

    [Fact]
    public void WbcdComparison_MatchesThePapersSummaryTable()
    {
        var results = Compute();
        var expected = new Dictionary<string, (string Dcr, string Nndr)>
        {
            ["Reference"] = ("0.45 [0.00–2.27]", "0.97 [0.00–1.00]"),
            ["Avatar"] = ("0.00 [0.00–1.44]", "1.00 [0.44–1.00]"),
            ["Synthpop"] = ("0.36 [0.00–2.08]", "0.96 [0.00–1.00]"),
            ["CT-GAN"] = ("1.46 [0.00–2.56]", "0.94 [0.65–1.00]"),
        };
        foreach (var (type, _) in Sets)
        {
            var dcr = DistributionSummary.Of(results.Where(r => r.Type == type).SelectMany(r => r.Result.Dcr));
            var nndr = DistributionSummary.Of(results.Where(r => r.Type == type).SelectMany(r => r.Result.Nndr));
            output.WriteLine($"{type}: DCR {dcr} NNDR {nndr}");
            Assert.Equal(expected[type].Dcr, dcr.ToString());
            Assert.Equal(expected[type].Nndr, nndr.ToString());
        }
    }

    /// <summary>
    /// Per-row values, sorted within each round and type (the file's row order is not the sets' order). The paper's
    /// FAISS float32 arithmetic turns some exact duplicates into rounding noise below 0.01 (e.g. 2^-10 instead of 0, and
    /// NNDR = noise / d2 instead of 0); such pairs are accepted when both values are below <see cref="NoiseFloor"/>.
    /// Every other value must agree within 1e-4.
    /// </summary>
    [Fact]
    public void WbcdComparison_MatchesThePapersPerRowValues()
    {
        var paper = ReadPaperRows();
        var results = Compute();
        var worstDcr = 0.0;
        var worstNndr = 0.0;
        var noiseDcr = 0;
        var noiseNndr = 0;
        var rows = 0;
        foreach (var (type, round, result) in results)
        {
            var (paperDcr, paperNndr) = paper[(type, $"round_{round}")];
            Assert.Equal(paperDcr.Count, result.Dcr.Count);
            rows += paperDcr.Count;
            worstDcr = Math.Max(worstDcr, MaxSortedDifference(paperDcr, result.Dcr, ref noiseDcr));
            worstNndr = Math.Max(worstNndr, MaxSortedDifference(paperNndr, result.Nndr, ref noiseNndr));
        }

        output.WriteLine($"{rows} rows; max |Δ| outside float32 noise: DCR {worstDcr:G6}, NNDR {worstNndr:G6}; noise pairs: DCR {noiseDcr}, NNDR {noiseNndr}");
        Assert.Equal(16_390, rows);
        Assert.True(worstDcr <= 1e-4, $"DCR differs by {worstDcr}");
        Assert.True(worstNndr <= 1e-4, $"NNDR differs by {worstNndr}");
    }

    private const double NoiseFloor = 0.01;

    private static double MaxSortedDifference(IReadOnlyList<double> expected, IReadOnlyList<double> actual, ref int noise)
    {
        var a = expected.Order().ToArray();
        var b = actual.Order().ToArray();
        var worst = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var difference = Math.Abs(a[i] - b[i]);
            if (difference > 1e-4 && a[i] < NoiseFloor && b[i] < NoiseFloor)
            {
                noise++;
                continue;
            }

            worst = Math.Max(worst, difference);
        }

        return worst;
    }

    private static List<(string Type, int Round, ClosestDistancesResult Result)> Compute()
    {
        var results = new List<(string, int, ClosestDistancesResult)>();
        for (var round = 0; round < 10; round++)
        {
            var holdout = Read($"wbcd/privacy/holdout_{round}.csv");
            var model = ProjectionModel.Fit(holdout, cancellationToken: TestContext.Current.CancellationToken);
            var training = model.Transform(holdout, cancellationToken: TestContext.Current.CancellationToken);
            foreach (var (type, prefix) in Sets)
            {
                var set = Read($"wbcd/privacy/{prefix}_{round}.csv");
                var projected = model.Transform(set, cancellationToken: TestContext.Current.CancellationToken);
                results.Add((type, round, DistanceToClosest.Compute(training.Data, projected.Data, training.Columns, TestContext.Current.CancellationToken)));
            }
        }

        return results;
    }

    /// <summary>Reads a WBCD privacy file: Class categorical, features as numbers, synthpop's unnamed index column dropped.</summary>
    private static Table Read(string relative)
    {
        var lines = File.ReadAllLines(Avatars.Testing.SharedData.PathOf(relative));
        var unnamedIndex = lines[0].StartsWith("\"\",", StringComparison.Ordinal);
        if (unnamedIndex)
        {
            lines[0] = "\"__index\"" + lines[0][2..];
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var table = TableReader.ReadCsv(stream, new TableReadOptions { Types = new Dictionary<string, ColumnType> { [Wbcd.ClassColumn] = ColumnType.Category } });
        if (unnamedIndex)
        {
            table = table.Drop("__index");
        }

        return Wbcd.WithFeaturesAsIntegers(table);
    }

    private static Dictionary<(string Type, string Round), (List<double> Dcr, List<double> Nndr)> ReadPaperRows()
    {
        var rows = new Dictionary<(string, string), (List<double>, List<double>)>();
        foreach (var line in File.ReadLines(Avatars.Testing.SharedData.PathOf("wbcd/WBCD_DCR_NNDR_comparison_results.csv")).Skip(1))
        {
            var parts = line.Split(',');
            var key = (parts[2], parts[3]);
            if (!rows.TryGetValue(key, out var lists))
            {
                rows[key] = lists = ([], []);
            }

            lists.Item1.Add(double.Parse(parts[0], CultureInfo.InvariantCulture));
            lists.Item2.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return rows;
    }
}
