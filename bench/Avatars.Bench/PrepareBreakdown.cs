using System.Diagnostics;
using Avatars.Data;
using Avatars.Engine.Preprocessing;

namespace Avatars.Bench;

/// <summary>Times the parts of the Prepare stage separately (encoding, imputer fit, imputation per method).</summary>
internal static class PrepareBreakdown
{
    public static void Run(Table table)
    {
        var clock = Stopwatch.StartNew();
        var (_, working) = TableEncoding.Encode(table);
        Console.Error.WriteLine($"encode {clock.Elapsed.TotalSeconds:0.00} s");
        foreach (var method in new[] { ImputationMethod.Mean, ImputationMethod.FastKnn })
        {
            clock.Restart();
            var imputer = MissingValueImputer.Fit(working, new ImputationOptions { Method = method }, 1);
            var fit = clock.Elapsed;
            clock.Restart();
            imputer.Apply(working);
            Console.Error.WriteLine($"{method}: fit {fit.TotalSeconds:0.00} s, apply {clock.Elapsed.TotalSeconds:0.00} s");
        }
    }
}
