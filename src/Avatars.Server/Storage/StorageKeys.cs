namespace Avatars.Server.Storage;

/// <summary>
/// Builds and checks storage keys (api.md §16.1): <c>&lt;user_id&gt;/input/&lt;file_name&gt;</c>,
/// <c>&lt;user_id&gt;/results/&lt;job_name&gt;/&lt;file&gt;</c>, <c>_health/&lt;random&gt;</c>.
/// </summary>
public static class StorageKeys
{
    /// <summary>The prefix of everything a user owns, e.g. <c>3f0c…/</c>.</summary>
    public static string UserPrefix(Guid userId) => userId.ToString("D") + "/";

    /// <summary>The upload area of a user, e.g. <c>3f0c…/input/</c>.</summary>
    public static string InputPrefix(Guid userId) => UserPrefix(userId) + "input/";

    /// <summary>The results folder of a job.</summary>
    public static string ResultPrefix(Guid userId, Guid jobName) => UserPrefix(userId) + "results/" + jobName.ToString("D") + "/";

    /// <summary>The key of an upload; the file name is normalised to NFC and checked (<see cref="StorageKeyException"/>).</summary>
    public static string Input(Guid userId, string fileName) => InputPrefix(userId) + NormalizeFileName(fileName);

    /// <summary>The key of a result file.</summary>
    public static string Result(Guid userId, Guid jobName, string fileName) => ResultPrefix(userId, jobName) + NormalizeFileName(fileName);

    /// <summary>
    /// Normalises a relative file name to NFC and checks it: <c>/</c>-separated segments of 1–255 UTF-8 bytes,
    /// 1024 bytes in total, no empty, <c>.</c> or <c>..</c> segment, no leading or trailing <c>/</c>, no backslash,
    /// no control character. Throws <see cref="StorageKeyException"/> naming the problem. Where the runtime cannot
    /// normalise (globalization-invariant mode), names that NFC would change are refused (<see cref="UnicodeNfc"/>).
    /// </summary>
    public static string NormalizeFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = UnicodeNfc.TryNormalize(fileName)
            ?? throw new StorageKeyException("the file name contains combining or decomposed characters this server cannot normalise; send it in Unicode NFC (precomposed characters)");
        if (name.Length == 0)
        {
            throw new StorageKeyException("the file name is empty");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(name) > 1024)
        {
            throw new StorageKeyException($"the file name '{Shorten(name)}' is longer than 1024 bytes");
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            throw new StorageKeyException($"the file name '{Shorten(name)}' contains a backslash; use '/' between folders");
        }

        if (name.Any(c => c < 0x20 || c == 0x7F))
        {
            throw new StorageKeyException("the file name contains a control character");
        }

        if (name.StartsWith('/') || name.EndsWith('/'))
        {
            throw new StorageKeyException($"the file name '{Shorten(name)}' must be relative: no leading or trailing '/'");
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw new StorageKeyException($"the file name '{Shorten(name)}' has an empty, '.' or '..' segment");
            }

            if (System.Text.Encoding.UTF8.GetByteCount(segment) > 255)
            {
                throw new StorageKeyException($"a segment of the file name '{Shorten(name)}' is longer than 255 bytes");
            }
        }

        return name;
    }

    /// <summary>
    /// The area of a complete user key (<c>&lt;user_id&gt;/input/&lt;file_name&gt;</c> or
    /// <c>&lt;user_id&gt;/results/&lt;job_name&gt;/&lt;file&gt;</c>, ids as lowercase UUIDs, file names valid and already
    /// NFC); null for anything else (health probes, traversal, malformed names).
    /// </summary>
    public static StorageKeyArea? TryGetArea(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/', 3);
        if (parts.Length < 3 || !IsLowercaseGuid(parts[0]))
        {
            return null;
        }

        StorageKeyArea area;
        string fileName;
        if (parts[1] == "input")
        {
            area = StorageKeyArea.Input;
            fileName = parts[2];
        }
        else if (parts[1] == "results")
        {
            var job = parts[2].Split('/', 2);
            if (job.Length < 2 || !IsLowercaseGuid(job[0]))
            {
                return null;
            }

            area = StorageKeyArea.Results;
            fileName = job[1];
        }
        else
        {
            return null;
        }

        try
        {
            return NormalizeFileName(fileName) == fileName ? area : null;
        }
        catch (StorageKeyException)
        {
            return null;
        }
    }

    private static bool IsLowercaseGuid(string text) =>
        text.Length == 36 && Guid.TryParseExact(text, "D", out var id) && id.ToString("D") == text;

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..77] + "…";
}

/// <summary>A file name or storage key breaks the rules of api.md §16.1.</summary>
public sealed class StorageKeyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageKeyException()
        : base("invalid file name")
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong.</summary>
    public StorageKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StorageKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
