using System.Globalization;
using System.Text;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Preprocessing;
using Avatars.Engine.Projection;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Advice;

/// <summary>
/// Advises <c>k</c>, <c>ncp</c> and <c>use_categorical_reduction</c> for a table — <b>project design</b>: the vendor's
/// advice algorithm is not public (method.md §4.8). ncp is the smallest number of components explaining 80 % of the
/// variance; categorical reduction is advised above 20 categorical modalities; k is the smallest candidate whose trial
/// avatarizations of a seeded sample reach the privacy targets with a margin, measured with the engine's own hidden
/// rate and local cloaking, in the space the privacy metrics job measures them in. See docs/advice.md.
/// </summary>
public static class ParameterAdvisor
{
    /// <summary>The label every summary starts with.</summary>
    public const string ProjectDesignLabel = "Project design (the vendor's advice algorithm is not public)";

    private const ulong SampleStream = 0xAD;
    private const ulong TrialStream = 0xAE;

    /// <summary>Advises the parameters of one table.</summary>
    /// <param name="table">The original table (identifier columns included or not).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="progress">Receives the completed fraction (0–1), after each trial.</param>
    /// <param name="cancellationToken">Cancels the search (checked between and inside trials).</param>
    /// <returns>The advice, with every trial and the reasoning.</returns>
    /// <exception cref="AvatarizationException">The table cannot be avatarized (too few rows, no columns…).</exception>
    public static ParameterAdvice Advise(Table table, ParameterAdviceOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ParameterAdviceOptions();
        Validate(options);
        var identifiers = options.IdentifierColumns.ToHashSet(StringComparer.Ordinal);
        var modelledNames = table.ColumnNames.Where(c => !identifiers.Contains(c)).ToArray();
        if (modelledNames.Length == 0)
        {
            throw new AvatarizationException($"Table '{table.Name}' has no column to avatarize besides its identifiers.", table.Name);
        }

        if (table.RowCount < 3)
        {
            throw new AvatarizationException(
                $"Table '{table.Name}' has {table.RowCount} rows: parameter advice needs at least 3 (k must be smaller than the number of rows).", table.Name);
        }

        progress?.Report(0);
        var sample = Sample(table, options);
        var hasMissing = modelledNames.Any(c => table[c].MissingCount > 0);

        // Structure of the sample, in the space the privacy metrics are measured in (projection of the originals).
        var (_, working) = TableEncoding.Encode(sample.Select(modelledNames));
        var modalities = working.Columns.OfType<CategoryColumn>().Sum(DistinctValues);
        var imputed = MissingValueImputer.Fit(working, options.Imputation, options.Seed).Apply(working, cancellationToken);
        var model = ProjectionModel.Fit(imputed, new ProjectionOptions(), cancellationToken);
        var useReduction = modalities > options.CategoricalReductionModalities;
        var (ncp, explained) = ChooseNcp(model, options);
        var reducedComponents = useReduction ? ReducedComponentCount(imputed, cancellationToken) : int.MaxValue;
        var ncpCappedByReduction = ncp > reducedComponents;
        ncp = Math.Min(ncp, reducedComponents);
        cancellationToken.ThrowIfCancellationRequested();

        var candidates = Candidates(options.Candidates, sample.RowCount);
        var trials = new List<AdviceTrial>(candidates.Count);
        AdviceTrial? chosen = null;
        foreach (var k in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trial = Try(sample, k, ncp, useReduction, options, cancellationToken);
            trials.Add(trial);
            progress?.Report((double)trials.Count / candidates.Count);
            if (trial.MeetsThresholds)
            {
                chosen = trial;
                break;
            }
        }

        var meets = chosen is not null;
        chosen ??= trials
            .OrderByDescending(t => (t.HiddenRate >= options.HiddenRateThreshold ? 1 : 0) + (t.LocalCloaking >= options.LocalCloakingThreshold ? 1 : 0))
            .ThenByDescending(t => t.HiddenRate)
            .ThenByDescending(t => t.LocalCloaking)
            .ThenBy(t => t.K)
            .First();

        var summary = Summarize(new SummaryFacts(
            table, sample.RowCount, options, trials, chosen, meets, ncp, explained, model.ComponentCount, ncpCappedByReduction,
            useReduction, modalities, hasMissing));
        progress?.Report(1);
        return new ParameterAdvice(table.Name, chosen.K, ncp, useReduction, options.Imputation, hasMissing, meets, sample.RowCount, trials, summary);
    }

    private static void Validate(ParameterAdviceOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleSize, 3, nameof(options.SampleSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1, nameof(options.Repetitions));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinNcp, 1, nameof(options.MinNcp));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxNcp, options.MinNcp, nameof(options.MaxNcp));
        if (options.Candidates.Count == 0 || options.Candidates.Any(k => k < 1))
        {
            throw new ArgumentException("Candidates must hold at least one k, each at least 1.", nameof(options));
        }

        if (options.ExplainedVarianceTarget is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ExplainedVarianceTarget, "ExplainedVarianceTarget must be in (0, 1].");
        }
    }

    /// <summary>The whole table when it fits in the sample, else a seeded uniform sample of rows kept in table order.</summary>
    private static Table Sample(Table table, ParameterAdviceOptions options)
    {
        if (table.RowCount <= options.SampleSize)
        {
            return table;
        }

        var order = new int[table.RowCount];
        new RowRandom(options.Seed, SampleStream, 0).Permutation(order);
        var rows = order[..options.SampleSize];
        Array.Sort(rows);
        return table.TakeRows(rows);
    }

    /// <summary>The smallest ncp whose components explain the target share of the variance, within [MinNcp, MaxNcp] and the component count.</summary>
    private static (int Ncp, double Explained) ChooseNcp(ProjectionModel model, ParameterAdviceOptions options)
    {
        var ratios = model.ExplainedVarianceRatio;
        var upper = Math.Min(options.MaxNcp, model.ComponentCount);
        var lower = Math.Min(options.MinNcp, upper);
        var cumulative = 0.0;
        var ncp = upper;
        for (var i = 0; i < ratios.Count; i++)
        {
            cumulative += double.IsNaN(ratios[i]) ? 0 : ratios[i];
            if (cumulative >= options.ExplainedVarianceTarget - 1e-12)
            {
                ncp = i + 1;
                break;
            }
        }

        ncp = Math.Clamp(ncp, lower, upper);
        var explained = ratios.Take(ncp).Where(r => !double.IsNaN(r)).Sum();
        return (ncp, explained);
    }

    /// <summary>The components of the projection the avatarization searches neighbours in when the categorical reduction is on.</summary>
    private static int ReducedComponentCount(Table imputed, CancellationToken cancellationToken)
    {
        var reduction = CategoricalReduction.Fit(imputed, null, new AvatarizationOptions { K = 1 }.CategoricalReductionDimensions, cancellationToken);
        return ProjectionModel.Fit(reduction.Transform(imputed), new ProjectionOptions { ColumnWeights = reduction.Weights }, cancellationToken).ComponentCount;
    }

    /// <summary>The grid below the sample size, plus the sample size − 1 when the grid stops short of it.</summary>
    private static List<int> Candidates(IReadOnlyList<int> grid, int rows)
    {
        var kept = grid.Where(k => k < rows).Distinct().Order().ToList();
        if (kept.Count < grid.Distinct().Count() && !kept.Contains(rows - 1))
        {
            kept.Add(rows - 1);
        }

        return kept;
    }

    /// <summary>Avatarizes the sample <see cref="ParameterAdviceOptions.Repetitions"/> times with k and measures it as the privacy metrics job would.</summary>
    private static AdviceTrial Try(Table sample, int k, int ncp, bool useReduction, ParameterAdviceOptions options, CancellationToken cancellationToken)
    {
        var hiddenRate = double.PositiveInfinity;
        var cloaking = double.PositiveInfinity;
        for (var r = 0; r < options.Repetitions; r++)
        {
            // Never 0: the evaluator reads a 0 seed as "draw a random one".
            var seed = new RowRandom(options.Seed, TrialStream, ((ulong)k * 1_000) + (ulong)r).NextUInt64() | 1;
            var result = Avatarizer.Avatarize(sample, new AvatarizationOptions
            {
                K = k,
                Ncp = ncp,
                Seed = seed,
                IdentifierColumns = options.IdentifierColumns,
                Imputation = options.Imputation,
                UseCategoricalReduction = useReduction,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            }, cancellationToken: cancellationToken);

            // The privacy metrics job's settings: the avatarization's ncp, imputation and seed, identifiers ignored.
            var metrics = PrivacyEvaluator.Evaluate(sample, result.SensitiveUnshuffled, new PrivacyEvaluationOptions
            {
                Ncp = ncp,
                Imputation = options.Imputation,
                IgnoredColumns = options.IdentifierColumns,
                Seed = seed,
            }, cancellationToken);
            hiddenRate = Math.Min(hiddenRate, metrics.HiddenRate.Value);
            cloaking = Math.Min(cloaking, metrics.LocalCloaking.Median);
        }

        return new AdviceTrial(k, hiddenRate, cloaking, hiddenRate >= options.HiddenRateThreshold && cloaking >= options.LocalCloakingThreshold);
    }

    private static int DistinctValues(CategoryColumn column)
    {
        var used = new bool[column.LevelCount];
        var count = 0;
        foreach (var code in column.Codes)
        {
            if (code >= 0 && !used[code])
            {
                used[code] = true;
                count++;
            }
        }

        return count;
    }

    private static string Summarize(SummaryFacts f)
    {
        var o = f.Options;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{ProjectDesignLabel}. ");
        text.Append(f.SampleRows == f.Table.RowCount
            ? $"k was searched on all {f.SampleRows} rows"
            : $"k was searched on a seeded sample of {f.SampleRows} of the {f.Table.RowCount} rows");
        text.Append(CultureInfo.InvariantCulture, $", with ncp = {f.Ncp}, categorical reduction {(f.UseReduction ? "on" : "off")} and {o.Repetitions} trial avatarization{(o.Repetitions > 1 ? "s" : string.Empty)} per candidate (the worst counts). ");
        text.Append("Tried: ");
        text.Append(string.Join("; ", f.Trials.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"k = {t.K}: hidden rate {t.HiddenRate:0.0} %, median local cloaking {t.LocalCloaking:0.#}"))));
        text.Append(". ");
        var thresholds = string.Create(CultureInfo.InvariantCulture,
            $"hidden rate ≥ {o.HiddenRateThreshold:0.#} % and median local cloaking ≥ {o.LocalCloakingThreshold:0.#} (targets > {HiddenRate.Target:0} % and > {LocalCloaking.Target:0}, plus a margin)");
        text.Append(f.Meets
            ? $"k = {f.Chosen.K} is the smallest candidate reaching {thresholds}. "
            : $"No candidate reached {thresholds}; k = {f.Chosen.K} is the best tried: check the privacy metrics of the avatarization, and consider a larger k, fewer or coarser variables. ");
        if (f.SampleRows < f.Table.RowCount)
        {
            text.Append("The sample's k is kept for the whole table: each avatar still mixes k neighbours, and a denser table brings both the neighbours and the other individuals closer, so the metrics are expected to stay similar; evaluate the avatarization to confirm. ");
        }

        text.Append(CultureInfo.InvariantCulture, $"ncp = {f.Ncp}: ");
        text.Append(f.Ncp switch
        {
            _ when f.NcpCappedByReduction => string.Create(CultureInfo.InvariantCulture, $"capped at the {f.Ncp} components of the reduced projection ({f.Explained * 100:0.#} % of the variance). "),
            _ when f.Explained >= o.ExplainedVarianceTarget - 1e-12 && f.Ncp > Math.Min(o.MinNcp, f.ComponentCount) =>
                string.Create(CultureInfo.InvariantCulture, $"the smallest number of components explaining at least {o.ExplainedVarianceTarget * 100:0.#} % of the variance ({f.Explained * 100:0.#} %). "),
            _ when f.Explained >= o.ExplainedVarianceTarget - 1e-12 =>
                string.Create(CultureInfo.InvariantCulture, $"the minimum advised ({Math.Min(o.MinNcp, f.ComponentCount)}), which already explains {f.Explained * 100:0.#} % of the variance. "),
            _ => string.Create(CultureInfo.InvariantCulture, $"the cap (at most {o.MaxNcp} and the {f.ComponentCount} components); it explains {f.Explained * 100:0.#} % of the variance, less than {o.ExplainedVarianceTarget * 100:0.#} %. "),
        });
        text.Append(CultureInfo.InvariantCulture, $"use_categorical_reduction = {(f.UseReduction ? "true" : "false")}: the table has {f.Modalities} categorical modalities ({(f.UseReduction ? "more than" : "at most")} {o.CategoricalReductionModalities}). ");
        text.Append(CultureInfo.InvariantCulture, $"Imputation {WireName(o.Imputation.Method)} (k = {o.Imputation.K}): ");
        text.Append(f.HasMissing ? "the default method, used by the trials, for the missing values of the table." : "the default; the table has no missing values.");
        return text.ToString();
    }

    private static string WireName(ImputationMethod method) => method switch
    {
        ImputationMethod.FastKnn => "fast_knn",
        ImputationMethod.Knn => "knn",
        ImputationMethod.Mean => "mean",
        ImputationMethod.Median => "median",
        ImputationMethod.Mode => "mode",
        _ => method.ToString().ToLowerInvariant(),
    };

    private sealed record SummaryFacts(
        Table Table,
        int SampleRows,
        ParameterAdviceOptions Options,
        List<AdviceTrial> Trials,
        AdviceTrial Chosen,
        bool Meets,
        int Ncp,
        double Explained,
        int ComponentCount,
        bool NcpCappedByReduction,
        bool UseReduction,
        int Modalities,
        bool HasMissing);
}
