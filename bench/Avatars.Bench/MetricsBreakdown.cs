using System.Diagnostics;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;

namespace Avatars.Bench;

/// <summary>Times the privacy metrics separately (projection of both tables, then each metric).</summary>
internal static class MetricsBreakdown
{
    public static void Run(Table original, Table unshuffled, int ncp, ulong seed)
    {
        var clock = Stopwatch.StartNew();
        var (f, g, d) = PrivacyEvaluator.ProjectBoth(original, unshuffled, new PrivacyEvaluationOptions { Ncp = ncp, Seed = seed }, CancellationToken.None);
        Console.Error.WriteLine($"project both {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var hidden = HiddenRate.Compute(f.Data, g.Data, d);
        Console.Error.WriteLine($"hidden rate {hidden.Value:0.00} % in {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var cloaking = LocalCloaking.Compute(f.Data, g.Data, d);
        Console.Error.WriteLine($"local cloaking {cloaking.Median} in {clock.Elapsed.TotalSeconds:0.00} s; max count {cloaking.AvatarCounts.Max()}, mean {cloaking.AvatarCounts.Average():0.0}");
        clock.Restart();
        var closest = DistanceToClosest.Compute(f.Data, g.Data, d);
        Console.Error.WriteLine($"DCR/NNDR {closest.DcrSummary} / {closest.NndrSummary} in {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var closestRate = ClosestRate.Compute(f.Data, d, closest);
        Console.Error.WriteLine($"closest rate {closestRate.Value:0.00} % in {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var rows = RowDirectMatchProtection.Compute(original, unshuffled);
        Console.Error.WriteLine($"row direct match protection {rows.Value:0.00} % in {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var columns = ColumnDirectMatchProtection.Compute(original, unshuffled);
        Console.Error.WriteLine($"column direct match protection {columns.Value:0.00} % in {clock.Elapsed.TotalSeconds:0.00} s");
        var categorical = original.Columns.FirstOrDefault(c => c.Type == ColumnType.Category)?.Name;
        var numeric = original.Columns.FirstOrDefault(c => c.Type == ColumnType.Int)?.Name;
        var target = original.Columns.LastOrDefault(c => c.Type == ColumnType.Category)?.Name;
        if (categorical is null || numeric is null || target is null || target == categorical)
        {
            return;
        }

        clock.Restart();
        var chr = CategoricalHiddenRate.Compute(original, unshuffled, [categorical], f.Data, g.Data, d);
        Console.Error.WriteLine($"categorical hidden rate ({categorical}) {chr.Value:0.00} % in {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var cpr = CorrelationProtectionRate.Compute(original, unshuffled, [numeric, categorical], hidden.Value);
        Console.Error.WriteLine($"correlation protection rate ({numeric}, {categorical}) {cpr.Value:0.00} % in {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var inference = InferenceMetrics.Compute(original, unshuffled, [numeric, categorical], target, seed: seed);
        Console.Error.WriteLine($"inference ({target}) {inference.Value:0.00} in {clock.Elapsed.TotalSeconds:0.00} s");
    }
}
