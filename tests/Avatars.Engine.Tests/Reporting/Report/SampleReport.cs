using System.Globalization;
using Avatars.Engine.Reporting.Report;

namespace Avatars.Engine.Tests.Reporting.Report;

/// <summary>A realistic report content: 14 metrics, 50-variable Hellinger table, two charts, a malicious name.</summary>
internal static class SampleReport
{
    internal const string Malicious = "<script>alert(1)</script>";

    internal static ReportContent Build()
    {
        var values = new (string Key, double Value)[]
        {
            ("hidden_rate", 92.68), ("local_cloaking", 24), ("distance_to_closest", 1.37), ("closest_distances_ratio", 0.71),
            ("closest_rate", 97.3), ("row_direct_match_protection", 52.42), ("column_direct_match_protection", 61.2),
            ("categorical_hidden_rate", 88.1), ("correlation_protection_rate", 99.56), ("inference_continuous", 31.4),
            ("inference_categorical", 27.9), ("hellinger_mean", 0.0298), ("hellinger_std", 0.0121), ("correlation_difference_ratio", 2.34),
        };
        var metrics = values.Select(v => ReportMetricCatalog.Create(v.Key, v.Value)).ToList();

        var variables = Enumerable.Range(1, 50).Select(i => i == 7 ? Malicious : "variable_" + i.ToString("00", CultureInfo.InvariantCulture)).ToList();
        var hellinger = variables.Select((_, i) => 0.01 + (0.09 * ((i * 37) % 50) / 50.0)).ToList();
        var rows = variables.Select((v, i) => (IReadOnlyList<string>)
        [
            v,
            i % 3 == 0 ? "categorical" : "continuous",
            hellinger[i].ToString("0.0000", CultureInfo.InvariantCulture),
            (i % 5).ToString("0.0", CultureInfo.InvariantCulture) + " %",
        ]).ToList();

        var rng = new Random(42);
        List<ScatterPoint> Cloud(double sx, double sy, int n) =>
            [.. Enumerable.Range(0, n).Select(_ => new ScatterPoint(Normal(rng) * sx, (Normal(rng) * sy) + (0.3 * Normal(rng))))];

        return new ReportContent
        {
            Title = "Avatarization report",
            DatasetName = "Hospital admissions 2025 " + Malicious,
            GeneratedAt = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero),
            RowCount = 12_345,
            ColumnCount = 50,
            Parameters =
            [
                new("k", "20"),
                new("ncp", "5"),
                new("seed", "1234"),
                new("imputation", "KNN (k = 5)"),
                new("column weights", "none"),
            ],
            Metrics = metrics,
            Figures =
            [
                new ReportFigure
                {
                    Title = "Hellinger distance per variable",
                    Caption = "Hellinger distance between the original and avatar distribution of each of the first 20 variables; the dashed line is the 0.1 target.",
                    Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"120\" viewBox=\"0 0 400 120\"><rect x=\"10\" y=\"40\" width=\"30\" height=\"70\" fill=\"#1f77b4\"/><text x=\"50\" y=\"60\">bars</text></svg>",
                    Chart = new BarChart
                    {
                        Labels = variables.Take(20).ToList(),
                        Series = [new BarSeries("Hellinger distance", hellinger.Take(20).ToList())],
                        Threshold = 0.1,
                        ThresholdLabel = "Target 0.1",
                        YAxisLabel = "Hellinger distance",
                        XAxisLabel = "Variable",
                    },
                },
                new ReportFigure
                {
                    Title = "Originals and avatars in the factorial space",
                    Caption = "First two dimensions of the FAMD fitted on the original data; a sample of 400 originals and 400 avatars. Avatars should cover the same region without sitting on top of individual originals.",
                    Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"200\"><circle cx=\"50\" cy=\"50\" r=\"3\" fill=\"#1f77b4\"/></svg>",
                    Chart = new ScatterChart
                    {
                        Series = [new ScatterSeries("Original", Cloud(2.0, 1.2, 400)), new ScatterSeries("Avatar", Cloud(1.8, 1.1, 400))],
                        XAxisLabel = "Dim. 1 (23.4 %)",
                        YAxisLabel = "Dim. 2 (11.8 %)",
                    },
                },
            ],
            Tables =
            [
                new ReportTable
                {
                    Title = "Hellinger distance per variable",
                    Caption = "Distance between the original and avatar distribution of each variable (0 = identical, 1 = disjoint), and the share of missing values in the original data.",
                    Headers = ["Variable", "Type", "Hellinger distance", "Missing values"],
                    Rows = rows,
                },
            ],
            RunMetadata =
            [
                new("Avatars for .NET", "0.1.0"),
                new(".NET runtime", "10.0.0"),
                new("Seed", "1234"),
                new("Avatarization time", "12.4 s"),
                new("Privacy metrics time", "3.1 s"),
                new("Signal metrics time", "0.4 s"),
                new("Machine", "2 cores, 24 GiB, Linux x64"),
            ],
            Warnings =
            [
                "A fixed seed was used: anyone who knows the seed and the original data can reproduce the avatars. Use a fixed seed only for testing.",
                "Row direct match protection is below its target: 5,883 original rows appear verbatim among the avatars (duplicated originals).",
            ],
        };
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
