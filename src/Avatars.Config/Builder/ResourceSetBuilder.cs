using System.Reflection;

namespace Avatars.Config.Builder;

/// <summary>
/// Builds a resource set from a runner's local state, the C# counterpart of avatar_yaml's <c>Config</c>
/// (sdk.md §9.2–§9.4): tables and links, per-table parameter entries, seed and report settings.
/// Documents are rebuilt from scratch by every <see cref="Build"/> (avatar_yaml froze the schema at the first
/// <c>get_yaml()</c>, sdk.md §17 #22). Writes for the project API: an <c>AvatarMetadata</c> document, no
/// <c>AvatarVolume</c>, <c>results.volume: results</c> (sdk.md §0.2). Not thread-safe.
/// </summary>
public sealed partial class ResourceSetBuilder
{
    /// <summary>The volume the project API resolves to the caller's upload area.</summary>
    public const string InputVolumeName = "input";

    /// <summary>The results volume written in every <c>results</c> (accepted and ignored by the project API).</summary>
    public const string ResultsVolumeName = "results";

    /// <summary>Name of the original schema.</summary>
    public const string SchemaName = "schema";

    /// <summary>Name of the avatarized schema.</summary>
    public const string AvatarizedSchemaName = "schema_avatarized";

    /// <summary>Name of the <c>AvatarParameters</c> document (and of the <c>standard</c> job).</summary>
    public const string StandardName = "standard";

    /// <summary>Name of the <c>AvatarPrivacyMetricsParameters</c> document.</summary>
    public const string PrivacyMetricsName = "privacy_metrics";

    /// <summary>Name of the <c>AvatarSignalMetricsParameters</c> document.</summary>
    public const string SignalMetricsName = "signal_metrics";

    /// <summary>Name of the basic report document.</summary>
    public const string ReportName = "report";

    /// <summary>Name of the PIA report document.</summary>
    public const string PiaReportName = "report_pia";

    /// <summary>Name of the advice document (1.14+ scheme, sdk.md §4.12).</summary>
    public const string AdviceName = "advice_parameters";

    private readonly OrderedDictionary<string, TableEntry> _tables = new(StringComparer.Ordinal);

    /// <summary>Creates an empty builder.</summary>
    /// <param name="displayName">The resource set's display name (<c>AvatarMetadata</c>); no metadata document when null.</param>
    /// <param name="seed">The seed written in the parameters documents when truthy.</param>
    public ResourceSetBuilder(string? displayName = null, long? seed = null)
    {
        DisplayName = displayName;
        Seed = seed;
    }

    /// <summary>The display name written in <c>AvatarMetadata</c> (<c>avatar-metadata-&lt;name&gt;</c>); no metadata document when null.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The <c>client_type</c> annotation.</summary>
    public string ClientType { get; set; } = "dotnet";

    /// <summary>The <c>client_version</c> annotation (default: this library's version).</summary>
    public string ClientVersion { get; set; } = DefaultClientVersion();

    /// <summary><c>spec.pia_metadata</c> of <c>AvatarMetadata</c> (kept from a loaded 1.12+ YAML), omitted when null.</summary>
    public PiaMetadata? PiaMetadata { get; set; }

    /// <summary>The seed, written in the three parameters documents when truthy (not null, not 0).</summary>
    public long? Seed { get; set; }

    /// <summary>The report type (<c>report</c> document for basic, <c>report_pia</c> for PIA).</summary>
    public ReportType ReportType { get; set; } = ReportType.Basic;

    /// <summary>The report's <c>output_format</c>.</summary>
    public OutputFormat OutputFormat { get; set; } = OutputFormat.Pdf;

    /// <summary><c>results.max_distribution_plots</c> of the standard document (1.1x), omitted when null.</summary>
    public int? MaxDistributionPlots { get; set; }

    /// <summary>The table names, in creation order.</summary>
    public IReadOnlyList<string> TableNames => _tables.Keys.ToList();

    /// <summary>True when the table exists.</summary>
    public bool HasTable(string tableName) => _tables.ContainsKey(tableName);

    /// <summary>A copy of the table's original-schema entry (columns and links), or null.</summary>
    public TableInfo? GetTable(string tableName) =>
        _tables.TryGetValue(tableName, out var t) ? ModelCopy.Copy(t.Info) : null;

    /// <summary>A copy of the table's avatar location (<c>avatars_data</c>), or null for <c>auto: true</c>.</summary>
    public DataLocation? GetAvatarData(string tableName) =>
        _tables.TryGetValue(tableName, out var t) ? ModelCopy.Copy(t.AvatarsData) : null;

    /// <summary>
    /// <c>create_table</c>: records a table; re-creating a name replaces its entry in place (its links are dropped, as in avatar_yaml).
    /// </summary>
    /// <exception cref="ArgumentException">The key columns overlap (avatar_yaml messages, sdk.md §9.4).</exception>
    public void CreateTable(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        var avatars = table.AvatarFile is null
            ? null
            : new DataLocation { Volume = table.AvatarVolume ?? InputVolumeName, File = table.AvatarFile };
        _tables[table.Name] = new TableEntry(table.ToTableInfo(), avatars);
    }

    /// <summary>
    /// <c>create_link</c>: appends a link to the parent table's <c>links</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A table is unknown, the parent field is not its primary key, or the child field is not one of its identifiers.</exception>
    public void CreateLink(string parentTableName, string childTableName, string parentField, string childField, LinkMethod method = LinkMethod.LinearSumAssignment)
    {
        var parent = Table(parentTableName);
        var child = Table(childTableName);
        if (parent.Info.Columns?.Any(c => c.Field == parentField && c.PrimaryKey == true) != true)
        {
            throw new ArgumentException($"Expected field `{parentField}` to be the primary key of the table `{parentTableName}`");
        }

        if (child.Info.Columns?.Any(c => c.Field == childField && c.Identifier == true) != true)
        {
            throw new ArgumentException($"Expected field `{childField}` to be an identifier in table `{childTableName}`");
        }

        parent.Info.Links ??= [];
        parent.Info.Links.Add(new TableLinkInfo { Field = parentField, ToTable = childTableName, ToField = childField, Method = method });
    }

    /// <summary><c>delete_link</c>: removes the first link of the parent to the child; false when there is none.</summary>
    /// <exception cref="ArgumentException">The parent table is unknown.</exception>
    public bool DeleteLink(string parentTableName, string childTableName)
    {
        var links = Table(parentTableName).Info.Links;
        var index = links?.FindIndex(l => l.ToTable == childTableName) ?? -1;
        if (index < 0)
        {
            return false;
        }

        links!.RemoveAt(index);
        return true;
    }

    /// <summary>
    /// <c>delete_table</c>: removes the table, its avatar table, all its parameter entries and (fix, sdk.md §17 #30)
    /// the links of other tables that point to it.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void DeleteTable(string tableName)
    {
        Table(tableName);
        _tables.Remove(tableName);
        DeleteParameters(tableName);
        foreach (var other in _tables.Values)
        {
            other.Info.Links?.RemoveAll(l => l.ToTable == tableName);
        }
    }

    /// <summary>The resource set as serialized by <see cref="GetYaml"/> (a fresh copy: mutating it does not change the builder).</summary>
    /// <param name="includeAdvice">Adds the <c>advice_parameters</c> document (advice uploads only, sdk.md §4.12).</param>
    public ResourceSet Build(bool includeAdvice = false)
    {
        var set = new ResourceSet();
        if (DisplayName is not null)
        {
            set.Documents.Add(new AvatarMetadata
            {
                Name = "avatar-metadata-" + DisplayName,
                DisplayName = DisplayName,
                PiaMetadata = ModelCopy.Copy(PiaMetadata),
                Annotations = new OrderedDictionary<string, string> { ["client_type"] = ClientType, ["client_version"] = ClientVersion },
            });
        }

        var schema = new AvatarSchema { Name = SchemaName, Tables = _tables.Values.Select(t => ModelCopy.Copy(t.Info)).ToList() };
        foreach (var table in schema.Tables.Where(t => t.Links is { Count: 0 }))
        {
            table.Links = null; // a deleted last link leaves no empty list behind
        }

        set.Documents.Add(schema);
        set.Documents.Add(new AvatarSchema
        {
            Name = AvatarizedSchemaName,
            SchemaRef = SchemaName,
            Tables = _tables.Values.Select(t => new TableInfo
            {
                Name = t.Info.Name,
                AvatarsData = ModelCopy.Copy(t.AvatarsData) ?? new DataLocation { Auto = true },
            }).ToList(),
        });
        if (includeAdvice)
        {
            set.Documents.Add(new AvatarAdviceParameters
            {
                Name = AdviceName,
                Schema = SchemaName,
                AdvisorType = [AdviceType.Parameters],
                Results = new ResultsConfig { Volume = ResultsVolumeName, Path = "advice" },
            });
        }

        var seed = Seed is { } s and not 0 ? s : (long?)null;
        var hasStandard = _avatarization.Count > 0 || _avatarizationDp.Count > 0 || _timeSeries.Count > 0;
        if (hasStandard)
        {
            set.Documents.Add(new AvatarParameters
            {
                Name = StandardName,
                Spec = new ParametersSpec
                {
                    Schema = SchemaName,
                    Avatarization = ModelCopy.CopySection(_avatarization, ModelCopy.Copy),
                    AvatarizationDp = ModelCopy.CopySection(_avatarizationDp, ModelCopy.Copy),
                    TimeSeries = ModelCopy.CopySection(_timeSeries, ModelCopy.Copy),
                    Results = new ResultsConfig { Volume = ResultsVolumeName, Path = StandardName, MaxDistributionPlots = MaxDistributionPlots },
                    Seed = seed,
                },
            });
        }

        if (_tables.Count > 0)
        {
            // Metrics are emitted whenever tables exist, so that metrics-only runs (user avatars) work.
            var privacy = MetricsSpec(hasStandard, seed, PrivacyMetricsName);
            privacy.PrivacyMetrics = ModelCopy.CopySection(_privacyMetrics, ModelCopy.Copy);
            set.Documents.Add(new AvatarPrivacyMetricsParameters { Name = PrivacyMetricsName, Spec = privacy });
            var signal = MetricsSpec(hasStandard, seed, SignalMetricsName);
            signal.SignalMetrics = ModelCopy.CopySection(_signalMetrics, ModelCopy.Copy);
            set.Documents.Add(new AvatarSignalMetricsParameters { Name = SignalMetricsName, Spec = signal });
        }

        var reportName = ReportType == ReportType.Pia ? PiaReportName : ReportName;
        set.Documents.Add(new AvatarReportParameters
        {
            Name = reportName,
            ReportType = ReportType,
            OutputFormat = OutputFormat,
            Results = new ResultsConfig { Volume = ResultsVolumeName, Path = reportName },
        });
        return set;
    }

    /// <summary>The YAML of <see cref="Build"/>, in the vendor's style (<see cref="ResourceSetYaml.Serialize(ResourceSet)"/>).</summary>
    /// <param name="includeAdvice">Adds the <c>advice_parameters</c> document.</param>
    public string GetYaml(bool includeAdvice = false) => ResourceSetYaml.Serialize(Build(includeAdvice));

    private static ParametersSpec MetricsSpec(bool hasStandard, long? seed, string path) => new()
    {
        Schema = AvatarizedSchemaName,
        AvatarizationRef = hasStandard ? StandardName : null,
        Results = new ResultsConfig { Volume = ResultsVolumeName, Path = path },
        Seed = seed,
    };

    private static string DefaultClientVersion()
    {
        var version = typeof(ResourceSetBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private TableEntry Table(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        return _tables.TryGetValue(tableName, out var entry) ? entry : throw new ArgumentException(NotCreatedMessage(tableName));
    }

    /// <summary>avatar_yaml's message for an unknown table.</summary>
    internal static string NotCreatedMessage(string tableName) => $"Expected table `{tableName}` to be created before setting parameters";

    /// <summary>A table of the original schema and its avatar location (null = <c>auto: true</c>).</summary>
    private sealed record TableEntry(TableInfo Info, DataLocation? AvatarsData);
}
