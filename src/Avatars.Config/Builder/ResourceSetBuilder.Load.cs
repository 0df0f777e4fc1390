using Avatars.Data;

namespace Avatars.Config.Builder;

/// <summary>Loading a parsed resource set into the builder (the C# <c>from_yaml</c>, sdk.md §4.14).</summary>
public sealed partial class ResourceSetBuilder
{
    /// <summary>
    /// Adds the tables, links and parameters of a resource set (any Python <c>get_yaml()</c> output, 1.0.8 or 1.1x):
    /// <list type="bullet">
    /// <item>tables from the original schema (the one without <c>schema_ref</c>): keys and types from the column flags,
    /// untyped non-key columns skipped, <c>individual_level</c> kept; avatar files from <c>avatars_data.file</c>;</item>
    /// <item>every volume becomes <c>input</c> (file names kept; each moved file is returned), <c>AvatarVolume</c>
    /// documents and <c>results.volume</c> values are dropped;</item>
    /// <item>all links in order with their method, created after all tables;</item>
    /// <item>the <c>avatarization</c>, <c>avatarization_dp</c>, <c>time_series</c>, <c>privacy_metrics</c> and
    /// <c>signal_metrics</c> entries verbatim (later documents overwrite), the seed when the builder has none,
    /// the report type and format, <c>max_distribution_plots</c> and the PIA metadata.</item>
    /// </list>
    /// </summary>
    /// <returns>The files whose volume was not <c>input</c>, in table order.</returns>
    /// <exception cref="ArgumentException">The tables or links break the builder rules (§9.4 messages).</exception>
    public IReadOnlyList<RelocatedFile> Load(ResourceSet resourceSet)
    {
        ArgumentNullException.ThrowIfNull(resourceSet);
        var relocated = new List<RelocatedFile>();
        var schema = resourceSet.OfType<AvatarSchema>().FirstOrDefault(s => s.SchemaRef is null);
        var avatarized = resourceSet.OfType<AvatarSchema>().FirstOrDefault(s => s.SchemaRef is not null);
        var links = new List<(string Parent, TableLinkInfo Link)>();
        foreach (var table in schema?.Tables ?? [])
        {
            var avatarData = avatarized?.FindTable(table.Name)?.AvatarsData ?? table.AvatarsData;
            if (table.Data is { File: { } file } data && data.Volume != InputVolumeName)
            {
                relocated.Add(new RelocatedFile(table.Name, file, data.Volume, false));
            }

            var avatarFile = avatarData is { Auto: not true } ? avatarData.File : null;
            if (avatarFile is not null && avatarData!.Volume != InputVolumeName)
            {
                relocated.Add(new RelocatedFile(table.Name, avatarFile, avatarData.Volume, true));
            }

            CreateTable(Definition(table, avatarFile));
            links.AddRange((table.Links ?? []).Select(l => (table.Name, l)));
        }

        foreach (var (parent, link) in links)
        {
            CreateLink(parent, link.ToTable, link.Field, link.ToField, link.Method);
        }

        foreach (var document in resourceSet.OfType<ParametersDocument>())
        {
            LoadParameters(document.Spec);
        }

        if (resourceSet.OfType<AvatarReportParameters>().LastOrDefault() is { } report)
        {
            ReportType = report.ReportType;
            OutputFormat = report.OutputFormat ?? OutputFormat;
        }

        if (resourceSet.OfType<AvatarMetadata>().LastOrDefault() is { PiaMetadata: { } pia })
        {
            PiaMetadata = ModelCopy.Copy(pia);
        }

        return relocated;
    }

    private static TableDefinition Definition(TableInfo table, string? avatarFile)
    {
        var columns = table.Columns ?? [];
        var primaryKey = columns.FirstOrDefault(c => c.PrimaryKey == true)?.Field;
        var types = new OrderedDictionary<string, ColumnType>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.Type is { } type)
            {
                types.TryAdd(column.Field, type);
            }
        }

        return new TableDefinition
        {
            Name = table.Name,
            OriginalFile = table.Data?.File,
            AvatarFile = avatarFile,
            PrimaryKey = primaryKey,
            ForeignKeys = columns.Where(c => c.Identifier == true && c.PrimaryKey != true).Select(c => c.Field).ToList(),
            TimeSeriesTime = columns.FirstOrDefault(c => c.TimeSeriesTime == true)?.Field,
            Types = types,
            IndividualLevel = table.IndividualLevel,
        };
    }

    private void LoadParameters(ParametersSpec spec)
    {
        Load(spec.Avatarization, _avatarization, ModelCopy.Copy);
        Load(spec.AvatarizationDp, _avatarizationDp, ModelCopy.Copy);
        Load(spec.TimeSeries, _timeSeries, ModelCopy.Copy);
        foreach (var (table, entry) in spec.PrivacyMetrics ?? [])
        {
            Table(table);
            SetOrRemove(_privacyMetrics, table, Truthiness.AnyValue(entry) ? ModelCopy.Copy(entry) : null);
        }

        foreach (var (table, entry) in spec.SignalMetrics ?? [])
        {
            Table(table);
            SetOrRemove(_signalMetrics, table, Truthiness.AnyValue(entry) ? ModelCopy.Copy(entry) : null);
        }

        if (spec.Seed is { } seed && Seed is null)
        {
            Seed = seed;
        }

        if (spec.Results?.MaxDistributionPlots is { } plots)
        {
            MaxDistributionPlots = plots;
        }
    }

    private void Load<T>(OrderedDictionary<string, T>? source, OrderedDictionary<string, T> target, Func<T, T> copy)
    {
        foreach (var (table, entry) in source ?? [])
        {
            Table(table);
            target[table] = copy(entry);
        }
    }
}
