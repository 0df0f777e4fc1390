namespace Avatars.Client.Models;

/// <summary>Answer of <c>GET /api/users/credits_info</c>.</summary>
/// <param name="Credits">Remaining credits (always null on the project server).</param>
/// <param name="IsCreditEnabled">Always false on the project server.</param>
public sealed record CreditsInfo(int? Credits, bool IsCreditEnabled);
