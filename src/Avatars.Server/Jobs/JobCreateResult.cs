namespace Avatars.Server.Jobs;

/// <summary>Outcome of a create: the job name and whether an earlier request's job was returned.</summary>
/// <param name="Name">The job name.</param>
/// <param name="Replayed">True for an idempotent replay (<c>Idempotent-Replayed: true</c>).</param>
internal sealed record JobCreateResult(Guid Name, bool Replayed);
