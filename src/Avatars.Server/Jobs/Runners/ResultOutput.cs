using System.Text;
using System.Text.Json;
using Avatars.Data;
using Avatars.Engine.Projection;
using Avatars.Server.Hosting;

namespace Avatars.Server.Jobs.Runners;

/// <summary>Writes the result files shared by the runners: CSV tables, text files and <c>run_metadata.json</c>.</summary>
internal static class ResultOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a table as CSV (api.md §19.1: UTF-8, comma, header, shortest round-trip numbers).</summary>
    public static Task WriteCsvAsync(JobRunContext context, string resultKey, string tableName, int tableOrder, string fileName, Table table, CancellationToken cancellationToken) =>
        context.Results.WriteAsync(resultKey, tableName, tableOrder, fileName, (stream, ct) => TableWriter.WriteCsvAsync(table, stream, ct), cancellationToken);

    /// <summary>Writes UTF-8 text (JSON, HTML).</summary>
    public static Task WriteTextAsync(JobRunContext context, string resultKey, string? tableName, int tableOrder, string fileName, string text, CancellationToken cancellationToken) =>
        WriteBytesAsync(context, resultKey, tableName, tableOrder, fileName, Utf8.GetBytes(text), cancellationToken);

    /// <summary>Writes bytes (PDF).</summary>
    public static Task WriteBytesAsync(JobRunContext context, string resultKey, string? tableName, int tableOrder, string fileName, byte[] content, CancellationToken cancellationToken) =>
        context.Results.WriteAsync(resultKey, tableName, tableOrder, fileName, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken);

    /// <summary>Coordinates as a table with one float column per component, named as saiph does (<c>Dim. 1</c>, …).</summary>
    public static Table ProjectionTable(Coordinates coordinates, string tableName)
    {
        var columns = new List<Column>(coordinates.Columns);
        for (var k = 0; k < coordinates.Columns; k++)
        {
            var values = new double[coordinates.Rows];
            for (var i = 0; i < coordinates.Rows; i++)
            {
                values[i] = coordinates[i, k];
            }

            columns.Add(new FloatColumn($"Dim. {k + 1}", values));
        }

        return new Table(columns, tableName);
    }

    /// <summary>
    /// Writes <c>run_metadata.json</c>: <c>{"job_name", "kind", "created_at", "started_at", "finished_at",
    /// "server_version", "seed"}</c>. <c>finished_at</c> is the time the results were complete (the job's own end is
    /// recorded by the scheduler just after); <c>seed</c> is the seed the user fixed, null when it was random.
    /// <paramref name="extra"/> writes further properties (multi-table links and notes) after these.
    /// </summary>
    public static Task WriteRunMetadataAsync(JobRunContext context, long? seed, CancellationToken cancellationToken, Action<Utf8JsonWriter>? extra = null)
    {
        var job = context.Job;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("job_name", job.Name.ToString("D"));
            writer.WriteString("kind", context.Kind.ToWire());
            writer.WriteString("created_at", Utc(job.CreatedAt));
            WriteTime(writer, "started_at", job.StartedAt ?? DateTime.UtcNow);
            WriteTime(writer, "finished_at", DateTime.UtcNow);
            writer.WriteString("server_version", ServerInstance.ApiVersion);
            if (seed is { } s)
            {
                writer.WriteNumber("seed", s);
            }
            else
            {
                writer.WriteNull("seed");
            }

            extra?.Invoke(writer);

            writer.WriteEndObject();
        }

        return WriteBytesAsync(context, ResultKeys.RunMetadata, null, 0, ResultFileNames.RunMetadata, buffer.ToArray(), cancellationToken);
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime time) => writer.WriteString(name, Utc(time));

    private static string Utc(DateTime time) =>
        DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
