namespace Avatars.Client.Models;

/// <summary>Body of <c>POST /api/jobs</c>.</summary>
/// <param name="SetName">The resource set version (<see cref="ResourceSetResponse.SetName"/>).</param>
/// <param name="ParametersName">The parameters document (<c>metadata.name</c>) to run.</param>
/// <param name="DependsOn">Parent jobs: names or <c>Location</c> values; null or empty for none.</param>
public sealed record JobCreateRequest(string SetName, string ParametersName, IReadOnlyList<string>? DependsOn = null);
