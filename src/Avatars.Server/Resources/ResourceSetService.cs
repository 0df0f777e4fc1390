using System.Text;
using System.Text.Json;
using Avatars.Config;
using Avatars.Server.Api;
using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Avatars.Server.Resources;

/// <summary>
/// Creates and reads resource sets (api.md §17): parse and validate the YAML (every problem in one 422),
/// check the referenced uploads exist in the caller's area and record their fingerprints, store the exact bytes
/// as a new immutable version.
/// </summary>
internal sealed class ResourceSetService(AvatarsDbContext db, IObjectStore storage, AvatarsServerOptions options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<ResourceSetResponse> CreateAsync(CurrentUser user, string displayName, byte[] yaml, CancellationToken cancellationToken)
    {
        CheckDisplayName(displayName);
        var (set, warnings) = Parse(yaml);
        var fingerprints = await CheckUploadsAsync(user.Id, set, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var version = await db.ResourceSets.Where(s => s.DisplayName == displayName).Select(s => (int?)s.Version).MaxAsync(cancellationToken) ?? 0;
            var entity = new ResourceSetEntity
            {
                SetName = Guid.NewGuid(),
                UserId = user.Id,
                DisplayName = displayName,
                Version = version + 1,
                Yaml = yaml,
                InputFingerprints = JsonSerializer.Serialize(fingerprints, FingerprintJson),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ResourceSets.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new ResourceSetResponse(entity.SetName.ToString("D"), displayName, entity.Version, warnings);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Two PUTs of the same display name at once: the unique (user, name, version) index lets one win; retry with the next version.
                db.Entry(entity).State = EntityState.Detached;
            }
        }
    }

    public async Task<byte[]> GetYamlAsync(string setName, CancellationToken cancellationToken)
    {
        var id = ParseSetName(setName);
        return await db.ResourceSets.Where(s => s.SetName == id).Select(s => s.Yaml).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiException.NotFound("resource set");
    }

    public async Task<ResourceSetListResponse> ListAsync(string? displayName, int? limit, string? cursor, string? order, CancellationToken cancellationToken)
    {
        var (size, descending) = PageCursor.ReadPaging(limit, order);
        var after = PageCursor.Decode(cursor);
        var query = db.ResourceSets.AsNoTracking();
        if (!string.IsNullOrEmpty(displayName))
        {
            query = query.Where(s => s.DisplayName == displayName);
        }

        // Keyset paging on (created_at, set_name); sets created at the cursor's instant are fetched again and
        // skipped in memory, as ids have no ordering operator in LINQ.
        var skipTies = 0;
        if (after is { } c)
        {
            skipTies = await query.CountAsync(s => s.CreatedAt == c.CreatedAt, cancellationToken);
            query = descending ? query.Where(s => s.CreatedAt <= c.CreatedAt) : query.Where(s => s.CreatedAt >= c.CreatedAt);
        }

        query = descending
            ? query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.SetName)
            : query.OrderBy(s => s.CreatedAt).ThenBy(s => s.SetName);
        var rows = await query.Take(size + 1 + skipTies).Select(s => new { s.SetName, s.DisplayName, s.Version, s.CreatedAt }).ToListAsync(cancellationToken);
        var page = after is { } a ? [.. rows.Where(s => a.Precedes(s.CreatedAt, s.SetName, descending))] : rows;
        var next = page.Count > size ? new PageCursor(page[size - 1].CreatedAt, page[size - 1].SetName).Encode() : null;
        return new ResourceSetListResponse(
            [.. page.Take(size).Select(s => new ResourceSetSummary(s.SetName.ToString("D"), s.DisplayName, s.Version, s.CreatedAt))],
            next);
    }

    /// <summary>Parses with every error collected; unknown fields become <c>extra_ignored</c> warnings.</summary>
    internal static (ResourceSet Set, List<ValidationIssue> Warnings) Parse(byte[] yaml)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(yaml);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiValidationException(["body"], "the resource set is not UTF-8 text: send the YAML file as written by the SDK", "yaml_invalid");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiValidationException(["body"], "the resource set is empty: send a multi-document YAML with at least a schema and a parameters document", "missing");
        }

        var strictErrors = new List<ConfigError>();
        try
        {
            ResourceSetYaml.Parse(text);
        }
        catch (ConfigValidationException ex)
        {
            strictErrors.AddRange(ex.Errors);
        }

        var warnings = strictErrors.Where(ConfigIssues.IsUnknownKey).Select(e => ConfigIssues.From(e, "extra_ignored")).ToList();
        var errors = strictErrors.Where(e => !ConfigIssues.IsUnknownKey(e)).Select(e => ConfigIssues.From(e)).ToList();
        ResourceSet? set = null;
        if (errors.Count == 0)
        {
            try
            {
                set = ResourceSetYaml.Parse(text, ResourceSetParseOptions.Lenient);
                errors.AddRange(set.Validate().Select(e => ConfigIssues.From(e)));
                errors.AddRange(ResourceSetRules.Check(set));
            }
            catch (ConfigValidationException ex)
            {
                errors.AddRange(ex.Errors.Select(e => ConfigIssues.From(e)));
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiValidationException([.. errors.Take(100)]);
        }

        warnings.AddRange(set!.Documents.OfType<AvatarVolume>().Select(v => new ValidationIssue(
            ["body", set.Documents.IndexOf(v), "kind"],
            $"AvatarVolume '{v.Name}' is ignored: this server reads files from your upload area and writes each job's results to its own folder",
            "extra_ignored")));
        warnings.AddRange(ResourceSetRules.UnusedFields(set));
        return (set, warnings);
    }

    private async Task<List<InputFingerprint>> CheckUploadsAsync(Guid userId, ResourceSet set, CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        var fingerprints = new Dictionary<string, InputFingerprint>(StringComparer.Ordinal);
        for (var i = 0; i < set.Documents.Count; i++)
        {
            if (set.Documents[i] is not AvatarSchema schema)
            {
                continue;
            }

            for (var t = 0; t < schema.Tables.Count; t++)
            {
                var table = schema.Tables[t];
                foreach (var (file, where) in new[] { (table.Data?.File, "data"), (table.AvatarsData?.Auto == true ? null : table.AvatarsData?.File, "avatars_data") })
                {
                    if (string.IsNullOrEmpty(file) || fingerprints.ContainsKey(file))
                    {
                        continue;
                    }

                    object[] loc = ["body", i, "spec", "tables", t, where, "file"];
                    string key;
                    try
                    {
                        key = StorageKeys.Input(userId, file);
                    }
                    catch (StorageKeyException ex)
                    {
                        issues.Add(new ValidationIssue(loc, $"file name '{file}' of table '{table.Name}' is not valid: {ex.Message}", "value_error"));
                        continue;
                    }

                    var info = await storage.GetInfoAsync(key, cancellationToken);
                    if (info is null)
                    {
                        issues.Add(new ValidationIssue(loc, $"file '{file}' of table '{table.Name}' not found in your upload area: upload it first (POST /api/upload_url, then PUT the bytes to the returned URL)", "file_not_found"));
                    }
                    else if (info.Size > options.Limits.MaxUploadBytes)
                    {
                        await storage.DeleteAsync(key, cancellationToken);
                        issues.Add(new ValidationIssue(loc, $"file '{file}' has {info.Size} bytes; the upload limit is {options.Limits.MaxUploadBytes} bytes (it was deleted)", "limit_exceeded"));
                    }
                    else
                    {
                        fingerprints[file] = new InputFingerprint(file, info.Size, info.LastModified);
                    }
                }
            }
        }

        if (issues.Count > 0)
        {
            throw new ApiValidationException(issues);
        }

        return [.. fingerprints.Values];
    }

    private static void CheckDisplayName(string displayName)
    {
        if (displayName.Length is 0 or > 255 || displayName.Contains('/', StringComparison.Ordinal) || displayName.Any(char.IsControl))
        {
            throw new ApiValidationException(["path", "display_name"], "display_name must be 1–255 characters, without '/' or control characters", "value_error");
        }
    }

    private static Guid ParseSetName(string setName) =>
        Guid.TryParse(setName, out var id) ? id : throw ApiException.NotFound("resource set");
}
