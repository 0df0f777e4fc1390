using System.Text.Json;
using Avatars.Config;
using Avatars.Engine.MultiTable.Pipeline;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>
/// The <c>standard</c> job of a multi-table schema (several tables, links, differential privacy or time series): the
/// engine's <see cref="MultiTableAvatarizer"/> (project design, docs/multi-table.md), then per table the shuffled and
/// unshuffled avatars with regenerated keys and the figures; <c>run_metadata.json</c> records how each link was made.
/// </summary>
internal static class MultiTableStandardRun
{
    private const double ReadEnd = 0.05;
    private const double AvatarizeEnd = 0.8;
    private const double FiguresEnd = 0.92;

    /// <summary>Runs the job.</summary>
    public static async Task RunAsync(JobRunContext context, AvatarParameters parameters, AvatarSchema schema, CancellationToken cancellationToken)
    {
        var spec = parameters.Spec;
        var progress = new JobProgress(context.Progress);
        var inputs = await MultiTableInputs.LoadAsync(context, schema, cancellationToken).ConfigureAwait(false);
        var seed = context.Job.Seed ?? spec.Seed;
        var sources = inputs.Tables.Select(t => MultiTableSettings.Source(t, inputs, spec)).ToList();
        progress.Report(ReadEnd);
        cancellationToken.ThrowIfCancellationRequested();

        var avatarizing = progress.Stage(ReadEnd, AvatarizeEnd);
        var result = await MultiTableAvatarizer.AvatarizeAsync(
                sources,
                inputs.Links,
                new MultiTableOptions { Seed = AvatarizationSettings.ToSeed(seed) },
                new CallbackProgress<MultiTableProgress>(p => avatarizing.Report(p.Fraction)),
                cancellationToken)
            .ConfigureAwait(false);
        progress.Report(AvatarizeEnd);

        var figures = new List<(string Table, List<HtmlFigure> Figures)>();
        // Figures plot the originals: none for time series (rebuilt) or differentially private tables.
        foreach (var table in inputs.Tables.Where(t => !inputs.IsTimeSeries(t.Name) && spec.AvatarizationDp?.ContainsKey(t.Name) != true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var avatars = result[table.Name];
            figures.Add((table.Name, await Task.Run(
                () => StandardJobRunner.BuildFigures(table.Data, avatars.Avatars, table.KeyColumns, spec.Results?.MaxDistributionPlots, avatars.Seed, cancellationToken),
                cancellationToken).ConfigureAwait(false)));
        }

        progress.Report(FiguresEnd);
        for (var order = 0; order < inputs.Tables.Count; order++)
        {
            var name = inputs.Tables[order].Name;
            await ResultOutput.WriteCsvAsync(context, ResultKeys.Shuffled, name, order, ResultFileNames.Shuffled(name), result[name].Avatars, cancellationToken).ConfigureAwait(false);
            await ResultOutput.WriteCsvAsync(context, ResultKeys.Unshuffled, name, order, ResultFileNames.Unshuffled(name), result[name].SensitiveUnshuffled, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (table, tableFigures) in figures)
        {
            var order = inputs.Tables.ToList().FindIndex(t => t.Name == table);
            foreach (var figure in tableFigures)
            {
                await ResultOutput.WriteTextAsync(context, ResultKeys.Figures, table, order, figure.FileName, figure.Html, cancellationToken).ConfigureAwait(false);
            }
        }

        await ResultOutput.WriteTextAsync(context, ResultKeys.FiguresMetadata, null, 0, ResultFileNames.FiguresMetadata, FiguresMetadata.Build(figures.SelectMany(f => FiguresMetadata.Entries(f.Table, f.Figures))), cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteRunMetadataAsync(context, seed, cancellationToken, writer => WriteMultiTable(writer, result)).ConfigureAwait(false);
        progress.Report(1);
    }

    /// <summary>The multi-table part of <c>run_metadata.json</c>: the design label, each link's method and each table's notes.</summary>
    private static void WriteMultiTable(Utf8JsonWriter writer, MultiTableResult result)
    {
        writer.WriteString("multi_table", "project design (docs/multi-table.md): enrichment, per-table avatarization, re-linking by assignment, new keys; not vendor parity");
        writer.WriteStartArray("links");
        foreach (var link in result.Links)
        {
            writer.WriteStartObject();
            writer.WriteString("parent_table", link.Link.ParentTable);
            writer.WriteString("child_table", link.Link.ChildTable);
            writer.WriteString("child_field", link.Link.ChildField);
            writer.WriteString("requested_method", WireValues.ToWire(MultiTableSettings.ToConfig(link.Link.Method)));
            writer.WriteString("method", WireValues.ToWire(MultiTableSettings.ToConfig(link.Method)));
            writer.WriteBoolean("fell_back", link.FellBack);
            writer.WriteNumber("total_distance", Math.Round(link.TotalDistance, 6));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("tables");
        foreach (var table in result.Tables)
        {
            writer.WriteStartObject(table.Name);
            writer.WriteBoolean("paired", table.Paired);
            writer.WriteStartArray("notes");
            foreach (var note in table.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
