// Times the exact linear sum assignment and the greedy minimum-distance assignment.
// Usage: dotnet run -c Release --project bench/Avatars.Bench.Assignment -- [uniform sizes] [--slots sizes]
//        [--line sizes] [--product sizes]
//   uniform: n × n costs uniform in [0, 1), seed 42.
//   line:    n × n costs |x_i − y_j| for points uniform on a line (a 1-D projection), seed 42.
//   product: n × n costs (i + 1)(j + 1) — a structured hard case for augmenting-path solvers (optimum: anti-diagonal).
//   slots:   n child avatars vs parent avatars replicated by child counts 1–4 (Σ = n), Euclidean distances in 5-D
//            (children drawn near their parent), seed 42 — the multi-table shape of method.md §5.2.
using System.Diagnostics;
using System.Globalization;
using Avatars.Engine.MultiTable.Assignment;

var uniform = new List<int>();
var slots = new List<int>();
var line = new List<int>();
var product = new List<int>();
List<int> target = uniform;
foreach (string arg in args)
{
    List<int>? next = arg switch
    {
        "--slots" => slots,
        "--line" => line,
        "--product" => product,
        _ => null,
    };
    if (next is not null)
    {
        target = next;
        continue;
    }

    target.Add(int.Parse(arg, CultureInfo.InvariantCulture));
}

if (uniform.Count + slots.Count + line.Count + product.Count == 0)
{
    uniform.AddRange([200, 500, 1000, 2000]);
    slots.AddRange([1000, 2000]);
}

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

// Warm-up so that the JIT does not count.
LinearSumAssignment.Solve(Uniform(100, 1), 100, 100);
GreedyAssignment.Solve(Uniform(100, 1), 100, 100);

Console.WriteLine("case      n      LSA s    greedy s   LSA cost     greedy cost  greedy/LSA");
foreach (int n in uniform)
{
    double[] cost = Uniform(n, 42);
    Report("uniform", n, cost, Enumerable.Repeat(1, n).ToArray());
}

foreach (int n in slots)
{
    (double[] cost, int[] capacities) = ParentSlots(n, 42);
    Report("slots", n, cost, capacities);
}

foreach (int n in line)
{
    var rng = new Random(42);
    double[] x = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
    double[] y = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
    var cost = new double[n * n];
    for (int i = 0; i < n; i++)
    {
        for (int j = 0; j < n; j++)
        {
            cost[(i * n) + j] = Math.Abs(x[i] - y[j]);
        }
    }

    Report("line", n, cost, Enumerable.Repeat(1, n).ToArray());
}

foreach (int n in product)
{
    var cost = new double[n * n];
    for (int i = 0; i < n; i++)
    {
        for (int j = 0; j < n; j++)
        {
            cost[(i * n) + j] = (double)(i + 1) * (j + 1);
        }
    }

    Report("product", n, cost, Enumerable.Repeat(1, n).ToArray());
}

static void Report(string name, int n, double[] cost, int[] capacities)
{
    var exactOptions = new AssignmentOptions { MaxExactRows = int.MaxValue };
    var greedyOptions = new AssignmentOptions { Method = AssignmentMethod.MinimumDistance };
    var sw = Stopwatch.StartNew();
    AssignmentResult exact = AssignmentSolver.SolveWithCapacities(cost, n, capacities, exactOptions);
    double exactSeconds = sw.Elapsed.TotalSeconds;
    sw.Restart();
    AssignmentResult greedy = AssignmentSolver.SolveWithCapacities(cost, n, capacities, greedyOptions);
    double greedySeconds = sw.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-8} {n,6} {exactSeconds,10:F3} {greedySeconds,10:F4} {exact.TotalCost,12:F3} {greedy.TotalCost,12:F3} {greedy.TotalCost / exact.TotalCost,8:F3}"));
}

static double[] Uniform(int n, int seed)
{
    var rng = new Random(seed);
    var cost = new double[n * n];
    for (int k = 0; k < cost.Length; k++)
    {
        cost[k] = rng.NextDouble();
    }

    return cost;
}

static (double[] Cost, int[] Capacities) ParentSlots(int children, int seed)
{
    const int dim = 5;
    var rng = new Random(seed);
    var capacities = new List<int>();
    for (int left = children; left > 0;)
    {
        int c = Math.Min(left, 1 + rng.Next(4));
        capacities.Add(c);
        left -= c;
    }

    int parents = capacities.Count;
    var parentPoints = new double[parents * dim];
    for (int k = 0; k < parentPoints.Length; k++)
    {
        parentPoints[k] = Gaussian(rng);
    }

    var childPoints = new double[children * dim];
    int child = 0;
    for (int p = 0; p < parents; p++)
    {
        for (int c = 0; c < capacities[p]; c++, child++)
        {
            for (int d = 0; d < dim; d++)
            {
                childPoints[(child * dim) + d] = parentPoints[(p * dim) + d] + (0.5 * Gaussian(rng));
            }
        }
    }

    var cost = new double[children * parents];
    for (int i = 0; i < children; i++)
    {
        for (int p = 0; p < parents; p++)
        {
            double s = 0;
            for (int d = 0; d < dim; d++)
            {
                double diff = childPoints[(i * dim) + d] - parentPoints[(p * dim) + d];
                s += diff * diff;
            }

            cost[(i * parents) + p] = Math.Sqrt(s);
        }
    }

    return (cost, capacities.ToArray());
}

static double Gaussian(Random rng) =>
    Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
