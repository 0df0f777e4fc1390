using Avatars.Data;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>A validated table of a multi-table evaluation: both tables named after the schema name, and its key columns.</summary>
/// <param name="Name">The schema name.</param>
/// <param name="Original">The original table (named <paramref name="Name"/>).</param>
/// <param name="Avatars">The avatars (named <paramref name="Name"/>).</param>
/// <param name="Keys">Primary key, foreign keys and link fields: never variables.</param>
/// <param name="Paired">Whether avatar row i is the avatar of original row i.</param>
internal sealed record EvaluationTableData(string Name, Table Original, Table Avatars, IReadOnlyList<string> Keys, bool Paired)
{
    /// <summary>The variables: every original column that is not a key and not in <paramref name="ignored"/>.</summary>
    public IReadOnlyList<string> Variables(IEnumerable<string> ignored)
    {
        var skip = ignored.Concat(Keys).ToHashSet(StringComparer.Ordinal);
        return [.. Original.ColumnNames.Where(n => !skip.Contains(n))];
    }

    /// <summary>The ignored columns plus the keys (distinct, in order).</summary>
    public IReadOnlyList<string> IgnoredWithKeys(IEnumerable<string> ignored) => [.. ignored.Concat(Keys).Distinct(StringComparer.Ordinal)];
}
