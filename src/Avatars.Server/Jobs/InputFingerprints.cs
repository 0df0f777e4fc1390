using System.Globalization;
using System.Text.Json;
using Avatars.Server.Storage;

namespace Avatars.Server.Jobs;

/// <summary>
/// Checks that the uploads a resource set refers to are unchanged since the set was created (api.md §17.1): same
/// size and last-modified time as recorded in <c>ResourceSetEntity.InputFingerprints</c>
/// (<c>[{"file", "size", "last_modified"}]</c>, the time as ISO 8601 text or Unix seconds).
/// </summary>
internal static class InputFingerprints
{
    /// <summary>Throws a <see cref="JobFailedException"/> naming the first missing or changed input.</summary>
    public static async Task CheckAsync(string fingerprintsJson, Guid userId, IObjectStore storage, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(fingerprintsJson) ? "[]" : fingerprintsJson);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var file = item.GetProperty("file").GetString() ?? string.Empty;
            var size = item.GetProperty("size").GetInt64();
            var modified = item.GetProperty("last_modified");
            var seconds = modified.ValueKind == JsonValueKind.Number
                ? (long)modified.GetDouble()
                : DateTimeOffset.Parse(modified.GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();
            var info = await storage.GetInfoAsync(StorageKeys.Input(userId, file), cancellationToken)
                ?? throw new JobFailedException($"input file {file} was not found in your upload area");

            // Some stores keep whole seconds only: compare at that precision.
            if (info.Size != size || info.LastModified.ToUnixTimeSeconds() != seconds)
            {
                throw new JobFailedException($"input file {file} changed since the resource set was created");
            }
        }
    }
}
