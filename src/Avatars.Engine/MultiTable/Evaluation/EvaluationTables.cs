using Avatars.Data;
using Avatars.Engine.MultiTable.Enrichment;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// Builds the compared tables of the <c>to_top_enriched</c> and <c>to_bottom_information_propagated</c> computation
/// types from the original tables and, identically, from the avatar tables (whose keys join among themselves).
/// </summary>
internal static class EvaluationTables
{
    /// <summary>
    /// The parent (original and avatars) enriched with the aggregates of each of its child tables, links in order
    /// (<see cref="ParentEnricher"/>, prefix = the child table's name, or <c>&lt;child&gt;_&lt;child field&gt;</c> when the
    /// same child table is linked twice to this parent). Child variables: its columns minus keys, ignored and date columns.
    /// </summary>
    public static (Table Original, Table Avatars) EnrichParent(EvaluationSchema schema, string parentName, Func<string, IEnumerable<string>> ignoredOf)
    {
        var parent = schema[parentName];
        var original = parent.Original;
        var avatars = parent.Avatars;
        var links = schema.ChildLinksOf(parentName).ToArray();
        foreach (var link in links)
        {
            var child = schema[link.ChildTable];
            var prefix = links.Count(l => l.ChildTable == link.ChildTable) > 1 ? $"{link.ChildTable}_{link.ChildField}" : link.ChildTable;
            var variables = child.Variables(ignoredOf(child.Name)).Where(v => child.Original[v] is not DateTimeColumn).ToArray();
            var options = new ParentEnrichmentOptions { Prefix = prefix, Variables = variables };
            original = ParentEnricher.Enrich(original, link.ParentField, child.Original, link.ChildField, options);
            avatars = ParentEnricher.Enrich(avatars, link.ParentField, WithOriginalLevels(child.Avatars, child.Original, variables), link.ChildField, options);
        }

        return (original, avatars);
    }

    /// <summary>
    /// The child (original and avatars) joined with its parent's variables, named <c>&lt;parent&gt;.&lt;column&gt;</c>
    /// (<see cref="ChildEnricher"/>). Parent variables: its columns minus keys and ignored columns.
    /// </summary>
    public static (Table Original, Table Avatars) JoinParent(EvaluationSchema schema, MultiTableEvaluationLink link, Func<string, IEnumerable<string>> ignoredOf)
    {
        var parent = schema[link.ParentTable];
        var child = schema[link.ChildTable];
        var variables = parent.Variables(ignoredOf(parent.Name));
        var renamed = variables.Select(v => $"{parent.Name}.{v}").ToArray();
        return (Join(child.Original, parent.Original), Join(child.Avatars, parent.Avatars));

        Table Join(Table childTable, Table parentTable)
        {
            var columns = new List<Column> { parentTable[link.ParentField] };
            columns.AddRange(variables.Select((v, i) => parentTable[v].WithName(renamed[i])));
            return ChildEnricher.Enrich(childTable, link.ChildField, new Table(columns, parentTable.Name), link.ParentField, renamed);
        }
    }

    /// <summary>
    /// The avatar child with each categorical variable's levels extended to include the original's, so that the
    /// enrichment adds a share column for every original level even when the avatars lack it (the share is then 0).
    /// </summary>
    private static Table WithOriginalLevels(Table avatars, Table original, IReadOnlyList<string> variables)
    {
        var result = avatars;
        foreach (var name in variables)
        {
            if (original[name] is not CategoryColumn o || avatars[name] is not CategoryColumn a)
            {
                continue;
            }

            var missing = o.Levels.Except(a.Levels, StringComparer.Ordinal).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            var levels = a.Levels.Concat(missing).ToArray();
            result = result.WithColumn(new CategoryColumn(name, a.Codes.ToArray(), levels));
        }

        return result;
    }
}
