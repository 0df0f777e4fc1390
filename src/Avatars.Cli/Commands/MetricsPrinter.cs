using System.Globalization;
using Avatars.Engine.Reporting.Evaluation;
using Avatars.Engine.Reporting.Report;
using Spectre.Console;

namespace Avatars.Cli.Commands;

/// <summary>Prints the metric table (value, target, pass/fail) of an evaluation.</summary>
internal static class MetricsPrinter
{
    public static void Print(IAnsiConsole console, AvatarEvaluation evaluation) =>
        Print(console, evaluation.Metrics(), "Privacy and signal metrics");

    public static void Print(IAnsiConsole console, IReadOnlyList<ReportMetric> metrics, string title)
    {
        var table = new Spectre.Console.Table().Title(title).AddColumns("Group", "Metric", "Value", "Target", "Status");
        foreach (var metric in metrics)
        {
            table.AddRow(
                metric.Group,
                Markup.Escape(metric.DisplayName),
                Format(metric.Value, metric.Unit),
                metric.Target.Length == 0 ? "—" : Markup.Escape(metric.Target),
                metric.Value is null ? "[grey]not computed[/]" : metric.Passed switch { true => "[green]pass[/]", false => "[red]misses target[/]", null => "[grey]no target[/]" });
        }

        console.Write(table);
        var notComputed = metrics.Where(m => m.Value is null).Select(m => m.Key).ToList();
        if (notComputed.Count > 0)
        {
            console.MarkupLine($"[grey]Not computed: {Markup.Escape(string.Join(", ", notComputed))} (paired metrics need unshuffled avatars; inference and correlation protection need known variables and a target; categorical hidden rate needs its variables).[/]");
        }
    }

    private static string Format(double? value, string unit)
    {
        if (value is null)
        {
            return "—";
        }

        var text = value.Value.ToString(unit == "%" ? "0.00" : "0.###", CultureInfo.InvariantCulture);
        return unit.Length > 0 ? $"{text} {unit}" : text;
    }
}
