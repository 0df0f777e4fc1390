namespace Avatars.Client.Models;

/// <summary>Answer of <c>POST /api/jobs</c> (<c>201</c>).</summary>
/// <param name="Name">The job name.</param>
/// <param name="Location">The job's path, <c>/api/jobs/&lt;name&gt;</c> (wire name <c>Location</c>).</param>
public sealed record JobCreateResponse(string Name, string Location);
