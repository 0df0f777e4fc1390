namespace Avatars.Server.Jobs;

/// <summary>
/// Normalises a <c>depends_on</c> item to a job name (api.md §18.1): a bare name, a <c>Location</c> value
/// (<c>/api/jobs/&lt;name&gt;</c>, possibly behind a proxy prefix), an absolute job URL or the vendor's <c>/jobs/&lt;name&gt;</c>.
/// </summary>
internal static class JobReference
{
    /// <summary>The job name the item refers to; false when the item is none of the accepted shapes.</summary>
    public static bool TryParse(string? item, out Guid name)
    {
        name = Guid.Empty;
        var text = item?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Guid.TryParseExact(text, "D", out name))
        {
            return true;
        }

        string path;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            path = uri.AbsolutePath;
        }
        else if (text.StartsWith('/'))
        {
            // A relative reference: drop any query or fragment.
            path = text.Split('?', '#')[0];
        }
        else
        {
            return false;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2
            && segments[^2] == "jobs"
            && Guid.TryParseExact(Uri.UnescapeDataString(segments[^1]), "D", out name);
    }
}
