using Avatars.Config;
using Avatars.Engine.MultiTable.Pipeline;
using Avatars.Engine.MultiTable.Relinking;
using Avatars.Engine.Privacy;
using Avatars.Engine.TimeSeries;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>Maps the YAML parameters of each table of a multi-table schema to the engine's pipeline settings.</summary>
internal static class MultiTableSettings
{
    /// <summary>The pipeline's view of a table: keys and how it is avatarized (none for a time-series child).</summary>
    public static MultiTableSource Source(SchemaTable table, MultiTableInputs inputs, ParametersSpec spec)
    {
        var name = table.Name;
        TableAvatarization? avatarization = null;
        if (!inputs.IsTimeSeries(name))
        {
            var standard = spec.Avatarization?.GetValueOrDefault(name);
            var dp = spec.AvatarizationDp?.GetValueOrDefault(name);
            if (standard?.DataAugmentation is not null || dp?.DataAugmentation is not null)
            {
                throw new JobFailedException($"data_augmentation (table \"{name}\") is not available in this version of the server: remove it");
            }

            avatarization = (standard, dp) switch
            {
                (not null, not null) => throw new JobFailedException(
                    $"table \"{name}\" has both avatarization (k) and avatarization_dp (epsilon): keep one of them"),
                (not null, null) => new StandardTableAvatarization(AvatarizationSettings.ToOptions(standard, name, table.KeyColumns, seed: null)),
                (null, not null) => new DifferentialPrivacyTableAvatarization(DifferentialPrivacy(dp, name, table.KeyColumns)),
                _ => throw new JobFailedException($"spec.avatarization has no entry for table \"{name}\": add avatarization.{name}.k (or avatarization_dp.{name}.epsilon for differential privacy)"),
            };
        }
        else if (spec.Avatarization?.ContainsKey(name) == true || spec.AvatarizationDp?.ContainsKey(name) == true)
        {
            var parent = inputs.Links.First(l => l.ChildTable == name).ParentTable;
            throw new JobFailedException(
                $"table \"{name}\" is a time series of table \"{parent}\": it is rebuilt from the avatars of \"{parent}\", so it takes no k or epsilon; remove avatarization.{name} and give time_series.{name} instead");
        }

        return new MultiTableSource(table.Data, name, table.PrimaryKey, table.ForeignKeys, avatarization, table.TimeColumn, TimeSeries(spec.TimeSeries?.GetValueOrDefault(name)));
    }

    /// <summary>
    /// The engine's differential-privacy options for <c>avatarization_dp.&lt;table&gt;</c> (docs/differential-privacy.md §7);
    /// the project extension <c>bounds</c> becomes the declared public bounds (no budget spent on those columns).
    /// </summary>
    private static DifferentialPrivacyTableOptions DifferentialPrivacy(AvatarizationDpParameters parameters, string table, IReadOnlyList<string> keys)
    {
        if (parameters.Epsilon?.Value is not { } epsilon)
        {
            throw new JobFailedException($"avatarization_dp.{table}.epsilon is missing: give the privacy budget (e.g. epsilon: 3)");
        }

        if (parameters.ColumnWeights is { Count: > 0 } || parameters.ExcludeVariables?.VariableNames is { Count: > 0 } || parameters.Imputation is not null)
        {
            throw new JobFailedException(
                $"avatarization_dp.{table}: column_weights, exclude_variables and imputation are not available with differential privacy in this version of the server: remove them (fill missing values before uploading)");
        }

        return new DifferentialPrivacyTableOptions
        {
            Epsilon = epsilon,
            PreprocessBudgetRatio = parameters.PreprocessBudgetRatio?.Value ?? DifferentialPrivacyTableOptions.DefaultPreprocessBudgetRatio,
            Ncp = parameters.Ncp,
            UseCategoricalReduction = parameters.UseCategoricalReduction ?? false,
            IdentifierColumns = keys,
            DeclaredBounds = parameters.Bounds?.ToDictionary(
                b => b.Key, b => new ColumnBounds(b.Value.Lower.Value, b.Value.Upper.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>The engine's time-series settings for <c>time_series.&lt;table&gt;</c> (defaults for the unset fields).</summary>
    internal static TimeSeriesSettings? TimeSeries(TimeSeriesParameters? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var defaults = new TimeSeriesSettings();
        return new TimeSeriesSettings
        {
            ProjectionType = parameters.Projection?.ProjectionType == ProjectionType.Flatten ? SeriesProjectionType.Flatten : SeriesProjectionType.Fpca,
            Nf = parameters.Projection?.Nf ?? defaults.Nf,
            Method = parameters.Alignment?.Method switch
            {
                Config.AlignmentMethod.Specified => Engine.TimeSeries.AlignmentMethod.Specified,
                Config.AlignmentMethod.Min => Engine.TimeSeries.AlignmentMethod.Min,
                Config.AlignmentMethod.Mean => Engine.TimeSeries.AlignmentMethod.Mean,
                Config.AlignmentMethod.Max => Engine.TimeSeries.AlignmentMethod.Max,
                _ => defaults.Method,
            },
            NbPoints = parameters.Alignment?.NbPoints,
        };
    }

    /// <summary>The YAML link method of an engine one (the two enumerations have the same members, tested).</summary>
    public static LinkMethod ToConfig(RelinkMethod method) => Enum.Parse<LinkMethod>(method.ToString());
}
