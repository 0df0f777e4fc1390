using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Exact-equality keys of the cells of two tables (originals and avatars) over the same columns, comparable across
/// the tables: numbers (ints, floats, timestamps) by value with every NaN equal to NaN and −0 equal to 0, categories
/// and booleans by label with missing equal to missing. Rows of either table can be hashed and compared on all the
/// columns, which is how the direct-match metrics find verbatim copies in O(n) expected time.
/// </summary>
internal sealed class CellKeys
{
    private const long MissingKey = long.MinValue;

    private CellKeys(string[] columns, long[][] originals, long[][] avatars, bool[] isNumeric)
    {
        Columns = columns;
        Originals = originals;
        Avatars = avatars;
        IsNumeric = isNumeric;
    }

    /// <summary>The compared columns.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Keys of the originals, [column][row].</summary>
    public long[][] Originals { get; }

    /// <summary>Keys of the avatars, [column][row].</summary>
    public long[][] Avatars { get; }

    /// <summary>Per column: true when the column is compared as a number.</summary>
    public bool[] IsNumeric { get; }

    /// <summary>Builds the keys of <paramref name="columns"/> (the originals' types decide number or category).</summary>
    /// <exception cref="AvatarizationException">A column is missing from either table.</exception>
    public static CellKeys Build(Table original, Table avatars, IReadOnlyList<string> columns)
    {
        Require(original, columns, "original table");
        Require(avatars, columns, "avatars");
        var (encoding, workingOriginal) = TableEncoding.Encode(original.Select(columns));
        var workingAvatars = encoding.Apply(avatars.Select(columns));
        var left = new long[columns.Count][];
        var right = new long[columns.Count][];
        var numeric = new bool[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var labels = new Dictionary<string, long>(StringComparer.Ordinal);
            numeric[c] = workingOriginal[c] is FloatColumn;
            left[c] = KeysOf(workingOriginal[c], labels);
            right[c] = KeysOf(workingAvatars[c], labels);
        }

        return new CellKeys(columns.ToArray(), left, right, numeric);
    }

    /// <summary>Checks that a table has the columns a metric needs.</summary>
    public static void Require(Table table, IEnumerable<string> columns, string role)
    {
        foreach (var name in columns)
        {
            if (!table.Contains(name))
            {
                throw new AvatarizationException($"The {role} '{table.Name}' has no column '{name}', which the privacy metrics need.", table.Name, name);
            }
        }
    }

    /// <summary>A comparer of rows over all the columns: non-negative ids are avatar rows, <c>~row</c> original rows.</summary>
    public IEqualityComparer<int> RowComparer => new Comparer(this);

    private long Key(int column, int id) => id >= 0 ? Avatars[column][id] : Originals[column][~id];

    private static long[] KeysOf(Column column, Dictionary<string, long> labels)
    {
        var keys = new long[column.Length];
        switch (column)
        {
            case FloatColumn f:
                var values = f.Values;
                for (var i = 0; i < keys.Length; i++)
                {
                    var v = values[i];
                    keys[i] = double.IsNaN(v) ? MissingKey : BitConverter.DoubleToInt64Bits(v == 0 ? 0.0 : v);
                }

                break;
            case CategoryColumn cat:
                var codes = cat.Codes;
                var levelKeys = cat.Levels.Select(level => labels.TryGetValue(level, out var k) ? k : labels[level] = labels.Count).ToArray();
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = codes[i] < 0 ? MissingKey : levelKeys[codes[i]];
                }

                break;
            default:
                throw new InvalidOperationException($"Column '{column.Name}' is not in working form.");
        }

        return keys;
    }

    private sealed class Comparer(CellKeys keys) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y)
        {
            for (var c = 0; c < keys.Columns.Count; c++)
            {
                if (keys.Key(c, x) != keys.Key(c, y))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(int id)
        {
            var hash = default(HashCode);
            for (var c = 0; c < keys.Columns.Count; c++)
            {
                hash.Add(keys.Key(c, id));
            }

            return hash.ToHashCode();
        }
    }
}
