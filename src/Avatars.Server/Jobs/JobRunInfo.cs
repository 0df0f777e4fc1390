namespace Avatars.Server.Jobs;

/// <summary>The identity of a job run: who owns it and its name.</summary>
/// <param name="UserId">Owner.</param>
/// <param name="Name">Job name.</param>
internal sealed record JobRunInfo(Guid UserId, Guid Name);
