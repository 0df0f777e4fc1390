using Avatars.Data;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Privacy;

/// <summary>
/// Differentially private avatarization (project design, docs/differential-privacy.md): ε-DP under the
/// replace-one-row relation with public n, schema and numeric bounds. Stage 1 (ε₁ = ratio·ε): Laplace noisy
/// moments → DP-PCA axes. Stage 2 (ε₂ = (1 − ratio)·ε): Laplace noisy counts and sums on a grid of cells in the
/// DP projected space. Each avatar is a random-weight barycentre of the noisy means of a sampled cell and of its
/// neighbouring cells (post-processing only), so no private k-NN neighbourhood is ever used.
/// </summary>
public static class DifferentialPrivacyAvatarizer
{
    private const ulong CellStream = 0xD3;
    private const ulong WeightStream = 0xD4;
    private const ulong LevelStream = 0xD5;

    /// <summary>Avatarizes a table with ε-differential privacy.</summary>
    /// <param name="table">The original table (no missing values; float, int, bool and category columns).</param>
    /// <param name="options">The budget, its split, the grid and the public bounds.</param>
    /// <returns>The avatars and the privacy accounting.</returns>
    /// <exception cref="DifferentialPrivacyException">A parameter or the table is not usable; the message says why.</exception>
    public static DifferentialPrivacyResult Avatarize(Table table, DifferentialPrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        Validate(table, options);
        var ids = options.IdentifierColumns.ToHashSet(StringComparer.Ordinal);
        var modelled = new Table(table.Columns.Where(c => !ids.Contains(c.Name)), table.Name);
        var encoding = DpRowEncoding.Create(modelled, options.Bounds);
        var n = modelled.RowCount;
        var d = encoding.Width;
        var m = encoding.ColumnCount;
        var seed = options.Seed ?? RowRandom.NewSeed();
        var ncp = Math.Min(options.Ncp, d);
        var accounting = new DifferentialPrivacyAccounting(
            options.Epsilon,
            options.Epsilon * options.PreprocessBudgetRatio,
            options.Epsilon * (1 - options.PreprocessBudgetRatio),
            PrivateMoments.Sensitivity(m),
            PrivateCellAggregates.Sensitivity(m));

        var rows = encoding.Encode();
        var moments = PrivateMoments.Compute(rows, n, d, accounting.ProjectionNoiseScale, seed);
        var projection = PrivateProjection.Fit(moments, d, ncp);
        var grid = new CellGrid(projection, options.BinsPerComponent);
        var aggregates = PrivateCellAggregates.Compute(rows, n, d, grid, accounting.AggregationNoiseScale, seed);
        var vectors = Synthesize(aggregates, grid, moments.Mean, n, d, accounting.AggregationNoiseScale, seed);

        var uniforms = new double[n * m];
        for (var i = 0; i < n; i++)
        {
            var random = new RowRandom(seed, LevelStream, (ulong)i);
            for (var c = 0; c < m; c++)
            {
                uniforms[(i * m) + c] = random.NextDouble();
            }
        }

        var avatars = new Table(encoding.Decode(vectors, n, uniforms), table.Name);
        return new DifferentialPrivacyResult(avatars, seed, accounting, grid.CellCount);
    }

    /// <summary>
    /// Post-processing: cell means (noisy sum / noisy count when the count is at least 2 noise scales, else the
    /// noisy global mean), then n avatars, each from a cell drawn ∝ max(noisy count, 0) and a barycentre of its
    /// neighbourhood's means with weights Exp(1) · max(noisy count, 0).
    /// </summary>
    private static double[] Synthesize(PrivateCellAggregates aggregates, CellGrid grid, double[] globalMean, int n, int d, double scale, ulong seed)
    {
        var cells = grid.CellCount;
        var threshold = Math.Max(1, 2 * scale);
        var means = new double[cells * d];
        var mass = new double[cells];
        for (var c = 0; c < cells; c++)
        {
            var count = aggregates.Counts[c];
            mass[c] = Math.Max(count, 0);
            for (var a = 0; a < d; a++)
            {
                means[(c * d) + a] = count >= threshold ? aggregates.Sums[(c * d) + a] / count : globalMean[a];
            }
        }

        var cumulative = new double[cells];
        var total = 0.0;
        for (var c = 0; c < cells; c++)
        {
            total += mass[c] > 0 ? mass[c] : 0;
            cumulative[c] = total;
        }

        var neighbourhoods = new List<int>?[cells];
        var vectors = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            var cellRandom = new RowRandom(seed, CellStream, (ulong)i);
            int cell;
            if (total <= 0)
            {
                cell = cellRandom.NextInt(cells);
            }
            else
            {
                var target = cellRandom.NextDouble() * total;
                cell = Array.FindIndex(cumulative, x => target < x);
                cell = cell < 0 ? cells - 1 : cell;
            }

            var neighbourhood = neighbourhoods[cell] ??= grid.Neighbourhood(cell);
            var weightRandom = new RowRandom(seed, WeightStream, (ulong)i);
            var weightSum = 0.0;
            var avatar = vectors.AsSpan(i * d, d);
            foreach (var other in neighbourhood)
            {
                var w = weightRandom.NextExponential() * mass[other];
                if (w <= 0)
                {
                    continue;
                }

                weightSum += w;
                for (var a = 0; a < d; a++)
                {
                    avatar[a] += w * means[(other * d) + a];
                }
            }

            for (var a = 0; a < d; a++)
            {
                avatar[a] = weightSum > 0 ? avatar[a] / weightSum : means[(cell * d) + a];
            }
        }

        return vectors;
    }

    private static void Validate(Table table, DifferentialPrivacyOptions options)
    {
        DifferentialPrivacyChecks.Common(table, options.Epsilon, options.PreprocessBudgetRatio, options.IdentifierColumns);
        if (options.Ncp is < 1 or > 4)
        {
            throw new DifferentialPrivacyException(
                $"ncp = {options.Ncp} must be between 1 and 4 for differentially private avatarization (the cell grid has bins^ncp cells).",
                table.Name, parameter: "ncp");
        }

        if (options.BinsPerComponent is < 2 or > 16 || Math.Pow(options.BinsPerComponent, options.Ncp) > 4096)
        {
            throw new DifferentialPrivacyException(
                $"bins per component = {options.BinsPerComponent} must be between 2 and 16 with bins^ncp ≤ 4096 (got {Math.Pow(options.BinsPerComponent, options.Ncp)} cells).",
                table.Name, parameter: "bins_per_component");
        }

        if (table.ColumnCount - options.IdentifierColumns.Distinct().Count() == 0)
        {
            throw new DifferentialPrivacyException($"Table '{table.Name}' has no column left to avatarize.", table.Name);
        }
    }
}
