namespace Avatars.Server.Persistence.Entities;

/// <summary>One immutable version of a resource set (api.md §17.1).</summary>
public sealed class ResourceSetEntity
{
    /// <summary>Random UUID (<c>set_name</c>).</summary>
    public Guid SetName { get; set; }

    /// <summary>Owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>The name the user PUT it under.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>1 for the user's first set with this display name, then 2, 3, …</summary>
    public int Version { get; set; }

    /// <summary>The YAML exactly as received.</summary>
    public byte[] Yaml { get; set; } = [];

    /// <summary>JSON list of <c>{file, size, last_modified}</c> of the uploads the set refers to (input fingerprints).</summary>
    public string InputFingerprints { get; set; } = "[]";

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
