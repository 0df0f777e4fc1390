namespace Avatars.Config.Builder;

/// <summary>
/// Deep copies of the model objects: the builder hands out and keeps copies so that mutating a built
/// <see cref="ResourceSet"/> (or an object given to the builder) never changes the builder's state.
/// </summary>
internal static class ModelCopy
{
    public static TableInfo Copy(TableInfo t) => new()
    {
        Name = t.Name,
        Data = Copy(t.Data),
        IndividualLevel = t.IndividualLevel,
        AvatarsData = Copy(t.AvatarsData),
        Columns = t.Columns?.Select(c => new ColumnInfo
        {
            Field = c.Field, Type = c.Type, ValueType = c.ValueType, Identifier = c.Identifier,
            PrimaryKey = c.PrimaryKey, TimeSeriesTime = c.TimeSeriesTime,
        }).ToList(),
        Links = t.Links?.Select(Copy).ToList(),
    };

    public static TableLinkInfo Copy(TableLinkInfo l) => new() { Field = l.Field, ToTable = l.ToTable, ToField = l.ToField, Method = l.Method };

    public static DataLocation? Copy(DataLocation? d) => d is null ? null : new DataLocation { Volume = d.Volume, File = d.File, Auto = d.Auto };

    public static AvatarizationParameters Copy(AvatarizationParameters p) =>
        CopyBase(p, new AvatarizationParameters { K = p.K, DataAugmentation = Copy(p.DataAugmentation) });

    public static AvatarizationDpParameters Copy(AvatarizationDpParameters p) =>
        CopyBase(p, new AvatarizationDpParameters
        {
            Epsilon = p.Epsilon, PreprocessBudgetRatio = p.PreprocessBudgetRatio, DataAugmentation = Copy(p.DataAugmentation),
            Bounds = p.Bounds is null ? null : new OrderedDictionary<string, ColumnValueBounds>(p.Bounds),
        });

    public static PrivacyMetricsParameters Copy(PrivacyMetricsParameters p) =>
        CopyBase(p, new PrivacyMetricsParameters
        {
            KnownVariables = p.KnownVariables?.ToList(),
            Target = p.Target,
            ClosestRatePercentageThreshold = p.ClosestRatePercentageThreshold,
            ClosestRateRatioThreshold = p.ClosestRateRatioThreshold,
            CategoricalHiddenRateVariables = p.CategoricalHiddenRateVariables?.ToList(),
            QuantileThreshold = p.QuantileThreshold,
        });

    public static SignalMetricsParameters Copy(SignalMetricsParameters p) => CopyBase(p, new SignalMetricsParameters());

    public static TimeSeriesParameters Copy(TimeSeriesParameters p) => new()
    {
        Projection = p.Projection is { } pr ? new TimeSeriesProjection { ProjectionType = pr.ProjectionType, Nf = pr.Nf } : null,
        Alignment = p.Alignment is { } a ? new TimeSeriesAlignment { NbPoints = a.NbPoints, Method = a.Method } : null,
    };

    public static PiaMetadata? Copy(PiaMetadata? p) => p is null
        ? null
        : new PiaMetadata
        {
            DataRecipient = p.DataRecipient, DataType = p.DataType, DataSubject = p.DataSubject, SensitivityLevel = p.SensitivityLevel,
        };

    public static OrderedDictionary<string, T>? CopySection<T>(OrderedDictionary<string, T> section, Func<T, T> copy)
    {
        if (section.Count == 0)
        {
            return null;
        }

        var result = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (table, entry) in section)
        {
            result.Add(table, copy(entry));
        }

        return result;
    }

    private static T CopyBase<T>(TableParametersBase source, T target)
        where T : TableParametersBase
    {
        target.Ncp = source.Ncp;
        target.UseCategoricalReduction = source.UseCategoricalReduction;
        target.ColumnWeights = source.ColumnWeights is { } w ? new OrderedDictionary<string, ConfigNumber>(w, StringComparer.Ordinal) : null;
        target.ExcludeVariables = source.ExcludeVariables is { } e
            ? new ExcludeVariables { VariableNames = e.VariableNames?.ToList(), ReplacementStrategy = e.ReplacementStrategy }
            : null;
        target.Imputation = source.Imputation is { } i
            ? new Imputation { Method = i.Method, K = i.K, TrainingFraction = i.TrainingFraction, ReturnDataImputed = i.ReturnDataImputed }
            : null;
        return target;
    }

    private static DataAugmentation? Copy(DataAugmentation? d) => d is null
        ? null
        : new DataAugmentation
        {
            Strategy = d.Strategy,
            StrategyRatio = d.StrategyRatio,
            StrategyRatios = d.StrategyRatios is { } r ? new OrderedDictionary<string, ConfigNumber>(r, StringComparer.Ordinal) : null,
            TargetColumn = d.TargetColumn,
            ShouldAnonymizeOriginalTable = d.ShouldAnonymizeOriginalTable,
        };
}
