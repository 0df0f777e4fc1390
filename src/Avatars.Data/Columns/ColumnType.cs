namespace Avatars.Data;

/// <summary>
/// The column types of the avatar_yaml format (<c>float</c>, <c>int</c>, <c>bool</c>, <c>category</c>,
/// <c>datetime</c>, <c>datetime_tz</c>).
/// </summary>
public enum ColumnType
{
    /// <summary>Real numbers (<c>float</c>); missing values are NaN.</summary>
    Float,

    /// <summary>64-bit integers (<c>int</c>).</summary>
    Int,

    /// <summary>Booleans (<c>bool</c>).</summary>
    Bool,

    /// <summary>Categorical values with a finite set of levels (<c>category</c>).</summary>
    Category,

    /// <summary>Timestamps without time zone (<c>datetime</c>).</summary>
    DateTime,

    /// <summary>Timestamps with a UTC offset (<c>datetime_tz</c>).</summary>
    DateTimeTz,
}

/// <summary>Conversions between <see cref="ColumnType"/> and the avatar_yaml names.</summary>
public static class ColumnTypeNames
{
    /// <summary>The avatar_yaml name of a column type, e.g. <c>category</c>.</summary>
    public static string ToYamlName(this ColumnType type) => type switch
    {
        ColumnType.Float => "float",
        ColumnType.Int => "int",
        ColumnType.Bool => "bool",
        ColumnType.Category => "category",
        ColumnType.DateTime => "datetime",
        ColumnType.DateTimeTz => "datetime_tz",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>Parses an avatar_yaml type name (case-insensitive; <c>numeric</c> and <c>string</c> are accepted as aliases).</summary>
    /// <exception cref="ArgumentException">The name is not a known type.</exception>
    public static ColumnType Parse(string name)
    {
        if (TryParse(name, out var type))
        {
            return type;
        }

        throw new ArgumentException(
            $"Unknown column type '{name}'. Use one of: float, int, bool, category, datetime, datetime_tz.", nameof(name));
    }

    /// <summary>Tries to parse an avatar_yaml type name.</summary>
    public static bool TryParse(string? name, out ColumnType type)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "float" or "numeric" or "double" or "real": type = ColumnType.Float; return true;
            case "int" or "integer": type = ColumnType.Int; return true;
            case "bool" or "boolean": type = ColumnType.Bool; return true;
            case "category" or "categorical" or "string" or "object": type = ColumnType.Category; return true;
            case "datetime": type = ColumnType.DateTime; return true;
            case "datetime_tz": type = ColumnType.DateTimeTz; return true;
            default: type = default; return false;
        }
    }

    /// <summary>True for the types the engine treats as continuous (numbers and timestamps).</summary>
    public static bool IsNumeric(this ColumnType type) =>
        type is ColumnType.Float or ColumnType.Int or ColumnType.DateTime or ColumnType.DateTimeTz;
}
