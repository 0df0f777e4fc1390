using System.Collections.Frozen;

namespace Avatars.Data;

/// <summary>
/// Options for reading a table from CSV or Parquet. All properties have defaults that match the vendor
/// client (pandas): detected delimiter, pandas-like missing-value markers, inferred column types.
/// </summary>
public sealed class TableReadOptions
{
    /// <summary>The texts read as a missing value by default: empty, NA, NaN, nan, null, NULL, None, N/A, #N/A and &lt;NA&gt;.</summary>
    public static IReadOnlyList<string> DefaultMissingValues { get; } =
        Array.AsReadOnly(new[] { string.Empty, "NA", "NaN", "nan", "null", "NULL", "None", "N/A", "#N/A", "<NA>" });

    /// <summary>The default options.</summary>
    public static TableReadOptions Default { get; } = new();

    /// <summary>
    /// Per-column type overrides, by column name. An overridden column is parsed as that type (a value
    /// that cannot be parsed is an error); the other columns are inferred. Names must exist in the file.
    /// </summary>
    public IReadOnlyDictionary<string, ColumnType> Types { get; init; } = FrozenDictionary<string, ColumnType>.Empty;

    /// <summary>
    /// The CSV field delimiter, or null (the default) to detect it among <c>,</c> <c>;</c> tab and <c>|</c>
    /// from the header and the first lines. Ignored for Parquet.
    /// </summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// The exact texts (case-sensitive, not trimmed) that mark a missing value in a CSV file, in every
    /// column type. Defaults to <see cref="DefaultMissingValues"/>. Ignored for Parquet, which has nulls.
    /// </summary>
    public IReadOnlyCollection<string> MissingValues { get; init; } = DefaultMissingValues;

    /// <summary>The table name used in messages; null (the default) uses the file name without extension, or <c>table</c> for a stream.</summary>
    public string? TableName { get; init; }

    /// <summary>Reads at most this many data rows; null (the default) reads them all.</summary>
    public int? MaxRows { get; init; }
}
