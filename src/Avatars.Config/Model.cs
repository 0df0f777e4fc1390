using Avatars.Data;

namespace Avatars.Config;

/// <summary>A resource set: the avatar_yaml documents, in stream order (sdk.md §9.2).</summary>
public sealed class ResourceSet
{
    /// <summary>The documents, in order.</summary>
    public List<ResourceDocument> Documents { get; } = [];

    /// <summary>The documents of one type, in order.</summary>
    public IEnumerable<T> OfType<T>()
        where T : ResourceDocument => Documents.OfType<T>();

    /// <summary>The schema named <paramref name="name"/>, or null.</summary>
    public AvatarSchema? FindSchema(string? name) => Documents.OfType<AvatarSchema>().FirstOrDefault(s => s.Name == name);

    /// <summary>Semantic checks (sdk.md §9, see docs/configuration-yaml.md); an empty list when valid.</summary>
    public IReadOnlyList<ConfigError> Validate() => ResourceSetValidator.Validate(this);

    /// <summary>Throws a <see cref="ConfigValidationException"/> listing every problem when <see cref="Validate"/> finds any.</summary>
    /// <exception cref="ConfigValidationException">The resource set is invalid.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ConfigValidationException(errors);
        }
    }
}

/// <summary>One document of a resource set: <c>kind</c>, <c>metadata.name</c> and a kind-specific <c>spec</c>.</summary>
public abstract class ResourceDocument
{
    /// <summary>The document kind.</summary>
    public abstract ModelKind Kind { get; }

    /// <summary><c>metadata.name</c>.</summary>
    public string Name { get; set; } = string.Empty;
}

/// <summary><c>AvatarMetadata</c> (1.1x clients and the C# writer): display name and client annotations.</summary>
public sealed class AvatarMetadata : ResourceDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarMetadata;

    /// <summary><c>spec.display_name</c>.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary><c>spec.pia_metadata</c> (1.12+), omitted when null.</summary>
    public PiaMetadata? PiaMetadata { get; set; }

    /// <summary>Top-level <c>annotations</c> (e.g. <c>client_type</c>, <c>client_version</c>), omitted when null.</summary>
    public OrderedDictionary<string, string>? Annotations { get; set; }
}

/// <summary><c>spec.pia_metadata</c> of <see cref="AvatarMetadata"/>; values kept as written (their enumerations are not confirmed).</summary>
public sealed class PiaMetadata
{
    /// <summary><c>datarecipient</c>.</summary>
    public string? DataRecipient { get; set; }

    /// <summary><c>data_type</c>.</summary>
    public string? DataType { get; set; }

    /// <summary><c>datasubject</c>.</summary>
    public string? DataSubject { get; set; }

    /// <summary><c>sensitivity_level</c>.</summary>
    public string? SensitivityLevel { get; set; }
}

/// <summary><c>AvatarVolume</c>: a named storage location.</summary>
public sealed class AvatarVolume : ResourceDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarVolume;

    /// <summary><c>spec.url</c>.</summary>
    public string Url { get; set; } = string.Empty;
}

/// <summary><c>AvatarSchema</c>: the tables (original schema, or avatarized schema with <see cref="SchemaRef"/>).</summary>
public sealed class AvatarSchema : ResourceDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarSchema;

    /// <summary><c>spec.tables</c>.</summary>
    public List<TableInfo> Tables { get; set; } = [];

    /// <summary><c>spec.schema_ref</c>: the original schema of an avatarized schema; omitted when null.</summary>
    public string? SchemaRef { get; set; }

    /// <summary>The table named <paramref name="name"/>, or null.</summary>
    public TableInfo? FindTable(string name) => Tables.FirstOrDefault(t => t.Name == name);
}

/// <summary>A table of a schema (<c>TableInfo</c>).</summary>
public sealed class TableInfo
{
    /// <summary><c>name</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>data</c>: where the original data is.</summary>
    public DataLocation? Data { get; set; }

    /// <summary><c>individual_level</c>.</summary>
    public bool? IndividualLevel { get; set; }

    /// <summary><c>avatars_data</c>: where the avatar data is (or <c>auto: true</c>).</summary>
    public DataLocation? AvatarsData { get; set; }

    /// <summary><c>columns</c>; null when not listed.</summary>
    public List<ColumnInfo>? Columns { get; set; }

    /// <summary><c>links</c> from this (parent) table to child tables.</summary>
    public List<TableLinkInfo>? Links { get; set; }
}

/// <summary>A data location: <c>volume</c>, <c>file</c>, <c>auto</c> (each omitted when null).</summary>
public sealed class DataLocation
{
    /// <summary><c>volume</c>.</summary>
    public string? Volume { get; set; }

    /// <summary><c>file</c>.</summary>
    public string? File { get; set; }

    /// <summary><c>auto</c>.</summary>
    public bool? Auto { get; set; }
}

/// <summary>A column of a table (<c>ColumnInfo</c>).</summary>
public sealed class ColumnInfo
{
    /// <summary><c>field</c>: the column name.</summary>
    public string Field { get; set; } = string.Empty;

    /// <summary><c>type</c>.</summary>
    public ColumnType? Type { get; set; }

    /// <summary><c>value_type</c> (kept as written).</summary>
    public string? ValueType { get; set; }

    /// <summary><c>identifier</c>: a foreign key.</summary>
    public bool? Identifier { get; set; }

    /// <summary><c>primary_key</c>.</summary>
    public bool? PrimaryKey { get; set; }

    /// <summary><c>time_series_time</c>: the time column of a time-series table.</summary>
    public bool? TimeSeriesTime { get; set; }
}

/// <summary>A link parent → child (<c>TableLinkInfo</c>).</summary>
public sealed class TableLinkInfo
{
    /// <summary><c>field</c>: the parent's primary key.</summary>
    public string Field { get; set; } = string.Empty;

    /// <summary><c>to.table</c>: the child table.</summary>
    public string ToTable { get; set; } = string.Empty;

    /// <summary><c>to.field</c>: the child's foreign key.</summary>
    public string ToField { get; set; } = string.Empty;

    /// <summary><c>method</c>.</summary>
    public LinkMethod Method { get; set; } = LinkMethod.LinearSumAssignment;
}

/// <summary>Base of the three parameters kinds, which share one <c>spec</c> shape (<see cref="ParametersSpec"/>).</summary>
public abstract class ParametersDocument : ResourceDocument
{
    /// <summary>The <c>spec</c>.</summary>
    public ParametersSpec Spec { get; set; } = new();
}

/// <summary><c>AvatarParameters</c> (name <c>standard</c>): avatarization, DP avatarization and time-series parameters.</summary>
public sealed class AvatarParameters : ParametersDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarParameters;
}

/// <summary><c>AvatarPrivacyMetricsParameters</c> (name <c>privacy_metrics</c>).</summary>
public sealed class AvatarPrivacyMetricsParameters : ParametersDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarPrivacyMetricsParameters;
}

/// <summary><c>AvatarSignalMetricsParameters</c> (name <c>signal_metrics</c>).</summary>
public sealed class AvatarSignalMetricsParameters : ParametersDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarSignalMetricsParameters;
}

/// <summary>The <c>spec</c> of the parameters kinds; per-table sections are keyed by table name, in written order.</summary>
public sealed class ParametersSpec
{
    /// <summary><c>schema</c>: the schema the parameters apply to.</summary>
    public string Schema { get; set; } = string.Empty;

    /// <summary><c>avatarization</c>.</summary>
    public OrderedDictionary<string, AvatarizationParameters>? Avatarization { get; set; }

    /// <summary><c>avatarization_dp</c>.</summary>
    public OrderedDictionary<string, AvatarizationDpParameters>? AvatarizationDp { get; set; }

    /// <summary><c>avatarization_ref</c>: the <c>AvatarParameters</c> document the metrics refer to.</summary>
    public string? AvatarizationRef { get; set; }

    /// <summary><c>time_series</c>.</summary>
    public OrderedDictionary<string, TimeSeriesParameters>? TimeSeries { get; set; }

    /// <summary><c>time_series_ref</c>.</summary>
    public string? TimeSeriesRef { get; set; }

    /// <summary><c>privacy_metrics</c>.</summary>
    public OrderedDictionary<string, PrivacyMetricsParameters>? PrivacyMetrics { get; set; }

    /// <summary><c>signal_metrics</c>.</summary>
    public OrderedDictionary<string, SignalMetricsParameters>? SignalMetrics { get; set; }

    /// <summary><c>results</c>.</summary>
    public ResultsConfig? Results { get; set; }

    /// <summary><c>seed</c>.</summary>
    public long? Seed { get; set; }
}

/// <summary>Options shared by the avatarization and metrics entries.</summary>
public abstract class TableParametersBase
{
    /// <summary><c>ncp</c>: number of projection components.</summary>
    public int? Ncp { get; set; }

    /// <summary><c>use_categorical_reduction</c>.</summary>
    public bool? UseCategoricalReduction { get; set; }

    /// <summary><c>column_weights</c> (column → weight).</summary>
    public OrderedDictionary<string, ConfigNumber>? ColumnWeights { get; set; }

    /// <summary><c>exclude_variables</c>.</summary>
    public ExcludeVariables? ExcludeVariables { get; set; }

    /// <summary><c>imputation</c>.</summary>
    public Imputation? Imputation { get; set; }
}

/// <summary><c>avatarization.&lt;table&gt;</c>.</summary>
public sealed class AvatarizationParameters : TableParametersBase
{
    /// <summary><c>k</c>: number of neighbours.</summary>
    public int? K { get; set; }

    /// <summary><c>data_augmentation</c> (1.11+).</summary>
    public DataAugmentation? DataAugmentation { get; set; }
}

/// <summary><c>avatarization_dp.&lt;table&gt;</c>.</summary>
public sealed class AvatarizationDpParameters : TableParametersBase
{
    /// <summary><c>epsilon</c> (Python <c>dp_epsilon</c>).</summary>
    public ConfigNumber? Epsilon { get; set; }

    /// <summary><c>preprocess_budget_ratio</c> (Python <c>dp_preprocess_budget_ratio</c>).</summary>
    public ConfigNumber? PreprocessBudgetRatio { get; set; }

    /// <summary><c>data_augmentation</c> (1.11+).</summary>
    public DataAugmentation? DataAugmentation { get; set; }

    /// <summary>
    /// <c>bounds</c> (column → <c>[lower, upper]</c>): <b>project extension, not in the vendor's format</b>. Public
    /// ranges of numeric columns, from domain knowledge and never computed from the data; the differentially private
    /// avatarization clips to them at no privacy cost instead of estimating bounds with part of ε
    /// (docs/differential-privacy.md §6–§8).
    /// </summary>
    public OrderedDictionary<string, ColumnValueBounds>? Bounds { get; set; }
}

/// <summary>
/// One entry of <c>avatarization_dp.&lt;table&gt;.bounds</c> (project extension): the public range
/// <c>[lower, upper]</c> of a numeric column, with <paramref name="Lower"/> &lt; <paramref name="Upper"/>.
/// </summary>
/// <param name="Lower">The smallest value kept (smaller values are clipped).</param>
/// <param name="Upper">The largest value kept (larger values are clipped).</param>
public sealed record ColumnValueBounds(ConfigNumber Lower, ConfigNumber Upper);

/// <summary><c>privacy_metrics.&lt;table&gt;</c> (1.0.8 and 1.1x fields).</summary>
public sealed class PrivacyMetricsParameters : TableParametersBase
{
    /// <summary><c>known_variables</c>.</summary>
    public List<string>? KnownVariables { get; set; }

    /// <summary><c>target</c>.</summary>
    public string? Target { get; set; }

    /// <summary><c>closest_rate_percentage_threshold</c> (1.0.8).</summary>
    public ConfigNumber? ClosestRatePercentageThreshold { get; set; }

    /// <summary><c>closest_rate_ratio_threshold</c> (1.0.8).</summary>
    public ConfigNumber? ClosestRateRatioThreshold { get; set; }

    /// <summary><c>categorical_hidden_rate_variables</c> (1.0.8).</summary>
    public List<string>? CategoricalHiddenRateVariables { get; set; }

    /// <summary><c>quantile_threshold</c> (1.1x).</summary>
    public ConfigNumber? QuantileThreshold { get; set; }
}

/// <summary><c>signal_metrics.&lt;table&gt;</c>.</summary>
public sealed class SignalMetricsParameters : TableParametersBase
{
}

/// <summary><c>exclude_variables</c>: a free-form dict, both keys always written (null as <c>null</c>).</summary>
public sealed class ExcludeVariables
{
    /// <summary><c>variable_names</c>.</summary>
    public List<string>? VariableNames { get; set; }

    /// <summary><c>replacement_strategy</c>.</summary>
    public ExcludeVariablesMethod? ReplacementStrategy { get; set; }
}

/// <summary><c>imputation</c>: a free-form dict; <c>method</c>, <c>k</c>, <c>training_fraction</c> always written (null as <c>null</c>).</summary>
public sealed class Imputation
{
    /// <summary><c>method</c>.</summary>
    public ImputeMethod? Method { get; set; }

    /// <summary><c>k</c>.</summary>
    public int? K { get; set; }

    /// <summary><c>training_fraction</c>.</summary>
    public ConfigNumber? TrainingFraction { get; set; }

    /// <summary><c>return_data_imputed</c> (1.1x; written only when not null).</summary>
    public bool? ReturnDataImputed { get; set; }
}

/// <summary><c>data_augmentation</c> (1.11+).</summary>
public sealed class DataAugmentation
{
    /// <summary><c>augmentation_strategy</c>: a strategy name (<c>minority</c>, <c>not_majority</c>), kept as a string.</summary>
    public string? Strategy { get; set; }

    /// <summary><c>augmentation_strategy</c> given as a ratio.</summary>
    public ConfigNumber? StrategyRatio { get; set; }

    /// <summary><c>augmentation_strategy</c> given as <c>{modality: ratio}</c>.</summary>
    public OrderedDictionary<string, ConfigNumber>? StrategyRatios { get; set; }

    /// <summary><c>target_column</c>.</summary>
    public string? TargetColumn { get; set; }

    /// <summary><c>should_anonymize_original_table</c>.</summary>
    public bool? ShouldAnonymizeOriginalTable { get; set; }
}

/// <summary><c>time_series.&lt;table&gt;</c>.</summary>
public sealed class TimeSeriesParameters
{
    /// <summary><c>projection</c>.</summary>
    public TimeSeriesProjection? Projection { get; set; }

    /// <summary><c>alignment</c>.</summary>
    public TimeSeriesAlignment? Alignment { get; set; }
}

/// <summary><c>projection</c>: free-form dict, both keys always written (the legacy key <c>type</c> is read as <c>projection_type</c>).</summary>
public sealed class TimeSeriesProjection
{
    /// <summary><c>projection_type</c>.</summary>
    public ProjectionType? ProjectionType { get; set; }

    /// <summary><c>nf</c>: number of functional components.</summary>
    public int? Nf { get; set; }
}

/// <summary><c>alignment</c>: free-form dict, both keys always written.</summary>
public sealed class TimeSeriesAlignment
{
    /// <summary><c>nb_points</c>.</summary>
    public int? NbPoints { get; set; }

    /// <summary><c>method</c>.</summary>
    public AlignmentMethod? Method { get; set; }
}

/// <summary><c>results</c>: where a job writes (each field omitted when null).</summary>
public sealed class ResultsConfig
{
    /// <summary><c>volume</c>.</summary>
    public string? Volume { get; set; }

    /// <summary><c>path</c>.</summary>
    public string? Path { get; set; }

    /// <summary><c>format</c>.</summary>
    public string? Format { get; set; }

    /// <summary><c>name_template</c>.</summary>
    public string? NameTemplate { get; set; }

    /// <summary><c>max_distribution_plots</c> (1.1x).</summary>
    public int? MaxDistributionPlots { get; set; }
}

/// <summary><c>AvatarReportParameters</c> (name <c>report</c> or <c>report_pia</c>).</summary>
public sealed class AvatarReportParameters : ResourceDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarReportParameters;

    /// <summary><c>spec.report_type</c>.</summary>
    public ReportType ReportType { get; set; } = ReportType.Basic;

    /// <summary><c>spec.output_format</c> (1.1x and C# writer).</summary>
    public OutputFormat? OutputFormat { get; set; }

    /// <summary><c>spec.results</c>.</summary>
    public ResultsConfig? Results { get; set; }
}

/// <summary><c>AvatarAdviceParameters</c>.</summary>
public sealed class AvatarAdviceParameters : ResourceDocument
{
    /// <inheritdoc/>
    public override ModelKind Kind => ModelKind.AvatarAdviceParameters;

    /// <summary><c>spec.schema</c>.</summary>
    public string Schema { get; set; } = string.Empty;

    /// <summary><c>spec.advice.advisor_type</c>.</summary>
    public List<AdviceType> AdvisorType { get; set; } = [];

    /// <summary><c>spec.results</c>.</summary>
    public ResultsConfig? Results { get; set; }
}
