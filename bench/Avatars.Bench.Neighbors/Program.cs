// Times the exact neighbour search (KdTree build + self k-NN, 1-NN and radius counts of perturbed queries) on
// synthetic 5-D data and compares it with brute force on a subsample. Prints a markdown table.
// Usage: dotnet run -c Release --project bench/Avatars.Bench.Neighbors [-- --sizes 100000,1000000 --threads 2]
using System.Diagnostics;
using System.Globalization;
using Avatars.Engine.Neighbors;

var sizes = new[] { 100_000, 1_000_000 };
var threads = Environment.ProcessorCount;
const int D = 5;
const int K = 20;
const int BruteSample = 20_000;
const int CheckedRows = 200;

for (var a = 0; a < args.Length - 1; a++)
{
    if (args[a] == "--sizes")
    {
        sizes = args[a + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    }
    else if (args[a] == "--threads")
    {
        threads = int.Parse(args[a + 1], CultureInfo.InvariantCulture);
    }
}

Console.WriteLine(Invariant($"Machine: {Environment.ProcessorCount} logical cores, {CpuModel()}, {Environment.OSVersion}, .NET {Environment.Version}"));
Console.WriteLine(Invariant($"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; threads = {threads}; d = {D}; k = {K} (self excluded); bucket = {KdTree.DefaultBucketSize}"));
Console.WriteLine(Invariant($"Load average at start: {LoadAverage()}; timings are the best of 3 (100k) or 2 (1M) runs"));
Console.WriteLine();

// Warm-up (JIT, tiering) on a small set.
{
    var warm = Data.Make("uniform", 50_000, D, 7);
    for (var i = 0; i < 3; i++)
    {
        var t = new KdTree(warm, 50_000, D, KdTree.DefaultBucketSize, threads);
        NeighborSearch.SelfNeighbors(t, K, threads);
        NeighborSearch.NearestIn(t, warm, threads);
    }
}

Console.WriteLine("| data | n | build (s) | self k-NN (s) | self k-NN CPU time (s, all threads) | build + k-NN (s) | 1-NN of n queries (s) | radius counts (s) | exact vs brute force |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var n in sizes)
{
    foreach (var kind in new[] { "uniform", "gaussian-mixture", "integers-0..9" })
    {
        var points = Data.Make(kind, n, D, 42);
        GC.Collect();

        // Best of several repetitions (other processes may share the cores).
        var repetitions = n <= 200_000 ? 3 : 2;
        double build = double.MaxValue, knn = double.MaxValue, knnCpu = double.MaxValue, oneNn = double.MaxValue, radius = double.MaxValue;
        KdTree tree = null!;
        NeighborResult result = null!, nearest = null!;
        int[] counts = null!;
        var queries = Data.Perturb(points, n, D, 43);
        var radii = new double[n];
        for (var i = 0; i < n; i++)
        {
            radii[i] = EuclideanDistance.Between(queries.AsSpan(i * D, D), points.AsSpan(i * D, D));
        }

        for (var rep = 0; rep < repetitions; rep++)
        {
            tree = null!;
            result = null!;
            GC.Collect();
            var sw = Stopwatch.StartNew();
            tree = new KdTree(points, n, D, KdTree.DefaultBucketSize, threads);
            build = Math.Min(build, sw.Elapsed.TotalSeconds);

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            result = NeighborSearch.SelfNeighbors(tree, K, threads);
            knn = Math.Min(knn, sw.Elapsed.TotalSeconds);
            knnCpu = Math.Min(knnCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);

            // Avatar-like queries: each point moved a little (the hidden rate / local cloaking pattern).
            sw.Restart();
            nearest = NeighborSearch.NearestIn(tree, queries, threads);
            oneNn = Math.Min(oneNn, sw.Elapsed.TotalSeconds);

            sw.Restart();
            counts = NeighborSearch.CountWithinRadii(tree, queries, radii, excludeSelf: true, threads);
            radius = Math.Min(radius, sw.Elapsed.TotalSeconds);
        }

        var ok = Verify(points, n, result, queries, nearest, radii, counts);
        Console.WriteLine(Invariant($"| {kind} | {n:N0} | {build:F3} | {knn:F3} | {knnCpu:F2} | {build + knn:F3} | {oneNn:F3} | {radius:F3} | {(ok ? "yes" : "**NO**")} ({CheckedRows} rows) |"));
    }
}

Console.WriteLine();
Console.WriteLine(Invariant($"Brute force (O(n²)) versus k-d tree on a {BruteSample:N0}-row subsample, self k-NN, k = {K}, {threads} threads:"));
Console.WriteLine();
Console.WriteLine("| data | n | brute force (s) | k-d tree build + k-NN (s) | speed-up | identical | brute force extrapolated to 1,000,000 (s) |");
Console.WriteLine("|---|---:|---:|---:|---:|---|---:|");
foreach (var kind in new[] { "uniform", "gaussian-mixture", "integers-0..9" })
{
    var points = Data.Make(kind, BruteSample, D, 42);
    var sw = Stopwatch.StartNew();
    var brute = NeighborSearch.SelfNeighbors(new BruteForceNeighbors(points, BruteSample, D), K, threads);
    var bruteTime = sw.Elapsed.TotalSeconds;
    sw.Restart();
    var fast = NeighborSearch.SelfNeighbors(points, BruteSample, D, K, threads);
    var treeTime = sw.Elapsed.TotalSeconds;
    var same = brute.Indices.AsSpan().SequenceEqual(fast.Indices) && brute.Distances.AsSpan().SequenceEqual(fast.Distances);
    var extrapolated = bruteTime * Math.Pow(1_000_000.0 / BruteSample, 2);
    Console.WriteLine(Invariant($"| {kind} | {BruteSample:N0} | {bruteTime:F3} | {treeTime:F3} | {bruteTime / treeTime:F0}× | {(same ? "yes" : "**NO**")} | {extrapolated:F0} |"));
}

static bool Verify(double[] points, int n, NeighborResult result, double[] queries, NeighborResult nearest, double[] radii, int[] counts)
{
    var brute = new BruteForceNeighbors(points, n, D);
    var rng = new Random(5);
    var idx = new int[K];
    var dist = new double[K];
    for (var c = 0; c < CheckedRows; c++)
    {
        var i = rng.Next(n);
        brute.Query(points.AsSpan(i * D, D), K, idx, dist, i);
        if (!idx.AsSpan().SequenceEqual(result.IndicesOf(i)) || !dist.AsSpan().SequenceEqual(result.DistancesOf(i)))
        {
            return false;
        }

        var q = queries.AsSpan(i * D, D);
        if (brute.Nearest(q, out var d1) != nearest.Indices[i] || d1 != nearest.Distances[i])
        {
            return false;
        }

        if (brute.CountWithinRadius(q, radii[i], i) != counts[i])
        {
            return false;
        }
    }

    return true;
}

Console.WriteLine();
Console.WriteLine(Invariant($"Load average at end: {LoadAverage()}"));

static string LoadAverage()
{
    try
    {
        return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
}

static string CpuModel()
{
    try
    {
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
    catch (IOException)
    {
        return "unknown CPU";
    }
}

static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

/// <summary>Synthetic benchmark data.</summary>
internal static class Data
{
    public static double[] Make(string kind, int n, int d, int seed)
    {
        var rng = new Random(seed);
        var points = new double[n * d];
        switch (kind)
        {
            case "uniform":
                for (var i = 0; i < points.Length; i++)
                {
                    points[i] = rng.NextDouble();
                }

                break;
            case "gaussian-mixture":
                {
                    // 20 clusters with different spreads, like projected coordinates of a heterogeneous table.
                    const int Clusters = 20;
                    var centres = new double[Clusters * d];
                    var scales = new double[Clusters];
                    for (var c = 0; c < Clusters; c++)
                    {
                        scales[c] = 0.05 + rng.NextDouble() * 0.5;
                        for (var j = 0; j < d; j++)
                        {
                            centres[(c * d) + j] = Gaussian(rng) * 3;
                        }
                    }

                    for (var i = 0; i < n; i++)
                    {
                        var c = rng.Next(Clusters);
                        for (var j = 0; j < d; j++)
                        {
                            points[(i * d) + j] = centres[(c * d) + j] + Gaussian(rng) * scales[c] * (j + 1) / d;
                        }
                    }

                    break;
                }

            case "integers-0..9":
                for (var i = 0; i < points.Length; i++)
                {
                    points[i] = rng.Next(10);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown data kind");
        }

        return points;
    }

    public static double[] Perturb(double[] points, int n, int d, int seed)
    {
        var rng = new Random(seed);
        var queries = new double[n * d];
        for (var i = 0; i < queries.Length; i++)
        {
            queries[i] = points[i] + (Gaussian(rng) * 0.01);
        }

        return queries;
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
