using System.Text;
using System.Text.RegularExpressions;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// Result file names (api.md §19.1) and the vendor's table-name escaping (§19.2): <c>.</c> → <c>_dot_</c>,
/// <c>/</c> → <c>_slash_</c>, <c>&amp;</c> → <c>_ampersand_</c>, <c>+</c> → <c>_plus_</c>, character by character;
/// unescaping is one left-to-right pass.
/// </summary>
public static partial class ResultFileNames
{
    /// <summary>The run metadata file every job writes.</summary>
    public const string RunMetadata = "run_metadata.json";

    /// <summary>The figure index of a standard job.</summary>
    public const string FiguresMetadata = "figures_metadata.json";

    /// <summary>The HTML report.</summary>
    public const string ReportHtml = "report.html";

    /// <summary>The PDF report.</summary>
    public const string ReportPdf = "report.pdf";

    /// <summary>Escapes a table name for file names.</summary>
    public static string Escape(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var builder = new StringBuilder(tableName.Length + 8);
        foreach (var c in tableName)
        {
            builder.Append(c switch
            {
                '.' => "_dot_",
                '/' => "_slash_",
                '&' => "_ampersand_",
                '+' => "_plus_",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/> (one left-to-right pass, as the vendor's clients do).</summary>
    public static string Unescape(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        return EscapeSequence().Replace(escaped, m => m.Value switch
        {
            "_dot_" => ".",
            "_slash_" => "/",
            "_ampersand_" => "&",
            _ => "+",
        });
    }

    /// <summary><c>&lt;t&gt;.shuffled-0.csv</c>.</summary>
    public static string Shuffled(string tableName) => $"{Escape(tableName)}.shuffled-0.csv";

    /// <summary><c>&lt;t&gt;.unshuffled-0.csv</c>.</summary>
    public static string Unshuffled(string tableName) => $"{Escape(tableName)}.unshuffled-0.csv";

    /// <summary><c>&lt;t&gt;.projections.original-0.csv</c>.</summary>
    public static string OriginalProjections(string tableName) => $"{Escape(tableName)}.projections.original-0.csv";

    /// <summary><c>&lt;t&gt;.projections.avatars-0.csv</c>.</summary>
    public static string AvatarProjections(string tableName) => $"{Escape(tableName)}.projections.avatars-0.csv";

    /// <summary><c>&lt;t&gt;.privacy.json</c>.</summary>
    public static string Privacy(string tableName) => $"{Escape(tableName)}.privacy.json";

    /// <summary><c>&lt;t&gt;.signal.json</c>.</summary>
    public static string Signal(string tableName) => $"{Escape(tableName)}.signal.json";

    [GeneratedRegex("_dot_|_slash_|_ampersand_|_plus_", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeSequence();
}
