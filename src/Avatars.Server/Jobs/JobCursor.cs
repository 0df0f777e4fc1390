using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Avatars.Server.Jobs;

/// <summary>
/// The opaque paging cursor of <c>GET /api/jobs</c>: the creation time and name of the last job of a page
/// (jobs are ordered by creation time, then name).
/// </summary>
/// <param name="CreatedAt">Creation time of the last job returned.</param>
/// <param name="Name">Its name.</param>
internal sealed record JobCursor(DateTime CreatedAt, Guid Name)
{
    /// <summary>Base64url of <c>&lt;ticks&gt;:&lt;name&gt;</c>.</summary>
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + Name.ToString("D")));

    /// <summary>Decodes a cursor; null when it is not one of ours.</summary>
    public static JobCursor? TryDecode(string text)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
                && Guid.TryParseExact(parts[1], "D", out var name))
            {
                return new JobCursor(new DateTime(ticks, DateTimeKind.Utc), name);
            }
        }
        catch (FormatException)
        {
        }

        return null;
    }

    /// <summary>
    /// Orders names like the database does (UUID text order on SQLite, byte order on PostgreSQL: both the order of
    /// the canonical hex form).
    /// </summary>
    public static int CompareNames(Guid a, Guid b) =>
        string.CompareOrdinal(a.ToString("D"), b.ToString("D"));
}
