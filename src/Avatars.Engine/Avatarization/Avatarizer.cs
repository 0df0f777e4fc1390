using System.Diagnostics;
using Avatars.Data;
using Avatars.Engine.Neighbors;
using Avatars.Engine.Preprocessing;
using Avatars.Engine.Projection;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Avatarization;

/// <summary>
/// Runs the Avatar method on one table (method.md §4.9): missing-value indicators and imputation,
/// projection, k nearest neighbours on the first <c>ncp</c> components, random weights, data-space
/// barycentres, rounding and type restoration, shuffling.
/// </summary>
public static class Avatarizer
{
    private const ulong ShuffleStream = 0x5F;

    /// <summary>The <c>ncp</c> used when none is given (capped at the table's number of dimensions).</summary>
    public const int DefaultNcp = 5;

    /// <summary>Avatarizes a table.</summary>
    /// <param name="table">The original table.</param>
    /// <param name="options">The parameters (k is required).</param>
    /// <param name="progress">Receives the stage and its completed fraction.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The shuffled avatars, the sensitive unshuffled avatars, timings and warnings.</returns>
    /// <exception cref="AvatarizationException">The table or a parameter is not usable; the message says why and what to do.</exception>
    public static Task<AvatarizationResult> AvatarizeAsync(
        Table table,
        AvatarizationOptions options,
        IProgress<AvatarizationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        return Task.Run(() => Avatarize(table, options, progress, cancellationToken), cancellationToken);
    }

    /// <summary>Avatarizes a table synchronously on the calling thread (plus the parallel workers).</summary>
    /// <inheritdoc cref="AvatarizeAsync"/>
    public static AvatarizationResult Avatarize(
        Table table,
        AvatarizationOptions options,
        IProgress<AvatarizationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var timings = new Dictionary<AvatarizationStage, TimeSpan>();
        var clock = Stopwatch.StartNew();
        var stage = AvatarizationStage.Prepare;

        void Enter(AvatarizationStage next)
        {
            timings[stage] = clock.Elapsed;
            clock.Restart();
            stage = next;
            progress?.Report(new AvatarizationProgress(next, 0));
        }

        IProgress<double>? StageProgress(AvatarizationStage s) =>
            progress is null ? null : new InlineProgress(f => progress.Report(new AvatarizationProgress(s, f)));

        progress?.Report(new AvatarizationProgress(AvatarizationStage.Prepare, 0));
        var warnings = AvatarizationValidator.Validate(table, options);
        var seed = options.Seed ?? RowRandom.NewSeed();
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        };

        // 1. Prepare: drop identifiers and excluded variables, encode types, add indicators, impute.
        var set = options.IdentifierColumns.Concat(options.ExcludeVariables).ToHashSet(StringComparer.Ordinal);
        var modelled = new Table(table.Columns.Where(c => !set.Contains(c.Name)), table.Name);
        var (encoding, working) = TableEncoding.Encode(modelled);
        var imputer = MissingValueImputer.Fit(working, options.Imputation, seed);
        if (imputer.FellBackToSimpleImputation)
        {
            warnings.Add($"Table '{table.Name}' has fewer than imputation_k = {options.Imputation.K} complete rows: missing values were imputed with the column mean/mode instead of KNN.");
        }

        var imputed = imputer.Apply(working, cancellationToken);
        var n = imputed.RowCount;
        var dimensions = imputed.Columns.Sum(c => c is CategoryColumn cat ? cat.LevelCount : 1);
        var maxComponents = Math.Min(n, dimensions);
        if (options.Ncp > maxComponents && !options.UseCategoricalReduction)
        {
            throw new AvatarizationException(
                $"ncp = {options.Ncp} is larger than the number of dimensions of table '{table.Name}' ({maxComponents}: "
                + $"{imputed.Columns.Count(c => c is FloatColumn)} numeric columns and {dimensions - imputed.Columns.Count(c => c is FloatColumn)} categorical modalities"
                + (n < dimensions ? $", limited by the {n} rows" : string.Empty) + $"). Use ncp ≤ {maxComponents}.",
                table.Name, parameter: "ncp");
        }

        // 2. Fit the projection (all components; the neighbour search uses the first ncp).
        Enter(AvatarizationStage.Fit);
        var reduction = options.UseCategoricalReduction
            ? CategoricalReduction.Fit(imputed, options.ColumnWeights, options.CategoricalReductionDimensions, cancellationToken)
            : null;
        var projected = reduction?.Transform(imputed) ?? imputed;
        var model = ProjectionModel.Fit(projected, new ProjectionOptions { ColumnWeights = reduction?.Weights ?? options.ColumnWeights }, cancellationToken);
        var ncp = options.Ncp ?? Math.Min(DefaultNcp, model.ComponentCount);
        if (ncp > model.ComponentCount)
        {
            throw new AvatarizationException(
                $"ncp = {ncp} is larger than the {model.ComponentCount} components of the projection of table '{table.Name}'. Use ncp ≤ {model.ComponentCount}.",
                table.Name, parameter: "ncp");
        }

        // 3. Coordinates of every individual on the first ncp components.
        Enter(AvatarizationStage.Transform);
        var coordinates = model.Transform(projected, ncp);

        // 4. k nearest other individuals.
        Enter(AvatarizationStage.Neighbors);
        var neighbors = NeighborSearch.SelfNeighbors(coordinates.Data, n, ncp, options.K, parallel.MaxDegreeOfParallelism, cancellationToken, StageProgress(AvatarizationStage.Neighbors));

        // 5. Weighted barycentres in data space.
        Enter(AvatarizationStage.Synthesis);
        var synthesized = AvatarSynthesizer.Synthesize(
            imputed, neighbors.Indices, neighbors.Distances, options.K, seed, options.ContributionBase, parallel, StageProgress(AvatarizationStage.Synthesis));

        // 6. Restore types, missing values and excluded variables; shuffle.
        Enter(AvatarizationStage.Finalize);
        var avatarWorking = new Table(synthesized, table.Name);
        Coordinates? avatarCoordinates = null;
        Coordinates ProjectAvatars(Table avatars) => avatarCoordinates ??= model.Transform(reduction?.Transform(avatars) ?? avatars, ncp);
        var unshuffled = Restore(table, options, encoding, imputer, avatarWorking, ProjectAvatars, coordinates, ncp, cancellationToken);
        var order = new int[n];
        var shuffleRandom = new RowRandom(seed, ShuffleStream, 0);
        shuffleRandom.Permutation(order);
        var shuffled = unshuffled.TakeRows(order);
        var avatarProjections = options.IncludeProjections ? TakeRows(ProjectAvatars(avatarWorking), order) : null;
        timings[stage] = clock.Elapsed;
        progress?.Report(new AvatarizationProgress(AvatarizationStage.Finalize, 1));
        return new AvatarizationResult(
            shuffled, unshuffled, seed, ncp, model.ComponentCount, warnings, timings,
            options.IncludeProjections ? coordinates : null, avatarProjections);
    }

    /// <summary>The rows of <paramref name="coordinates"/> in the given order (row i of the result is row order[i]).</summary>
    private static Coordinates TakeRows(Coordinates coordinates, int[] order)
    {
        var columns = coordinates.Columns;
        var data = new double[(long)order.Length * columns];
        for (var i = 0; i < order.Length; i++)
        {
            coordinates.Row(order[i]).CopyTo(data.AsSpan(i * columns, columns));
        }

        return new Coordinates(order.Length, columns, data);
    }

    private static Table Restore(
        Table original,
        AvatarizationOptions options,
        TableEncoding encoding,
        MissingValueImputer imputer,
        Table avatarWorking,
        Func<Table, Coordinates> project,
        Coordinates originalCoordinates,
        int ncp,
        CancellationToken cancellationToken)
    {
        var n = original.RowCount;
        var restored = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var info in encoding.Columns)
        {
            var column = avatarWorking[info.Name];
            var indicatorName = MissingValueImputer.IndicatorName(info.Name);
            bool[]? missing = null;
            if (imputer.IndicatorColumns.Contains(info.Name, StringComparer.Ordinal))
            {
                var indicator = (CategoryColumn)avatarWorking[indicatorName];
                missing = new bool[n];
                for (var i = 0; i < n; i++)
                {
                    missing[i] = indicator.FormatValue(i) == "1";
                }
            }

            if (column is FloatColumn f)
            {
                var values = f.Values.ToArray();
                if (missing is not null)
                {
                    for (var i = 0; i < n; i++)
                    {
                        if (missing[i])
                        {
                            values[i] = double.NaN;
                        }
                    }
                }

                restored[info.Name] = encoding.DecodeContinuous(info, values);
            }
            else
            {
                var category = (CategoryColumn)column;
                var codes = category.Codes.ToArray();
                if (missing is not null)
                {
                    for (var i = 0; i < n; i++)
                    {
                        if (missing[i])
                        {
                            codes[i] = CategoryColumn.MissingCode;
                        }
                    }
                }

                restored[info.Name] = TableEncoding.DecodeCategory(info, new CategoryColumn(info.Name, codes, [.. category.Levels]));
            }
        }

        if (options.ExcludeVariables.Count > 0)
        {
            var source = options.ExcludeReplacementStrategy == ExcludeReplacementStrategy.RowOrder
                ? Enumerable.Range(0, n).ToArray()
                : NearestOriginals(project(avatarWorking), originalCoordinates, ncp, cancellationToken);
            foreach (var name in options.ExcludeVariables)
            {
                restored[name] = original[name].Take(source);
            }
        }

        return new Table(original.Columns.Where(c => restored.ContainsKey(c.Name)).Select(c => restored[c.Name]), original.Name);
    }

    /// <summary>For each avatar, the original individual closest to it in the projected space (coordinate similarity).</summary>
    private static int[] NearestOriginals(Coordinates avatarCoordinates, Coordinates originalCoordinates, int ncp, CancellationToken cancellationToken)
    {
        var tree = new KdTree(originalCoordinates.Data, originalCoordinates.Rows, ncp);
        var result = new int[avatarCoordinates.Rows];
        Parallel.For(0, result.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            result[i] = tree.Nearest(avatarCoordinates.Data.AsSpan(i * ncp, ncp), out _);
        });
        return result;
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports synchronously (Progress&lt;T&gt; would post to the thread pool out of order).</summary>
    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
