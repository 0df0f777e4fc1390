using Avatars.Config;

namespace Avatars.Server.Jobs.Runners;

/// <summary>The original schema a parameters document works on, and the avatarized schema that refers to it, if any.</summary>
/// <param name="Original">The original schema (tables with <c>data.file</c>).</param>
/// <param name="Avatarized">The avatarized schema (<c>schema_ref</c> = the original), or null.</param>
internal sealed record JobSchemas(AvatarSchema Original, AvatarSchema? Avatarized)
{
    /// <summary>
    /// Resolves <c>spec.schema</c>: an original schema (its avatarized schema is looked up by <c>schema_ref</c>) or an
    /// avatarized one (its original is the one it refers to).
    /// </summary>
    public static JobSchemas Resolve(ResourceSet set, string schemaName)
    {
        var named = set.FindSchema(schemaName)
            ?? throw new JobFailedException($"schema \"{schemaName}\" is not in the resource set: name an AvatarSchema document in spec.schema");
        if (named.SchemaRef is { } reference)
        {
            var original = set.FindSchema(reference)
                ?? throw new JobFailedException($"schema \"{named.Name}\" refers to schema \"{reference}\", which is not in the resource set");
            return new JobSchemas(original, named);
        }

        return new JobSchemas(named, set.OfType<AvatarSchema>().FirstOrDefault(s => s.SchemaRef == named.Name));
    }

    /// <summary>
    /// True when the job needs the multi-table pipeline: several tables, links, differential privacy or time series.
    /// </summary>
    /// <param name="spec">The avatarization parameters, when the job has them.</param>
    public bool IsMultiTable(ParametersSpec? spec = null) =>
        Original.Tables.Count > 1
        || Original.Tables.Any(t => t.Links is { Count: > 0 })
        || spec?.AvatarizationDp is { Count: > 0 }
        || spec?.TimeSeries is { Count: > 0 };

    /// <summary>
    /// The only table of the original schema. The runners send schemas with several tables or links to the multi-table
    /// path first (<see cref="IsMultiTable"/>), so reaching this with one is a server bug.
    /// </summary>
    public TableInfo SingleTable()
    {
        if (Original.Tables.Count == 0)
        {
            throw new JobFailedException($"schema \"{Original.Name}\" has no table");
        }

        if (IsMultiTable())
        {
            throw new InvalidOperationException($"Schema \"{Original.Name}\" has several tables or links and must run on the multi-table path.");
        }

        return Original.Tables[0];
    }
}
