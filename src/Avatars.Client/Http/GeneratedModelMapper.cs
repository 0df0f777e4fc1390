using System.Globalization;
using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Maps the generated (internal) wire types to the public <see cref="Models"/> records.</summary>
internal static class GeneratedModelMapper
{
    public static LoginResponse ToModel(this G.LoginResponse r) => new(r.Access_token, r.Refresh_token, r.Token_type, r.Expires_in);

    public static JobCreateResponse ToModel(this G.JobCreateResponse r) => new(r.Name, r.Location);

    public static JobResponse ToModel(this G.JobResponse r) => new(
        r.Name,
        r.Set_name,
        r.Display_name,
        r.Parameters_name,
        r.Kind,
        new JobStatus(r.Status ?? string.Empty),
        r.Done,
        r.Progress,
        r.Exception ?? string.Empty,
        r.Depends_on?.ToArray() ?? [],
        r.User_id,
        r.Created_at,
        r.Started_at,
        r.Finished_at);

    public static JobListResponse ToModel(this G.JobListResponse r) => new(r.Jobs.Select(ToModel).ToArray(), r.Next_cursor);

    public static ValidationIssue ToModel(this G.ValidationIssue r) =>
        new(r.Loc.Select(l => Convert.ToString(l, CultureInfo.InvariantCulture) ?? string.Empty).ToArray(), r.Msg, r.Type);

    public static ResourceSetResponse ToModel(this G.ResourceSetResponse r) =>
        new(r.Set_name, r.Display_name, r.Version, r.Warnings?.Select(ToModel).ToArray() ?? []);

    public static ResourceSetSummary ToModel(this G.ResourceSetSummary r) => new(r.Set_name, r.Display_name, r.Version, r.Created_at);

    public static ResourceSetListResponse ToModel(this G.ResourceSetListResponse r) => new(r.Sets.Select(ToModel).ToArray(), r.Next_cursor);

    public static UploadUrlResponse ToModel(this G.UploadUrlResponse r) => new(r.Url, r.Key, r.Expires_at);

    public static User ToModel(this G.User r) => new(r.Id, r.Organization_id, r.Username, r.Email, r.Role, r.Disabled, r.Created_at);

    public static CreditsInfo ToModel(this G.CreditsInfo r) => new(r.Credits, r.Is_credit_enabled);

    public static HealthResponse ToModel(this G.HealthResponse r) => new(r.Message, r.Version);

    public static CheckClientResponse ToModel(this G.CheckClientResponse r) => new(r.Message, r.Most_recent_compatible_client, r.Status);

    public static ApiKey ToModel(this G.ApiKey r) => new(r.Id, r.Name, r.Prefix, r.Created_at, r.Expires_at, r.Revoked_at, r.Last_used_at);

    public static CreatedApiKey ToModel(this G.CreateApiKeyResponse r) => new(
        new ApiKey(r.Api_key.Id, r.Api_key.Name, r.Api_key.Prefix, r.Api_key.Created_at, r.Api_key.Expires_at, r.Api_key.Revoked_at, r.Api_key.Last_used_at),
        r.Api_key.Plaintext,
        r.Message);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ToModel(this IDictionary<string, ICollection<string>> r) =>
        r.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.ToArray(), StringComparer.Ordinal);
}
