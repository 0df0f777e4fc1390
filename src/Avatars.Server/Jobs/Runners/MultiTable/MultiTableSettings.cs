using Avatars.Config;
using Avatars.Engine.MultiTable.Pipeline;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>Maps the YAML parameters of each table of a multi-table schema to the engine's pipeline settings.</summary>
internal static class MultiTableSettings
{
    /// <summary>The pipeline's view of a table: keys and how it is avatarized (none for a time-series child).</summary>
    public static MultiTableSource Source(SchemaTable table, MultiTableInputs inputs, ParametersSpec spec)
    {
        var name = table.Name;
        TableAvatarization? avatarization = null;
        if (!inputs.IsTimeSeries(name))
        {
            var standard = spec.Avatarization?.GetValueOrDefault(name);
            if (standard?.DataAugmentation is not null)
            {
                throw new JobFailedException($"data_augmentation (table \"{name}\") is not available in this version of the server: remove it");
            }

            avatarization = standard is not null
                ? new StandardTableAvatarization(AvatarizationSettings.ToOptions(standard, name, table.KeyColumns, seed: null))
                : throw new JobFailedException($"spec.avatarization has no entry for table \"{name}\": add avatarization.{name}.k");
        }
        else if (spec.Avatarization?.ContainsKey(name) == true || spec.AvatarizationDp?.ContainsKey(name) == true)
        {
            var parent = inputs.Links.First(l => l.ChildTable == name).ParentTable;
            throw new JobFailedException(
                $"table \"{name}\" is a time series of table \"{parent}\": it is rebuilt from the avatars of \"{parent}\", so it takes no k or epsilon; remove avatarization.{name} and give time_series.{name} instead");
        }

        return new MultiTableSource(table.Data, name, table.PrimaryKey, table.ForeignKeys, avatarization, table.TimeColumn);
    }

    /// <summary>The YAML link method of an engine one.</summary>
    public static LinkMethod ToConfig(MultiTableLinkMethod method) => method switch
    {
        MultiTableLinkMethod.MinimumDistanceAssignment => LinkMethod.MinimumDistanceAssignment,
        MultiTableLinkMethod.SensitiveOriginalOrderAssignment => LinkMethod.SensitiveOriginalOrderAssignment,
        MultiTableLinkMethod.TimeSeries => LinkMethod.TimeSeries,
        _ => LinkMethod.LinearSumAssignment,
    };
}
