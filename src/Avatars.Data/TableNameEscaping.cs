using System.Text;
using System.Text.RegularExpressions;

namespace Avatars.Data;

/// <summary>
/// Table names in result file names (api.md §19.2): <c>.</c> → <c>_dot_</c>, <c>/</c> → <c>_slash_</c>,
/// <c>&amp;</c> → <c>_ampersand_</c>, <c>+</c> → <c>_plus_</c>; unescaping is one left-to-right pass.
/// </summary>
public static partial class TableNameEscaping
{
    /// <summary>Escapes a table name for file names.</summary>
    public static string Escape(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var sb = new StringBuilder(tableName.Length + 8);
        foreach (var c in tableName)
        {
            sb.Append(c switch
            {
                '.' => "_dot_",
                '/' => "_slash_",
                '&' => "_ampersand_",
                '+' => "_plus_",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/> in one left-to-right pass.</summary>
    public static string Unescape(string escaped) => Escaped().Replace(escaped ?? throw new ArgumentNullException(nameof(escaped)), m => m.Value switch
    {
        "_dot_" => ".",
        "_slash_" => "/",
        "_ampersand_" => "&",
        _ => "+",
    });

    /// <summary>True when unescaping the escaped name gives the name back (else the name is rejected at PUT).</summary>
    public static bool RoundTrips(string tableName) => Unescape(Escape(tableName)) == tableName;

    [GeneratedRegex("_dot_|_slash_|_ampersand_|_plus_")]
    private static partial Regex Escaped();
}
