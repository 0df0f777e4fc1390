using System.Text;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>Result file names of figures (api.md §19.2 table-name escaping).</summary>
public static class FigureFileNames
{
    /// <summary>The name of the figure metadata file.</summary>
    public const string MetadataFileName = "figures_metadata.json";

    /// <summary>A table name escaped for file names: <c>.</c> → <c>_dot_</c>, <c>/</c> → <c>_slash_</c>, <c>&amp;</c> → <c>_ampersand_</c>, <c>+</c> → <c>_plus_</c>.</summary>
    public static string EscapeTableName(string tableName)
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

    /// <summary><c>&lt;escaped table&gt;.&lt;kind&gt;.html</c>, or <c>&lt;escaped table&gt;.&lt;kind&gt;-&lt;index&gt;.html</c> when <paramref name="index"/> is given.</summary>
    public static string For(string tableName, PlotKind kind, int? index = null) =>
        index is { } i
            ? $"{EscapeTableName(tableName)}.{kind.ToWireName()}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}.html"
            : $"{EscapeTableName(tableName)}.{kind.ToWireName()}.html";
}
