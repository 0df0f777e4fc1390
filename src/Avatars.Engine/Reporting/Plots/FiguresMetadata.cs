using System.Text;
using System.Text.Json;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>One entry of <c>figures_metadata.json</c> (sdk.md §8.5).</summary>
/// <param name="Kind">The plot kind wire name.</param>
/// <param name="FileName">The figure's file name.</param>
/// <param name="TableName">The (unescaped) table name.</param>
public sealed record FigureMetadataEntry(string Kind, string FileName, string TableName);

/// <summary>Builds <c>figures_metadata.json</c>: a JSON list of <c>{"kind", "filename", "table_name"}</c>.</summary>
public static class FiguresMetadata
{
    /// <summary>The entries for the figures of one table.</summary>
    public static IEnumerable<FigureMetadataEntry> Entries(string tableName, IEnumerable<HtmlFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        ArgumentNullException.ThrowIfNull(figures);
        return figures.Select(f => new FigureMetadataEntry(f.Kind, f.FileName, tableName));
    }

    /// <summary>The JSON text (UTF-8, indented, in the given order) for the figures of one table.</summary>
    public static string Build(string tableName, IEnumerable<HtmlFigure> figures) => Build(Entries(tableName, figures));

    /// <summary>The JSON text (UTF-8, indented, in the given order) for entries of any tables.</summary>
    public static string Build(IEnumerable<FigureMetadataEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", entry.Kind);
                writer.WriteString("filename", entry.FileName);
                writer.WriteString("table_name", entry.TableName);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
