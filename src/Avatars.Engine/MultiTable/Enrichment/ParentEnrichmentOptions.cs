namespace Avatars.Engine.MultiTable.Enrichment;

/// <summary>Options of <see cref="ParentEnricher.Enrich"/>.</summary>
public sealed record ParentEnrichmentOptions
{
    /// <summary>
    /// The prefix of the added columns; null (default) uses the child table's name. Columns are named
    /// <c>&lt;prefix&gt;_count</c>, <c>&lt;prefix&gt;_&lt;var&gt;_mean</c> and <c>&lt;prefix&gt;_&lt;var&gt;_&lt;level&gt;_share</c>.
    /// </summary>
    public string? Prefix { get; init; }

    /// <summary>
    /// The child variables to aggregate; null (default) aggregates every child column except the foreign key.
    /// Listing the foreign key or a date column is an error.
    /// </summary>
    public IReadOnlyList<string>? Variables { get; init; }
}
