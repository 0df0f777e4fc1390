using Avatars.Data;
using Spectre.Console;
using Table = Avatars.Data.Table;

namespace Avatars.Cli.Commands.Demo;

/// <summary>Checks that the avatar tables join like the originals: every foreign key of a child row is a key of its parent.</summary>
internal static class ForeignKeyCheck
{
    /// <summary>The number of <paramref name="child"/> rows whose <paramref name="foreignKey"/> is missing or not a <paramref name="primaryKey"/> of <paramref name="parent"/>.</summary>
    public static int CountOrphans(Table child, string foreignKey, Table parent, string primaryKey)
    {
        var keys = Enumerable.Range(0, parent.RowCount).Select(i => parent[primaryKey].FormatValue(i)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, child.RowCount).Count(i => child[foreignKey].FormatValue(i) is not { } key || !keys.Contains(key));
    }

    /// <summary>Prints one line per link (pass or the number of orphans) and returns the total number of orphan rows.</summary>
    public static int Report(IAnsiConsole console, Table child, IReadOnlyList<(string ForeignKey, Table Parent, string PrimaryKey)> links)
    {
        var total = 0;
        foreach (var (foreignKey, parent, primaryKey) in links)
        {
            var orphans = CountOrphans(child, foreignKey, parent, primaryKey);
            total += orphans;
            console.MarkupLine(orphans == 0
                ? $"[green]pass[/] every {Markup.Escape(child.Name)} avatar's {Markup.Escape(foreignKey)} is a {Markup.Escape(primaryKey)} of the {Markup.Escape(parent.Name)} avatars ({child.RowCount:N0} rows)."
                : $"[red]fail[/] {orphans:N0} of {child.RowCount:N0} {Markup.Escape(child.Name)} avatars have a {Markup.Escape(foreignKey)} that is not a {Markup.Escape(primaryKey)} of the {Markup.Escape(parent.Name)} avatars.");
        }

        return total;
    }
}
