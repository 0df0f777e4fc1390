using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Avatars.Server.Api;

/// <summary>
/// Opaque keyset-pagination cursor over (creation time, id): the position after the last item of a page.
/// Clients must treat it as opaque (api.md §10).
/// </summary>
internal readonly record struct PageCursor(DateTime CreatedAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + Id.ToString("N")));

    /// <summary>Decodes a cursor; 422 naming the <c>cursor</c> query parameter when it is not one of ours.</summary>
    public static PageCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = text.Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                return new PageCursor(new DateTime(ticks, DateTimeKind.Utc), id);
            }
        }
        catch (FormatException)
        {
        }

        throw new ApiValidationException(["query", "cursor"], "invalid cursor: pass the next_cursor value of a previous page unchanged", "value_error");
    }

    /// <summary>
    /// The order of ids within one creation instant, as both databases sort them (SQLite: uppercase text,
    /// PostgreSQL: uuid bytes; both agree with an ordinal comparison of the hex form).
    /// </summary>
    public static int CompareIds(Guid a, Guid b) => string.CompareOrdinal(a.ToString("D"), b.ToString("D"));

    /// <summary>True when (<paramref name="createdAt"/>, <paramref name="id"/>) comes after this cursor in the page order.</summary>
    public bool Precedes(DateTime createdAt, Guid id, bool descending) =>
        createdAt != CreatedAt || (descending ? CompareIds(id, Id) < 0 : CompareIds(id, Id) > 0);

    /// <summary>Checks <c>limit</c> (default 100, 1–1000) and <c>order</c> (<c>asc</c> default, or <c>desc</c>).</summary>
    public static (int Limit, bool Descending) ReadPaging(int? limit, string? order)
    {
        var value = limit ?? 100;
        if (value is < 1 or > 1000)
        {
            throw new ApiValidationException(["query", "limit"], $"limit must be between 1 and 1000, got {value}", "value_error");
        }

        var descending = order switch
        {
            null or "" or "asc" => false,
            "desc" => true,
            _ => throw new ApiValidationException(["query", "order"], $"order must be 'asc' or 'desc', got '{order}'", "enum"),
        };
        return (value, descending);
    }
}
