using Avatars.Data;

namespace Avatars.Engine.Preprocessing;

/// <summary>
/// How one original column maps to the engine's working form (a continuous <see cref="FloatColumn"/>
/// or a <see cref="CategoryColumn"/>) and back.
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="OriginalType">The type to restore.</param>
/// <param name="IsContinuous">True when the working form is continuous.</param>
/// <param name="Decimals">Decimals to round a continuous value to (seconds for timestamps).</param>
/// <param name="TimeZoneOffset">The offset of a <c>datetime_tz</c> column.</param>
internal sealed record EncodedColumn(string Name, ColumnType OriginalType, bool IsContinuous, int Decimals, TimeSpan? TimeZoneOffset)
{
    /// <summary>Timestamps whose values are all whole days are rounded to days (decimals of seconds otherwise).</summary>
    public const int WholeDays = -1;
}
