using Avatars.Data;

namespace Avatars.Config.Builder;

/// <summary>
/// The arguments of avatar_yaml's <c>Config.create_table</c> (sdk.md §4.3 step 4, §9.4): where the data is,
/// its keys and its column types.
/// </summary>
public sealed record TableDefinition
{
    /// <summary>The table name.</summary>
    public required string Name { get; init; }

    /// <summary>The uploaded original file (<c>data.file</c>), e.g. <c>iris.csv</c>; <c>data</c> is omitted when null.</summary>
    public string? OriginalFile { get; init; }

    /// <summary>The volume of the original file (<c>data.volume</c>); the project API resolves only <c>input</c>.</summary>
    public string OriginalVolume { get; init; } = ResourceSetBuilder.InputVolumeName;

    /// <summary>A user-supplied avatar file (<c>avatars_data.file</c>); null means <c>avatars_data: {auto: true}</c>.</summary>
    public string? AvatarFile { get; init; }

    /// <summary>The volume of <see cref="AvatarFile"/> (<c>input</c> when null).</summary>
    public string? AvatarVolume { get; init; }

    /// <summary>The primary-key column (<c>primary_key: true</c>).</summary>
    public string? PrimaryKey { get; init; }

    /// <summary>The foreign-key columns (<c>identifier: true</c>), in order.</summary>
    public IReadOnlyList<string>? ForeignKeys { get; init; }

    /// <summary>The time column of a time-series table (<c>time_series_time: true</c>).</summary>
    public string? TimeSeriesTime { get; init; }

    /// <summary>Column types in column order (enumeration order is the YAML order: use an ordered dictionary).</summary>
    public IReadOnlyDictionary<string, ColumnType>? Types { get; init; }

    /// <summary><c>individual_level</c>; omitted when null.</summary>
    public bool? IndividualLevel { get; init; }

    /// <summary>
    /// Checks the key columns with avatar_yaml's messages (sdk.md §9.4); the SDK calls it before uploading anything.
    /// </summary>
    /// <exception cref="ArgumentException">The primary key, the time column and the foreign keys overlap.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Name, nameof(Name));
        var foreignKeys = ForeignKeys ?? [];
        if (!string.IsNullOrEmpty(PrimaryKey) && PrimaryKey == TimeSeriesTime)
        {
            throw new ArgumentException(
                "Expected primary_key and time_series_time to be different fields, got " +
                $"primary_key={PythonRepr.Str(PrimaryKey)} and time_series_time={PythonRepr.Str(TimeSeriesTime)}");
        }

        if (!string.IsNullOrEmpty(PrimaryKey) && foreignKeys.Contains(PrimaryKey))
        {
            throw new ArgumentException(
                "Expected a primary_key and foreign_keys to be different fields, got " +
                $"primary_key={PythonRepr.Str(PrimaryKey)} in foreign_keys={PythonRepr.List(foreignKeys)}");
        }

        if (!string.IsNullOrEmpty(TimeSeriesTime) && foreignKeys.Contains(TimeSeriesTime))
        {
            throw new ArgumentException(
                "Expected time_series time and foreign_keys to be different fields, got " +
                $"time_series_time={PythonRepr.Str(TimeSeriesTime)} in foreign_keys={PythonRepr.List(foreignKeys)}");
        }
    }

    /// <summary>
    /// The schema entry: columns = [time column] + [primary key] + [foreign keys] + [other typed columns, in order];
    /// key columns take their type from <see cref="Types"/> when present; <c>columns</c> omitted when empty.
    /// </summary>
    internal TableInfo ToTableInfo()
    {
        var types = Types ?? new Dictionary<string, ColumnType>();
        var columns = new List<ColumnInfo>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        ColumnType? TypeOf(string field) => types.TryGetValue(field, out var t) ? t : null;
        if (!string.IsNullOrEmpty(TimeSeriesTime))
        {
            columns.Add(new ColumnInfo { Field = TimeSeriesTime, Type = TypeOf(TimeSeriesTime), TimeSeriesTime = true });
            keys.Add(TimeSeriesTime);
        }

        if (!string.IsNullOrEmpty(PrimaryKey))
        {
            columns.Add(new ColumnInfo { Field = PrimaryKey, Type = TypeOf(PrimaryKey), PrimaryKey = true });
            keys.Add(PrimaryKey);
        }

        foreach (var fk in ForeignKeys ?? [])
        {
            if (keys.Add(fk))
            {
                columns.Add(new ColumnInfo { Field = fk, Type = TypeOf(fk), Identifier = true });
            }
        }

        foreach (var (field, type) in types)
        {
            if (!keys.Contains(field))
            {
                columns.Add(new ColumnInfo { Field = field, Type = type });
            }
        }

        return new TableInfo
        {
            Name = Name,
            Data = OriginalFile is null ? null : new DataLocation { Volume = OriginalVolume, File = OriginalFile },
            IndividualLevel = IndividualLevel,
            Columns = columns.Count == 0 ? null : columns,
        };
    }
}
