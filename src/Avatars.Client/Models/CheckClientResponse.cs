namespace Avatars.Client.Models;

/// <summary>Answer of <c>GET /api/check_client</c>.</summary>
/// <param name="Message">Explanation.</param>
/// <param name="MostRecentCompatibleClient">The minimum SDK version the server accepts.</param>
/// <param name="Status"><c>compatible</c>, <c>incompatible</c> or <c>unknown</c>.</param>
public sealed record CheckClientResponse(string Message, string MostRecentCompatibleClient, string Status);
