using System.Text;
using System.Text.Json.Nodes;
using Avatars.Data;

namespace Avatars.Client;

/// <summary>
/// Parsing of downloaded result files by extension (sdk.md §6.2): <c>.json</c> → a list of objects (a single object
/// is wrapped), <c>.csv</c> → <see cref="Table"/>, <c>.html</c> → <see cref="HtmlFigure"/>; other formats → null.
/// </summary>
public static class ResultFileParser
{
    /// <summary>The vendor's message when a PDF is parsed without a destination path.</summary>
    public const string PdfWithoutPathMessage = "Expected path to save the PDF file";

    /// <summary>Parses one file.</summary>
    /// <param name="fileName">The file name (its extension selects the format).</param>
    /// <param name="content">The bytes.</param>
    /// <param name="types">Column types to apply to a CSV (columns absent from the file are ignored), or null to infer them.</param>
    /// <returns>The parsed value, or null for formats that are not parsed (<c>.md</c>, <c>.docx</c>, …).</returns>
    /// <exception cref="InvalidOperationException">A <c>.pdf</c> (it must be written to a path, see <see cref="ResultFileDownloader"/>).</exception>
    /// <exception cref="System.Text.Json.JsonException">A <c>.json</c> file is not JSON.</exception>
    public static object? Parse(string fileName, byte[] content, IReadOnlyDictionary<string, ColumnType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return Extension(fileName) switch
        {
            ".json" => ParseJson(content),
            ".csv" => ReadCsv([content], types, TableNameOf(fileName)),
            ".html" => new HtmlFigure(Encoding.UTF8.GetString(content)),
            ".pdf" => throw new InvalidOperationException(PdfWithoutPathMessage),
            _ => null,
        };
    }

    /// <summary>The extension of a file name, lower-case with its dot (<c>.csv</c>), or empty.</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The extension.</returns>
    public static string Extension(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var dot = fileName.LastIndexOf('.');
        return dot < 0 ? string.Empty : fileName[dot..].ToLowerInvariant();
    }

    /// <summary>
    /// A JSON result as a list of objects: the text is trimmed and wrapped in <c>[ … ]</c> unless it is an array.
    /// </summary>
    /// <param name="content">UTF-8 JSON.</param>
    /// <returns>The objects (non-object items are skipped).</returns>
    public static IReadOnlyList<JsonObject> ParseJson(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = Encoding.UTF8.GetString(content).Trim().TrimStart('\uFEFF');
        if (!text.StartsWith('['))
        {
            text = "[" + text + "]";
        }

        return (JsonNode.Parse(text) as JsonArray ?? []).OfType<JsonObject>().Select(o => (JsonObject)o.DeepClone()).ToArray();
    }

    /// <summary>
    /// Reads CSV chunks (in order; the header of every chunk after the first is dropped) as one table. Known types are
    /// applied to the columns present; a column whose values do not parse as its type is inferred instead.
    /// </summary>
    /// <param name="chunks">The chunks' bytes, in chunk order.</param>
    /// <param name="types">Column types, or null to infer them.</param>
    /// <param name="tableName">The table's name.</param>
    /// <returns>The table.</returns>
    public static Table ReadCsv(IReadOnlyList<byte[]> chunks, IReadOnlyDictionary<string, ColumnType>? types, string tableName)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var bytes = Concatenate(chunks);
        var options = new TableReadOptions { Delimiter = ',', TableName = tableName };
        if (types is { Count: > 0 })
        {
            using var header = new MemoryStream(bytes, writable: false);
            var columns = TableReader.ReadCsv(header, new TableReadOptions { Delimiter = ',', TableName = tableName, MaxRows = 0 }).ColumnNames.ToHashSet(StringComparer.Ordinal);
            var applicable = types.Where(t => columns.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            while (applicable.Count > 0)
            {
                try
                {
                    using var typed = new MemoryStream(bytes, writable: false);
                    return TableReader.ReadCsv(typed, new TableReadOptions { Delimiter = ',', TableName = tableName, Types = applicable });
                }
                catch (TableFormatException e) when (e.ColumnName is { } column && applicable.Remove(column))
                {
                    // Values that do not fit a declared type (e.g. avatars of an int column written as floats): infer that column.
                }
                catch (TableFormatException)
                {
                    break;
                }
            }
        }

        using var stream = new MemoryStream(bytes, writable: false);
        return TableReader.ReadCsv(stream, options);
    }

    private static byte[] Concatenate(IReadOnlyList<byte[]> chunks)
    {
        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        using var all = new MemoryStream();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var start = 0;
            if (i > 0)
            {
                // Later chunks repeat the header line: skip it.
                var newline = Array.IndexOf(chunk, (byte)'\n');
                start = newline < 0 ? chunk.Length : newline + 1;
            }

            if (all.Length > 0 && all.GetBuffer()[all.Length - 1] != (byte)'\n')
            {
                all.WriteByte((byte)'\n');
            }

            all.Write(chunk, start, chunk.Length - start);
        }

        return all.ToArray();
    }

    private static string TableNameOf(string fileName)
    {
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 ? "table" : ResultTableNames.Unescape(fileName[..dot]);
    }
}
