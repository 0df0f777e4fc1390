using Avatars.Data;
using Avatars.Engine.Avatarization;

namespace Avatars.Engine.Tests.Avatarization;

public sealed class CategoricalReductionTests
{
    /// <summary>
    /// A table with 203 modalities: a signal (two measurements and a yes/no column driven by one latent
    /// factor) and five categorical columns of 40 levels that carry no signal. Without reduction the
    /// 195 dimensions of those columns crowd the first axes used by the neighbour search.
    /// </summary>
    private static Table ManyModalities(int rows, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x1 = new double[rows];
        var x2 = new double[rows];
        var binary = new int[rows];
        var categories = Enumerable.Range(0, 5).Select(_ => new int[rows]).ToArray();
        for (var i = 0; i < rows; i++)
        {
            var latent = Normal();
            x1[i] = Math.Round(latent + (0.4 * Normal()), 3);
            x2[i] = Math.Round(-latent + (0.4 * Normal()), 3);
            binary[i] = latent + (0.5 * Normal()) > 0 ? 1 : 0;
            foreach (var column in categories)
            {
                column[i] = random.Next(40);
            }
        }

        var levels = Enumerable.Range(0, 40).Select(l => $"L{l:00}").ToArray();
        var columns = new List<Column> { new FloatColumn("x1", x1), new FloatColumn("x2", x2), new CategoryColumn("b", binary, ["no", "yes"]) };
        columns.AddRange(categories.Select((codes, c) => new CategoryColumn($"c{c}", codes, [.. levels])));
        return new Table(columns, "many_modalities");
    }

    private static double[] Values(Table t, string column) => ((FloatColumn)t[column]).Values.ToArray();

    private static double[] YesIndicator(Table t) => Enumerable.Range(0, t.RowCount).Select(i => t["b"].FormatValue(i) == "yes" ? 1.0 : 0).ToArray();

    private static double Correlation(double[] a, double[] b)
    {
        var ma = a.Average();
        var mb = b.Average();
        var cov = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void WithManyModalities_TheReductionKeepsTheMixedSignalAndShrinksTheProjection(int seed)
    {
        var table = ManyModalities(2_000, seed);
        var plain = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 10, Ncp = 5, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var reduced = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 10, Ncp = 5, Seed = 1, UseCategoricalReduction = true }, cancellationToken: TestContext.Current.CancellationToken);

        // The association between the measurement and the yes/no column (the signal that crosses
        // variable types) is what the noise axes blur when they crowd the neighbour search.
        double Association(Table t) => Correlation(Values(t, "x1"), YesIndicator(t));
        var original = Association(table);
        var plainError = Math.Abs(Association(plain.SensitiveUnshuffled) - original);
        var reducedError = Math.Abs(Association(reduced.SensitiveUnshuffled) - original);
        TestContext.Current.TestOutputHelper?.WriteLine($"corr(x1, yes): original {original:F3}, error without reduction {plainError:F3}, with {reducedError:F3}; components {plain.ComponentCount} → {reduced.ComponentCount}");

        Assert.True(reducedError < 0.5 * plainError, $"reduction should keep the association better: error {reducedError:F3} vs {plainError:F3}");
        Assert.True(reduced.ComponentCount <= 2 + 2 + 20, $"{reduced.ComponentCount} components");
        Assert.True(plain.ComponentCount > 150, $"{plain.ComponentCount} components");
        Assert.Equal(table.ColumnNames, reduced.Avatars.ColumnNames);
        Assert.Equal(table.ColumnNames.Select(n => table[n].Type), reduced.Avatars.ColumnNames.Select(n => reduced.Avatars[n].Type));
    }
}
