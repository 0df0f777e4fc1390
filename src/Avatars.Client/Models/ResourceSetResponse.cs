namespace Avatars.Client.Models;

/// <summary>Answer of <c>PUT /api/resources/{display_name}</c>: a new immutable set version.</summary>
/// <param name="SetName">The new set's id, to send in <see cref="JobCreateRequest.SetName"/>.</param>
/// <param name="DisplayName">The name it was PUT under.</param>
/// <param name="Version">1, 2, … per display name and user.</param>
/// <param name="Warnings">Ignored fields.</param>
public sealed record ResourceSetResponse(string SetName, string DisplayName, int Version, IReadOnlyList<ValidationIssue> Warnings);
