namespace Avatars.Server.Persistence.Entities;

/// <summary>One file a job produced (the result index, api.md §19).</summary>
public sealed class ResultFileEntity
{
    /// <summary>Database id.</summary>
    public long Id { get; set; }

    /// <summary>The job.</summary>
    public Guid JobName { get; set; }

    /// <summary>Owner (same as the job's).</summary>
    public Guid UserId { get; set; }

    /// <summary>Result key, e.g. <c>shuffled</c>, <c>privacy_metrics</c>, <c>figures</c>.</summary>
    public string ResultKey { get; set; } = string.Empty;

    /// <summary>The table the file belongs to (unescaped); null for set-wide files (report, figures_metadata).</summary>
    public string? TableName { get; set; }

    /// <summary>Position of the table in the schema (lists are in table order, then by file name).</summary>
    public int TableOrder { get; set; }

    /// <summary>The file name (last segment of the storage key).</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>Storage key, <c>&lt;user_id&gt;/results/&lt;job_name&gt;/&lt;file&gt;</c>.</summary>
    public string StorageKey { get; set; } = string.Empty;

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }
}
