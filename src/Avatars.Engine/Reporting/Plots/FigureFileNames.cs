using Avatars.Data;
namespace Avatars.Engine.Reporting.Plots;

/// <summary>Result file names of figures (api.md §19.2 table-name escaping).</summary>
public static class FigureFileNames
{
    /// <summary>The name of the figure metadata file.</summary>
    public const string MetadataFileName = "figures_metadata.json";

    /// <summary><c>&lt;escaped table&gt;.&lt;kind&gt;.html</c>, or <c>&lt;escaped table&gt;.&lt;kind&gt;-&lt;index&gt;.html</c> when <paramref name="index"/> is given.</summary>
    public static string For(string tableName, PlotKind kind, int? index = null) =>
        index is { } i
            ? $"{TableNameEscaping.Escape(tableName)}.{kind.ToWireName()}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}.html"
            : $"{TableNameEscaping.Escape(tableName)}.{kind.ToWireName()}.html";
}
