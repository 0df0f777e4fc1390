namespace Avatars.Data.Inference;

/// <summary>Converts a typed column to another type through its invariant text (used for type overrides on Parquet input).</summary>
internal static class ColumnConverter
{
    /// <summary>The column as <paramref name="target"/>; values that do not fit are reported with their row.</summary>
    /// <exception cref="TableFormatException">A value cannot be represented in the target type.</exception>
    public static Column Convert(Column column, ColumnType target, CellLocator locator)
    {
        if (column.Type == target)
        {
            return column;
        }

        var text = new TextColumn(column.Length);
        var mask = new bool[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            var value = column.FormatValue(i);
            mask[i] = value is null;
            text.Add(value);
        }

        return ColumnInference.Parse(column.Name, text, mask, target, locator);
    }
}
