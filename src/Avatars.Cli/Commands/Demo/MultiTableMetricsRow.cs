using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Avatars.Cli.Commands.Demo;

/// <summary>
/// One row of the multi-table metrics table: a table evaluated in one way (<c>metadata.computation_type</c>:
/// standalone, to_top_enriched, to_bottom_id_propagated, …, against <c>metadata.reference</c>), with its privacy and
/// signal entries side by side.
/// </summary>
internal sealed record MultiTableMetricsRow(string Table, string ComputationType, string Reference, JsonObject? Privacy, JsonObject? Signal)
{
    /// <summary>Pairs a table's privacy and signal entries by computation type and reference, in the server's order.</summary>
    public static IEnumerable<MultiTableMetricsRow> Combine(string table, IReadOnlyList<JsonObject> privacy, IReadOnlyList<JsonObject> signal)
    {
        var keys = privacy.Concat(signal).Select(Key).Distinct().ToList();
        return keys.Select(key => new MultiTableMetricsRow(
            table,
            key.Type,
            key.Reference,
            privacy.FirstOrDefault(e => Key(e) == key),
            signal.FirstOrDefault(e => Key(e) == key)));
    }

    /// <summary>
    /// Prints two tables — privacy (hidden rate, local cloaking) and signal (Hellinger mean, correlation difference
    /// ratio) — with one row per table and computation type that has such metrics; narrow enough for 80 columns.
    /// </summary>
    public static void Print(IAnsiConsole console, IEnumerable<MultiTableMetricsRow> rows)
    {
        var all = rows.ToList();
        console.Write(Grid(
            "Privacy per table and computation type",
            ["Hidden rate (%)", "Local cloaking"],
            all.Where(r => r.Privacy is not null).Select(r => (r, new[] { Number(r.Privacy, "hidden_rate", "0.00"), Number(r.Privacy, "local_cloaking", "0.##") }))));
        console.Write(Grid(
            "Signal per table and computation type",
            ["Hellinger", "Corr. diff. (%)"],
            all.Where(r => r.Signal is not null).Select(r => (r, new[] { Number(r.Signal, "hellinger_mean", "0.####"), Number(r.Signal, "correlation_difference_ratio", "0.00") }))));
    }

    private static Spectre.Console.Table Grid(string title, string[] metrics, IEnumerable<(MultiTableMetricsRow Row, string[] Values)> rows)
    {
        var table = new Spectre.Console.Table().Title(title);
        table.AddColumn(new TableColumn("Table").NoWrap());
        table.AddColumn(new TableColumn("Computation type").NoWrap());
        table.AddColumn(new TableColumn("Reference").NoWrap());
        foreach (var metric in metrics)
        {
            table.AddColumn(new TableColumn(metric).RightAligned());
        }

        foreach (var (row, values) in rows)
        {
            table.AddRow([Markup.Escape(row.Table), Markup.Escape(row.ComputationType), Markup.Escape(row.Reference), .. values]);
        }

        return table;
    }

    private static (string Type, string Reference) Key(JsonObject entry)
    {
        var metadata = entry["metadata"];
        var type = metadata?["computation_type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : "standalone";
        var reference = metadata?["reference"] switch
        {
            null => "—",
            JsonValue v when v.TryGetValue<string>(out var name) => name,
            JsonNode other => other.ToJsonString(),
        };
        return (type, reference);
    }

    private static string Number(JsonObject? entry, string metric, string format) =>
        entry?[metric] is JsonValue value && value.TryGetValue<double>(out var number)
            ? number.ToString(format, CultureInfo.InvariantCulture)
            : "—";
}
