namespace Avatars.Server.Storage;

/// <summary>The two areas of a user's storage (api.md §16.1).</summary>
public enum StorageKeyArea
{
    /// <summary><c>&lt;user_id&gt;/input/…</c>: uploads, written through PUT URLs.</summary>
    Input,

    /// <summary><c>&lt;user_id&gt;/results/&lt;job_name&gt;/…</c>: job outputs, read through GET URLs.</summary>
    Results,
}
