using System.Text.Json.Serialization;

namespace Avatars.Server.Jobs;

/// <summary>Body of <c>POST /api/jobs</c> (api.md §18.1).</summary>
internal sealed class JobCreateRequest
{
    /// <summary>The resource set version to run.</summary>
    [JsonPropertyName("set_name")]
    public string? SetName { get; set; }

    /// <summary>The parameters document (<c>metadata.name</c>) of the set.</summary>
    [JsonPropertyName("parameters_name")]
    public string? ParametersName { get; set; }

    /// <summary>Parents: names, <c>/api/jobs/&lt;name&gt;</c>, absolute job URLs or <c>/jobs/&lt;name&gt;</c>.</summary>
    [JsonPropertyName("depends_on")]
    public List<string>? DependsOn { get; set; }
}
