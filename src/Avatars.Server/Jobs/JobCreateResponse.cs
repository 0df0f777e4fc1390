using System.Text.Json.Serialization;

namespace Avatars.Server.Jobs;

/// <summary>Answer of <c>POST /api/jobs</c>: the job name and its <c>Location</c> (capital L, as the vendor's client reads it).</summary>
/// <param name="Name">The job name.</param>
/// <param name="Location">Path of the job, <c>/api/jobs/&lt;name&gt;</c> (with the public base path).</param>
internal sealed record JobCreateResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("Location")] string Location);
