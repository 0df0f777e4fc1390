using Avatars.Config;
using Avatars.Data;
using Avatars.Engine.MultiTable.Pipeline;
using Avatars.Engine.MultiTable.Relinking;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>
/// The tables and links of a multi-table schema as the engine's pipeline takes them: every original table read with
/// its declared types, its primary key (<c>primary_key</c>), foreign keys (<c>identifier</c>), time column
/// (<c>time_series_time</c>), and the links declared on the parents.
/// </summary>
/// <param name="Schema">The original schema.</param>
/// <param name="Tables">The original tables, in the schema's order.</param>
/// <param name="Links">The links, in the schema's order (parent by parent).</param>
internal sealed record MultiTableInputs(AvatarSchema Schema, IReadOnlyList<SchemaTable> Tables, IReadOnlyList<MultiTableLink> Links)
{
    /// <summary>Reads every table of the schema and checks the limits.</summary>
    public static async Task<MultiTableInputs> LoadAsync(JobRunContext context, AvatarSchema schema, CancellationToken cancellationToken)
    {
        if (schema.Tables.Count == 0)
        {
            throw new JobFailedException($"schema \"{schema.Name}\" has no table");
        }

        var tables = new List<SchemaTable>(schema.Tables.Count);
        foreach (var table in schema.Tables)
        {
            var data = await InputTables.ReadOriginalAsync(context, table, cancellationToken).ConfigureAwait(false);
            var keys = InputTables.IdentifierColumns(table);
            TableLimits.CheckDimensions(data, keys, context.Limits);
            var columns = table.Columns ?? [];
            var primaryKey = columns.FirstOrDefault(c => c.PrimaryKey == true)?.Field;
            var foreignKeys = columns.Where(c => c.Identifier == true && c.PrimaryKey != true).Select(c => c.Field).ToList();
            var time = columns.FirstOrDefault(c => c.TimeSeriesTime == true)?.Field;
            tables.Add(new SchemaTable(table, data.WithName(table.Name), primaryKey, foreignKeys, time));
        }

        var links = schema.Tables
            .SelectMany(t => (t.Links ?? []).Select(l => new MultiTableLink(t.Name, l.Field, l.ToTable, l.ToField, ToEngine(l.Method))))
            .ToList();
        return new MultiTableInputs(schema, tables, links);
    }

    /// <summary>The table of that name.</summary>
    public SchemaTable this[string name] => Tables.First(t => t.Name == name);

    /// <summary>True when the table is the child of a time-series link.</summary>
    public bool IsTimeSeries(string table) => Links.Any(l => l.ChildTable == table && l.IsTimeSeries);

    /// <summary>The engine's link method for a YAML one (the two enumerations have the same members, tested).</summary>
    public static RelinkMethod ToEngine(LinkMethod method) => Enum.Parse<RelinkMethod>(method.ToString());
}
