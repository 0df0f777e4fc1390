namespace Avatars.Server.Persistence.Entities;

/// <summary>One edge job → parent.</summary>
public sealed class JobDependencyEntity
{
    /// <summary>The child job.</summary>
    public Guid JobName { get; set; }

    /// <summary>The parent job.</summary>
    public Guid ParentName { get; set; }

    /// <summary>Order in the request.</summary>
    public int Position { get; set; }
}
