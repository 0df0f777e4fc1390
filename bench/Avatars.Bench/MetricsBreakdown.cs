using System.Diagnostics;
using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;

namespace Avatars.Bench;

/// <summary>Times the paired privacy metrics separately (projection of both tables, hidden rate, local cloaking).</summary>
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
    }
}
