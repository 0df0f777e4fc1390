namespace Avatars.Config.Builder;

/// <summary>The per-table parameter entries (sdk.md §9.3–§9.4).</summary>
public sealed partial class ResourceSetBuilder
{
    private readonly OrderedDictionary<string, AvatarizationParameters> _avatarization = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, AvatarizationDpParameters> _avatarizationDp = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, TimeSeriesParameters> _timeSeries = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, PrivacyMetricsParameters> _privacyMetrics = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, SignalMetricsParameters> _signalMetrics = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>create_avatarization_parameters</c>: the table's <c>avatarization</c> entry (replaces an existing one and moves it last).
    /// <c>imputation</c> is written only when one of its values is truthy, <c>exclude_variables</c> only with names
    /// (strategy defaulting to <c>row_order</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void CreateAvatarizationParameters(
        string tableName, int k, int? ncp = null, bool? useCategoricalReduction = null,
        IEnumerable<KeyValuePair<string, double>>? columnWeights = null,
        IReadOnlyList<string>? excludeVariableNames = null, ExcludeVariablesMethod? excludeReplacementStrategy = null,
        ImputeMethod? imputationMethod = null, int? imputationK = null, double? imputationTrainingFraction = null,
        bool? imputationReturnDataImputed = null)
    {
        Table(tableName);
        var entry = new AvatarizationParameters { K = k, Ncp = ncp, UseCategoricalReduction = useCategoricalReduction };
        SetCommon(entry, columnWeights, excludeVariableNames, excludeReplacementStrategy);
        entry.Imputation = ImputationOf(imputationMethod, imputationK, imputationTrainingFraction, imputationReturnDataImputed);
        Replace(_avatarization, tableName, entry);
    }

    /// <summary>
    /// <c>create_avatarization_dp_parameters</c>: the table's <c>avatarization_dp</c> entry (same sub-object rules).
    /// <paramref name="bounds"/> is the project extension <c>bounds</c> (public column ranges, not in the vendor's
    /// format), written only when it has an entry.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void CreateAvatarizationDpParameters(
        string tableName, double epsilon, double? preprocessBudgetRatio = null, int? ncp = null, bool? useCategoricalReduction = null,
        IEnumerable<KeyValuePair<string, double>>? columnWeights = null,
        IReadOnlyList<string>? excludeVariableNames = null, ExcludeVariablesMethod? excludeReplacementStrategy = null,
        ImputeMethod? imputationMethod = null, int? imputationK = null, double? imputationTrainingFraction = null,
        bool? imputationReturnDataImputed = null, IEnumerable<KeyValuePair<string, ColumnValueBounds>>? bounds = null)
    {
        Table(tableName);
        var entry = new AvatarizationDpParameters
        {
            Epsilon = epsilon,
            PreprocessBudgetRatio = preprocessBudgetRatio is { } r ? (ConfigNumber)r : null,
            Ncp = ncp,
            UseCategoricalReduction = useCategoricalReduction,
        };
        SetCommon(entry, columnWeights, excludeVariableNames, excludeReplacementStrategy);
        entry.Imputation = ImputationOf(imputationMethod, imputationK, imputationTrainingFraction, imputationReturnDataImputed);
        if (bounds?.ToList() is { Count: > 0 } list)
        {
            entry.Bounds = new OrderedDictionary<string, ColumnValueBounds>(list, StringComparer.Ordinal);
        }

        Replace(_avatarizationDp, tableName, entry);
    }

    /// <summary>
    /// <c>create_time_series_parameters</c>: <c>projection</c> only when the type or nf is truthy, <c>alignment</c>
    /// only when nb_points or the method is truthy; no entry when neither.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void CreateTimeSeriesParameters(
        string tableName, int? nf = null, ProjectionType? projectionType = null, int? nbPoints = null, AlignmentMethod? method = null)
    {
        Table(tableName);
        var entry = new TimeSeriesParameters
        {
            Projection = projectionType is not null || nf is not null and not 0
                ? new TimeSeriesProjection { ProjectionType = projectionType, Nf = nf }
                : null,
            Alignment = method is not null || nbPoints is not null and not 0
                ? new TimeSeriesAlignment { NbPoints = nbPoints, Method = method }
                : null,
        };
        _timeSeries.Remove(tableName);
        if (entry.Projection is not null || entry.Alignment is not null)
        {
            _timeSeries.Add(tableName, entry);
        }
    }

    /// <summary>
    /// <c>create_privacy_metrics_parameters</c>: replaces the table's <c>privacy_metrics</c> entry; the entry exists
    /// only when at least one value is truthy.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void CreatePrivacyMetricsParameters(
        string tableName, int? ncp = null, bool? useCategoricalReduction = null,
        ImputeMethod? imputationMethod = null, int? imputationK = null, double? imputationTrainingFraction = null,
        IReadOnlyList<string>? knownVariables = null, string? target = null,
        double? closestRatePercentageThreshold = null, double? closestRateRatioThreshold = null,
        IReadOnlyList<string>? categoricalHiddenRateVariables = null, double? quantileThreshold = null,
        bool? imputationReturnDataImputed = null)
    {
        Table(tableName);
        var entry = new PrivacyMetricsParameters
        {
            Ncp = ncp,
            UseCategoricalReduction = useCategoricalReduction,
            KnownVariables = knownVariables?.ToList(),
            Target = target,
            ClosestRatePercentageThreshold = closestRatePercentageThreshold is { } p ? (ConfigNumber)p : null,
            ClosestRateRatioThreshold = closestRateRatioThreshold is { } r ? (ConfigNumber)r : null,
            CategoricalHiddenRateVariables = categoricalHiddenRateVariables?.ToList(),
            QuantileThreshold = quantileThreshold is { } q ? (ConfigNumber)q : null,
            Imputation = ImputationOf(imputationMethod, imputationK, imputationTrainingFraction, imputationReturnDataImputed),
        };
        _privacyMetrics.Remove(tableName);
        if (Truthiness.Any(entry))
        {
            _privacyMetrics.Add(tableName, entry);
        }
    }

    /// <summary>
    /// <c>create_signal_metrics_parameters</c>: replaces the table's <c>signal_metrics</c> entry; the entry exists
    /// only when at least one value is truthy.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void CreateSignalMetricsParameters(
        string tableName, int? ncp = null, bool? useCategoricalReduction = null,
        ImputeMethod? imputationMethod = null, int? imputationK = null, double? imputationTrainingFraction = null,
        bool? imputationReturnDataImputed = null)
    {
        Table(tableName);
        var entry = new SignalMetricsParameters
        {
            Ncp = ncp,
            UseCategoricalReduction = useCategoricalReduction,
            Imputation = ImputationOf(imputationMethod, imputationK, imputationTrainingFraction, imputationReturnDataImputed),
        };
        _signalMetrics.Remove(tableName);
        if (Truthiness.Any(entry))
        {
            _signalMetrics.Add(tableName, entry);
        }
    }

    /// <summary>A copy of the table's <c>avatarization</c> entry, or null.</summary>
    public AvatarizationParameters? GetAvatarization(string tableName) =>
        _avatarization.TryGetValue(tableName, out var e) ? ModelCopy.Copy(e) : null;

    /// <summary>A copy of the table's <c>avatarization_dp</c> entry, or null.</summary>
    public AvatarizationDpParameters? GetAvatarizationDp(string tableName) =>
        _avatarizationDp.TryGetValue(tableName, out var e) ? ModelCopy.Copy(e) : null;

    /// <summary>A copy of the table's <c>time_series</c> entry, or null.</summary>
    public TimeSeriesParameters? GetTimeSeries(string tableName) =>
        _timeSeries.TryGetValue(tableName, out var e) ? ModelCopy.Copy(e) : null;

    /// <summary>A copy of the table's <c>privacy_metrics</c> entry, or null.</summary>
    public PrivacyMetricsParameters? GetPrivacyMetrics(string tableName) =>
        _privacyMetrics.TryGetValue(tableName, out var e) ? ModelCopy.Copy(e) : null;

    /// <summary>A copy of the table's <c>signal_metrics</c> entry, or null.</summary>
    public SignalMetricsParameters? GetSignalMetrics(string tableName) =>
        _signalMetrics.TryGetValue(tableName, out var e) ? ModelCopy.Copy(e) : null;

    /// <summary>Removes the table's entries from the five sections (a no-op for sections without an entry).</summary>
    public void DeleteParameters(string tableName)
    {
        _avatarization.Remove(tableName);
        _avatarizationDp.Remove(tableName);
        _timeSeries.Remove(tableName);
        _privacyMetrics.Remove(tableName);
        _signalMetrics.Remove(tableName);
    }

    /// <summary>
    /// Sets the named fields to null on whichever of the table's <c>avatarization</c>, <c>avatarization_dp</c> and
    /// <c>time_series</c> entries carries them (avatar_yaml field names: <c>k</c>, <c>ncp</c>, <c>use_categorical_reduction</c>,
    /// <c>column_weights</c>, <c>exclude_variables</c>, <c>imputation</c>, <c>data_augmentation</c>, <c>epsilon</c>,
    /// <c>preprocess_budget_ratio</c>, <c>projection</c>, <c>alignment</c>, and the project extension <c>bounds</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown, or a name is not such a field (nothing is changed then).</exception>
    public void DeleteParameterFields(string tableName, IEnumerable<string> fieldNames)
    {
        Table(tableName);
        ArgumentNullException.ThrowIfNull(fieldNames);
        var names = fieldNames.ToList();
        if (names.FirstOrDefault(n => !FieldNames.Contains(n)) is { } unknown)
        {
            throw new ArgumentException(
                $"Unknown parameter '{unknown}'. Expected one of {PythonRepr.List(FieldNames)}.", nameof(fieldNames));
        }

        foreach (var name in names)
        {
            if (_avatarization.TryGetValue(tableName, out var a))
            {
                ClearCommon(a, name);
                if (name == "k")
                {
                    a.K = null;
                }
                else if (name == "data_augmentation")
                {
                    a.DataAugmentation = null;
                }
            }

            if (_avatarizationDp.TryGetValue(tableName, out var d))
            {
                ClearCommon(d, name);
                switch (name)
                {
                    case "epsilon":
                        d.Epsilon = null;
                        break;
                    case "preprocess_budget_ratio":
                        d.PreprocessBudgetRatio = null;
                        break;
                    case "bounds":
                        d.Bounds = null;
                        break;
                    case "data_augmentation":
                        d.DataAugmentation = null;
                        break;
                }
            }

            if (_timeSeries.TryGetValue(tableName, out var t))
            {
                if (name == "projection")
                {
                    t.Projection = null;
                }
                else if (name == "alignment")
                {
                    t.Alignment = null;
                }
            }
        }
    }

    private static readonly string[] FieldNames =
    [
        "k", "ncp", "use_categorical_reduction", "column_weights", "exclude_variables", "imputation", "data_augmentation",
        "epsilon", "preprocess_budget_ratio", "projection", "alignment", "bounds",
    ];

    private static void ClearCommon(TableParametersBase p, string name)
    {
        switch (name)
        {
            case "ncp":
                p.Ncp = null;
                break;
            case "use_categorical_reduction":
                p.UseCategoricalReduction = null;
                break;
            case "column_weights":
                p.ColumnWeights = null;
                break;
            case "exclude_variables":
                p.ExcludeVariables = null;
                break;
            case "imputation":
                p.Imputation = null;
                break;
        }
    }

    private static void SetCommon(
        TableParametersBase entry, IEnumerable<KeyValuePair<string, double>>? columnWeights,
        IReadOnlyList<string>? excludeVariableNames, ExcludeVariablesMethod? excludeReplacementStrategy)
    {
        if (columnWeights is not null)
        {
            var weights = new OrderedDictionary<string, ConfigNumber>(StringComparer.Ordinal);
            foreach (var (column, weight) in columnWeights)
            {
                weights[column] = weight;
            }

            entry.ColumnWeights = weights;
        }

        if (excludeVariableNames is { Count: > 0 })
        {
            entry.ExcludeVariables = new ExcludeVariables
            {
                VariableNames = excludeVariableNames.ToList(),
                ReplacementStrategy = excludeReplacementStrategy ?? ExcludeVariablesMethod.RowOrder,
            };
        }
    }

    private static Imputation? ImputationOf(ImputeMethod? method, int? k, double? trainingFraction, bool? returnDataImputed) =>
        method is not null || k is not null and not 0 || trainingFraction is not null and not 0.0
            ? new Imputation
            {
                Method = method,
                K = k,
                TrainingFraction = trainingFraction is { } f ? (ConfigNumber)f : null,
                ReturnDataImputed = returnDataImputed,
            }
            : null;

    private static void Replace<T>(OrderedDictionary<string, T> section, string tableName, T entry)
    {
        // Python deletes then re-inserts: the entry moves to the end (order of the set_parameters calls).
        section.Remove(tableName);
        section.Add(tableName, entry);
    }

    private static void SetOrRemove<T>(OrderedDictionary<string, T> section, string tableName, T? entry)
        where T : class
    {
        if (entry is null)
        {
            section.Remove(tableName);
        }
        else
        {
            section[tableName] = entry;
        }
    }
}
