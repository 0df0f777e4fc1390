using System.Text.RegularExpressions;

namespace Avatars.Client;

/// <summary>
/// Table names embedded in result file names (sdk.md §8.3, api.md §19.2): the server escapes <c>.</c>, <c>/</c>,
/// <c>&amp;</c> and <c>+</c>; the client unescapes in one left-to-right pass (the Engine is not referenced here).
/// </summary>
public static partial class ResultTableNames
{
    /// <summary>Unescapes a server-escaped table name: <c>table_dot_name_slash_test</c> → <c>table.name/test</c>.</summary>
    /// <param name="escaped">The escaped name.</param>
    /// <returns>The table name.</returns>
    public static string Unescape(string escaped) => Avatars.Data.TableNameEscaping.Unescape(escaped);

    /// <summary>
    /// The table of a frame result file: the file name split on <c>"." + token</c>, first part, unescaped
    /// (<c>iris.projections.original-0.csv</c> → <c>iris</c>).
    /// </summary>
    /// <param name="fileName">The file name.</param>
    /// <param name="token">The result's file-name token (<c>shuffled</c>, <c>projections.original</c>, …).</param>
    /// <returns>The table name, or null when the token is absent.</returns>
    public static string? FromFileName(string fileName, string token)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(token);
        var at = fileName.LastIndexOf("." + token, StringComparison.Ordinal);
        return at < 0 ? null : Unescape(fileName[..at]);
    }

    /// <summary>The chunk index of a file (<c>iris.shuffled-3.csv</c> → 3; none → 0), to concatenate chunks in order.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The chunk index.</returns>
    public static int ChunkIndex(string fileName)
    {
        var match = Chunk().Match(fileName ?? string.Empty);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : 0;
    }


    [GeneratedRegex(@"-(\d+)\.[^.]+$")]
    private static partial Regex Chunk();
}
