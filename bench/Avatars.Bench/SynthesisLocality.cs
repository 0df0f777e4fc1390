using System.Diagnostics;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;

namespace Avatars.Bench;

/// <summary>Times synthesis with scattered (random) and with contiguous neighbours, to see how much of it is memory latency.</summary>
internal static class SynthesisLocality
{
    public static void Run(Table table, int k)
    {
        var (_, working) = TableEncoding.Encode(table);
        var imputed = MissingValueImputer.Fit(working, new ImputationOptions { Method = ImputationMethod.Mean }, 1).Apply(working);
        var n = imputed.RowCount;
        var random = new Random(1);
        var scattered = new int[n * k];
        var contiguous = new int[n * k];
        var distances = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                scattered[(i * k) + j] = random.Next(n);
                contiguous[(i * k) + j] = (i + j + 1) % n;
                distances[(i * k) + j] = 1 + j;
            }
        }

        foreach (var (name, neighbors) in new[] { ("scattered", scattered), ("contiguous", contiguous) })
        {
            var clock = Stopwatch.StartNew();
            AvatarSynthesizer.Synthesize(imputed, neighbors, distances, k, 1, 0.5, new ParallelOptions(), null);
            Console.Error.WriteLine($"synthesis with {name} neighbours: {clock.Elapsed.TotalSeconds:0.00} s");
        }
    }
}
