using Avatars.Data;

namespace Avatars.Engine.Projection;

/// <summary>Reads blocks of column values in the numeric form the projection works on.</summary>
internal static class ColumnValues
{
    /// <summary>True for the column types projected as continuous variables (numbers and timestamps).</summary>
    public static bool IsContinuous(ColumnType type) => type.IsNumeric();

    /// <summary>True for the column types projected as categorical variables (categories and booleans).</summary>
    public static bool IsCategorical(ColumnType type) => type is ColumnType.Category or ColumnType.Bool;

    /// <summary>The level texts of a categorical column, indexed by the codes of <see cref="ReadCodes"/>.</summary>
    public static IReadOnlyList<string> Levels(Column column) => column switch
    {
        CategoryColumn c => c.Levels,
        BoolColumn => BoolLevels,
        _ => throw new InvalidOperationException($"Column '{column.Name}' is not categorical."),
    };

    /// <summary>Level texts of a boolean column: code 0 is false, code 1 is true (pandas prints them so).</summary>
    public static readonly string[] BoolLevels = ["False", "True"];

    /// <summary>Copies <c>dest.Length</c> values from row <paramref name="start"/> as doubles; timestamps become seconds since the epoch.</summary>
    public static void ReadContinuous(Column column, int start, Span<double> dest)
    {
        switch (column)
        {
            case FloatColumn f:
                f.Values.Slice(start, dest.Length).CopyTo(dest);
                break;
            case IntColumn c:
                var longs = c.Values.Slice(start, dest.Length);
                for (var i = 0; i < dest.Length; i++)
                {
                    dest[i] = longs[i];
                }

                break;
            case DateTimeColumn d:
                for (var i = 0; i < dest.Length; i++)
                {
                    dest[i] = d.SecondsSinceEpoch(start + i);
                }

                break;
            default:
                throw new InvalidOperationException($"Column '{column.Name}' ({column.Type.ToYamlName()}) is not continuous.");
        }
    }

    /// <summary>Copies <c>dest.Length</c> level codes from row <paramref name="start"/> (booleans: 0 false, 1 true).</summary>
    public static void ReadCodes(Column column, int start, Span<int> dest)
    {
        switch (column)
        {
            case CategoryColumn c:
                c.Codes.Slice(start, dest.Length).CopyTo(dest);
                break;
            case BoolColumn b:
                var bools = b.Values.Slice(start, dest.Length);
                for (var i = 0; i < dest.Length; i++)
                {
                    dest[i] = bools[i] ? 1 : 0;
                }

                break;
            default:
                throw new InvalidOperationException($"Column '{column.Name}' ({column.Type.ToYamlName()}) is not categorical.");
        }
    }
}
