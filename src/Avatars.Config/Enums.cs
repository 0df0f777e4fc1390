using Avatars.Data;

namespace Avatars.Config;

/// <summary>How a parent table is linked to a child table (<c>LinkMethod</c>).</summary>
public enum LinkMethod
{
    /// <summary><c>linear_sum_assignment</c> (default; best privacy/utility, resource-hungry).</summary>
    LinearSumAssignment,

    /// <summary><c>minimum_distance_assignment</c> (closest child; cheaper).</summary>
    MinimumDistanceAssignment,

    /// <summary><c>sensitive_original_order_assignment</c> (keeps the original order — privacy breach).</summary>
    SensitiveOriginalOrderAssignment,

    /// <summary><c>time_series</c> (parent → time-series child).</summary>
    TimeSeries,
}

/// <summary>Imputation method of missing values (<c>ImputeMethod</c>).</summary>
public enum ImputeMethod
{
    /// <summary><c>knn</c>.</summary>
    Knn,

    /// <summary><c>mode</c>.</summary>
    Mode,

    /// <summary><c>median</c>.</summary>
    Median,

    /// <summary><c>mean</c>.</summary>
    Mean,

    /// <summary><c>fast_knn</c> (server default).</summary>
    FastKnn,
}

/// <summary>Time-series projection (<c>ProjectionType</c>).</summary>
public enum ProjectionType
{
    /// <summary><c>fpca</c> (default).</summary>
    Fpca,

    /// <summary><c>flatten</c>.</summary>
    Flatten,
}

/// <summary>Replacement strategy of excluded variables (<c>ExcludeVariablesMethod</c>).</summary>
public enum ExcludeVariablesMethod
{
    /// <summary><c>row_order</c> (sensitive: values re-attached by original row order).</summary>
    RowOrder,

    /// <summary><c>coordinate_similarity</c>.</summary>
    CoordinateSimilarity,
}

/// <summary>Time-series alignment method (<c>AlignmentMethod</c>).</summary>
public enum AlignmentMethod
{
    /// <summary><c>specified</c>.</summary>
    Specified,

    /// <summary><c>max</c>.</summary>
    Max,

    /// <summary><c>min</c>.</summary>
    Min,

    /// <summary><c>mean</c>.</summary>
    Mean,
}

/// <summary>Kind of advice requested (<c>AdviceType</c>).</summary>
public enum AdviceType
{
    /// <summary><c>variables</c>.</summary>
    Variables,

    /// <summary><c>parameters</c>.</summary>
    Parameters,

    /// <summary><c>tables_links</c>.</summary>
    TablesLinks,
}

/// <summary>The document kinds of a resource set (<c>ModelKind</c>; the wire value is the member name).</summary>
public enum ModelKind
{
    /// <summary><c>AvatarVolume</c>.</summary>
    AvatarVolume,

    /// <summary><c>AvatarSchema</c>.</summary>
    AvatarSchema,

    /// <summary><c>AvatarParameters</c>.</summary>
    AvatarParameters,

    /// <summary><c>AvatarPrivacyMetricsParameters</c>.</summary>
    AvatarPrivacyMetricsParameters,

    /// <summary><c>AvatarSignalMetricsParameters</c>.</summary>
    AvatarSignalMetricsParameters,

    /// <summary><c>AvatarReportParameters</c>.</summary>
    AvatarReportParameters,

    /// <summary><c>AvatarAdviceParameters</c>.</summary>
    AvatarAdviceParameters,

    /// <summary><c>AvatarMetadata</c>.</summary>
    AvatarMetadata,
}

/// <summary>Report type (<c>basic</c> or <c>pia</c>).</summary>
public enum ReportType
{
    /// <summary><c>basic</c>.</summary>
    Basic,

    /// <summary><c>pia</c> (forces <c>docx</c>).</summary>
    Pia,
}

/// <summary>Report output format (<c>pdf</c>, <c>docx</c>, or <c>html</c> on this project's servers).</summary>
public enum OutputFormat
{
    /// <summary><c>pdf</c>.</summary>
    Pdf,

    /// <summary><c>docx</c>.</summary>
    Docx,

    /// <summary><c>html</c> (this project's servers: a self-contained HTML report).</summary>
    Html,
}

/// <summary>Conversions between the enumerations and their avatar_yaml wire values (sdk.md §9.5).</summary>
public static class WireValues
{
    private static readonly Dictionary<Type, (Enum Value, string Wire)[]> Tables = new()
    {
        [typeof(ColumnType)] =
        [
            (ColumnType.Int, "int"), (ColumnType.Bool, "bool"), (ColumnType.Category, "category"),
            (ColumnType.Float, "float"), (ColumnType.DateTime, "datetime"), (ColumnType.DateTimeTz, "datetime_tz"),
        ],
        [typeof(LinkMethod)] =
        [
            (LinkMethod.LinearSumAssignment, "linear_sum_assignment"),
            (LinkMethod.MinimumDistanceAssignment, "minimum_distance_assignment"),
            (LinkMethod.SensitiveOriginalOrderAssignment, "sensitive_original_order_assignment"),
            (LinkMethod.TimeSeries, "time_series"),
        ],
        [typeof(ImputeMethod)] =
        [
            (ImputeMethod.Knn, "knn"), (ImputeMethod.Mode, "mode"), (ImputeMethod.Median, "median"),
            (ImputeMethod.Mean, "mean"), (ImputeMethod.FastKnn, "fast_knn"),
        ],
        [typeof(ProjectionType)] = [(ProjectionType.Fpca, "fpca"), (ProjectionType.Flatten, "flatten")],
        [typeof(ExcludeVariablesMethod)] =
        [
            (ExcludeVariablesMethod.RowOrder, "row_order"),
            (ExcludeVariablesMethod.CoordinateSimilarity, "coordinate_similarity"),
        ],
        [typeof(AlignmentMethod)] =
        [
            (AlignmentMethod.Specified, "specified"), (AlignmentMethod.Max, "max"),
            (AlignmentMethod.Min, "min"), (AlignmentMethod.Mean, "mean"),
        ],
        [typeof(AdviceType)] =
        [
            (AdviceType.Variables, "variables"), (AdviceType.Parameters, "parameters"),
            (AdviceType.TablesLinks, "tables_links"),
        ],
        [typeof(ModelKind)] = Enum.GetValues<ModelKind>().Select(k => ((Enum)k, k.ToString())).ToArray(),
        [typeof(ReportType)] = [(ReportType.Basic, "basic"), (ReportType.Pia, "pia")],
        [typeof(OutputFormat)] = [(OutputFormat.Pdf, "pdf"), (OutputFormat.Docx, "docx"), (OutputFormat.Html, "html")],
    };

    /// <summary>The wire value of an enumeration member, e.g. <c>fast_knn</c>.</summary>
    /// <exception cref="ArgumentException">The enumeration has no wire values.</exception>
    public static string ToWire<T>(T value)
        where T : struct, Enum
    {
        foreach (var (v, wire) in Table<T>())
        {
            if (v.Equals(value))
            {
                return wire;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "No wire value.");
    }

    /// <summary>Parses an exact (case-sensitive) wire value.</summary>
    public static bool TryParse<T>(string? wire, out T value)
        where T : struct, Enum
    {
        foreach (var (v, w) in Table<T>())
        {
            if (string.Equals(w, wire, StringComparison.Ordinal))
            {
                value = (T)v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The wire values of an enumeration, in declaration order of §9.5.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Table<T>().Select(t => t.Wire).ToArray();

    /// <summary>
    /// The avatar_yaml error text for an invalid value, e.g.
    /// <c>Expected one of ['knn', 'mode', 'median', 'mean', 'fast_knn'], got X as ImputeMethod parameter</c>.
    /// </summary>
    public static string InvalidValueMessage<T>(string got)
        where T : struct, Enum =>
        $"Expected one of [{string.Join(", ", All<T>().Select(v => $"'{v}'"))}], got {got} as {typeof(T).Name} parameter";

    private static (Enum Value, string Wire)[] Table<T>()
        where T : struct, Enum =>
        Tables.TryGetValue(typeof(T), out var table)
            ? table
            : throw new ArgumentException($"{typeof(T).Name} has no avatar_yaml wire values.", nameof(T));
}
