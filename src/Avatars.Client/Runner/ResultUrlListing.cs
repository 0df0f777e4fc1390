namespace Avatars.Client;

/// <summary>A job's signed result URLs and when they were listed (they expire; sdk.md §8.6).</summary>
/// <param name="Urls">Result key → URLs.</param>
/// <param name="ListedAt">Listing time.</param>
internal sealed record ResultUrlListing(IReadOnlyDictionary<string, IReadOnlyList<string>> Urls, DateTimeOffset ListedAt);
