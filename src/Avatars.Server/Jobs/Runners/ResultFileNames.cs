using Avatars.Data;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// Result file names (api.md §19.1), table names escaped with <see cref="TableNameEscaping"/> (§19.2).
/// </summary>
public static class ResultFileNames
{
    /// <summary>The run metadata file every job writes.</summary>
    public const string RunMetadata = "run_metadata.json";

    /// <summary>The figure index of a standard job.</summary>
    public const string FiguresMetadata = "figures_metadata.json";

    /// <summary>The result of an advice job (one entry per table).</summary>
    public const string Advice = "advice.json";

    /// <summary>The HTML report.</summary>
    public const string ReportHtml = "report.html";

    /// <summary>The PDF report.</summary>
    public const string ReportPdf = "report.pdf";

    /// <summary>Escapes a table name for file names (api.md §19.2).</summary>
    public static string Escape(string tableName) => TableNameEscaping.Escape(tableName);

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
}
