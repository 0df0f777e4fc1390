using Avatars.Data;

namespace Avatars.Engine.Tests.TestSupport;

/// <summary>The Breast Cancer Wisconsin tables of the Avatar paper, typed as the paper used them.</summary>
internal static class Wbcd
{
    public const string Identifier = "Sample_code_number";
    public const string ClassColumn = "Class";

    /// <summary>Reads a WBCD file with every column as a category (the paper's avatarization setting).</summary>
    public static Table ReadAllCategorical(string relativePath)
    {
        var path = Avatars.Testing.SharedData.PathOf(relativePath);
        var header = File.ReadLines(path).First().Split(',').Select(h => h.Trim('"')).ToArray();
        var types = header.Where(h => h != Identifier).ToDictionary(h => h, _ => ColumnType.Category);
        return TableReader.ReadCsv(path, new TableReadOptions { Types = types });
    }

    /// <summary>Reads a WBCD file with the 9 features as integers and Class as a category (the paper's metric setting).</summary>
    public static Table ReadForMetrics(string relativePath)
    {
        var path = Avatars.Testing.SharedData.PathOf(relativePath);
        return TableReader.ReadCsv(path, new TableReadOptions { Types = new Dictionary<string, ColumnType> { [ClassColumn] = ColumnType.Category } });
    }

    /// <summary>Re-types a table: every column named in <paramref name="intColumns"/> parsed as an integer.</summary>
    public static Table WithFeaturesAsIntegers(Table table)
    {
        var columns = table.Columns.Select(c =>
        {
            if (c.Name == ClassColumn || c.Type == ColumnType.Int)
            {
                return c;
            }

            var values = new long[c.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = long.Parse(c.FormatValue(i)!, System.Globalization.CultureInfo.InvariantCulture);
            }

            return (Column)new IntColumn(c.Name, values);
        });
        return new Table(columns, table.Name);
    }

    /// <summary>Rows of a table that have at least one exact duplicate elsewhere in it.</summary>
    public static bool[] HasDuplicate(Table table)
    {
        var keys = Enumerable.Range(0, table.RowCount).Select(r => RowKey(table, r)).ToArray();
        var counts = keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        return keys.Select(k => counts[k] > 1).ToArray();
    }

    /// <summary>The row's values joined as text, for exact comparisons.</summary>
    public static string RowKey(Table table, int row) => string.Join("\u001f", table.Columns.Select(c => c.FormatValue(row) ?? "\u0000"));
}
