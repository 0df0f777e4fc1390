using Avatars.Config;
using Avatars.Config.Builder;
using Avatars.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avatars.Client;

/// <summary>
/// The local, network-free state of a runner (sdk.md §4.1, §4.3–§4.7, §4.14): tables, links, per-table parameters,
/// seed and report settings, kept in a <see cref="ResourceSetBuilder"/> (the vendor's <c>runner.config</c>).
/// The HTTP-side <c>Runner</c> owns one and delegates its local methods to it. Not thread-safe.
/// </summary>
public sealed partial class RunnerConfiguration
{
    private readonly ILogger _logger;

    /// <summary>Creates an empty configuration.</summary>
    /// <param name="displayName">The resource set's display name: 1–255 characters, no <c>/</c>, no control characters.</param>
    /// <param name="seed">The runner seed (written when truthy).</param>
    /// <param name="logger">Receives the <see cref="FromYaml"/> warnings (category <c>Avatars.Client.Runner</c> by convention).</param>
    /// <exception cref="ArgumentException">The display name is invalid.</exception>
    public RunnerConfiguration(string displayName, int? seed = null, ILogger? logger = null)
    {
        ValidateDisplayName(displayName);
        DisplayName = displayName;
        _logger = logger ?? NullLogger.Instance;
        Config = new ResourceSetBuilder(displayName, seed) { ClientVersion = ClientVersion };
    }

    /// <summary>The version written in the <c>client_version</c> annotation: this SDK's version.</summary>
    public static string ClientVersion { get; } = ReadClientVersion();

    /// <summary>The display name (the <c>PUT /resources/{display_name}</c> path segment and <c>AvatarMetadata</c> name).</summary>
    public string DisplayName { get; }

    /// <summary>The resource-set builder holding the state (the vendor's <c>config</c>).</summary>
    public ResourceSetBuilder Config { get; }

    /// <summary>The runner seed; written in the parameters documents when truthy.</summary>
    public long? Seed
    {
        get => Config.Seed;
        set => Config.Seed = value;
    }

    /// <summary>The report type (basic by default; the project API serves basic only).</summary>
    public ReportType ReportType
    {
        get => Config.ReportType;
        set => Config.ReportType = value;
    }

    /// <summary>The report output format (<c>pdf</c> by default).</summary>
    public OutputFormat ReportOutputFormat
    {
        get => Config.OutputFormat;
        set => Config.OutputFormat = value;
    }

    /// <summary><c>max_distribution_plots</c> of the standard job (1.1x), omitted when null.</summary>
    public int? MaxDistributionPlots
    {
        get => Config.MaxDistributionPlots;
        set => Config.MaxDistributionPlots = value;
    }

    /// <summary>The tables, in creation order.</summary>
    public IReadOnlyList<string> TableNames => Config.TableNames;

    /// <summary>True when the table was added (or loaded).</summary>
    public bool HasTable(string tableName) => Config.HasTable(tableName);

    /// <summary>Checks a display name: 1–255 characters, no <c>/</c>, no control characters.</summary>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    public static void ValidateDisplayName(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        if (displayName.Length is 0 or > 255 || displayName.Contains('/', StringComparison.Ordinal) || displayName.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"Expected a display name of 1 to 255 characters without '/' or control characters, got '{displayName}'.",
                nameof(displayName));
        }
    }

    /// <summary>
    /// Checks the key columns of a table with the avatar_yaml messages; the HTTP runner calls it before uploading
    /// (Python validates after the upload, sdk.md §17 #30).
    /// </summary>
    /// <exception cref="ArgumentException">The keys overlap.</exception>
    public static void ValidateTableKeys(string tableName, string? primaryKey, IReadOnlyList<string>? foreignKeys, string? timeSeriesTime) =>
        new TableDefinition { Name = tableName, PrimaryKey = primaryKey, ForeignKeys = foreignKeys, TimeSeriesTime = timeSeriesTime }.Validate();

    /// <summary>
    /// The local part of <c>add_table</c> (sdk.md §4.3 step 4): records the uploaded file names, keys and types.
    /// Re-adding a table name replaces its entry.
    /// </summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="file">The uploaded original file, e.g. <c>iris.csv</c> (volume <c>input</c>).</param>
    /// <param name="avatarFile">The uploaded avatar file (<c>&lt;t&gt;_avatars&lt;ext&gt;</c>), or null for avatars produced by the standard job.</param>
    /// <param name="primaryKey">The primary-key column.</param>
    /// <param name="foreignKeys">The foreign-key columns.</param>
    /// <param name="timeSeriesTime">The time column of a time-series table.</param>
    /// <param name="types">Column types, in column order (use an ordered dictionary).</param>
    /// <param name="individualLevel">Whether a row is an individual.</param>
    /// <exception cref="ArgumentException">The keys overlap (avatar_yaml messages).</exception>
    public void AddTable(
        string tableName, string file, string? avatarFile = null, string? primaryKey = null,
        IReadOnlyList<string>? foreignKeys = null, string? timeSeriesTime = null,
        IReadOnlyDictionary<string, ColumnType>? types = null, bool? individualLevel = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        Config.CreateTable(new TableDefinition
        {
            Name = tableName,
            OriginalFile = file,
            AvatarFile = avatarFile,
            PrimaryKey = primaryKey,
            ForeignKeys = foreignKeys,
            TimeSeriesTime = timeSeriesTime,
            Types = types,
            IndividualLevel = individualLevel,
        });
    }

    /// <summary><c>add_link</c>: links the parent's primary key to a foreign key of the child (appended to the parent).</summary>
    /// <exception cref="ArgumentException">A table is unknown, or the fields are not the parent's primary key / a child identifier.</exception>
    public void AddLink(string parentTableName, string parentField, string childTableName, string childField, LinkMethod method = LinkMethod.LinearSumAssignment) =>
        Config.CreateLink(parentTableName, childTableName, parentField, childField, method);

    /// <summary><c>delete_link</c>: removes the first link of the parent to the child (nothing when there is none).</summary>
    /// <exception cref="ArgumentException">The parent table is unknown.</exception>
    public void DeleteLink(string parentTableName, string childTableName) => Config.DeleteLink(parentTableName, childTableName);

    /// <summary><c>delete_table</c>: removes the table, its avatar table, its parameters and the links pointing to it.</summary>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void DeleteTable(string tableName) => Config.DeleteTable(tableName);

    /// <summary>
    /// <c>delete_parameters</c>: without names, removes the table from the five parameter sections (avatarization
    /// included, fix of sdk.md §17 #10); with names (avatar_yaml field names such as <c>k</c>, <c>ncp</c>,
    /// <c>imputation</c>, <c>epsilon</c>, <c>projection</c>), clears them on whichever entry carries them.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown or a name is not a parameter field.</exception>
    public void DeleteParameters(string tableName, IEnumerable<string>? parameterNames = null)
    {
        EnsureTable(tableName);
        if (parameterNames is null)
        {
            Config.DeleteParameters(tableName);
        }
        else
        {
            Config.DeleteParameterFields(tableName, parameterNames);
        }
    }

    /// <summary>
    /// <c>set_parameters</c> (sdk.md §4.5): replaces every parameter of the table. k → <c>avatarization</c>, else
    /// dp_epsilon → <c>avatarization_dp</c>; time-series values → <c>time_series</c>; privacy and signal entries are
    /// always re-derived (they exist only when one of their values is truthy).
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown, or k and dp_epsilon are both set (vendor messages).</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or dp_epsilon ≤ 0.</exception>
    public void SetParameters(string tableName, TableParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        EnsureTable(tableName);
        parameters.Validate();
        var p = parameters;
        Config.DeleteParameters(tableName);
        if (p.K is { } k)
        {
            Config.CreateAvatarizationParameters(
                tableName, k, p.Ncp, p.UseCategoricalReduction, p.ColumnWeights, p.ExcludeVariableNames, p.ExcludeReplacementStrategy,
                p.ImputationMethod, p.ImputationK, p.ImputationTrainingFraction, p.ImputationReturnDataImputed);
        }
        else if (p.DpEpsilon is { } epsilon)
        {
            Config.CreateAvatarizationDpParameters(
                tableName, epsilon, p.DpPreprocessBudgetRatio is 0 ? null : p.DpPreprocessBudgetRatio, p.Ncp, p.UseCategoricalReduction,
                p.ColumnWeights, p.ExcludeVariableNames, p.ExcludeReplacementStrategy,
                p.ImputationMethod, p.ImputationK, p.ImputationTrainingFraction, p.ImputationReturnDataImputed,
                p.DpBounds?.Select(b => KeyValuePair.Create(b.Key, new ColumnValueBounds(Number(b.Value.Lower), Number(b.Value.Upper)))));
        }

        if (p.HasTimeSeries)
        {
            Config.CreateTimeSeriesParameters(tableName, p.TimeSeriesNf, p.TimeSeriesProjectionType, p.TimeSeriesNbPoints, p.TimeSeriesMethod);
        }

        Config.CreatePrivacyMetricsParameters(
            tableName, p.Ncp, p.UseCategoricalReduction, p.ImputationMethod, p.ImputationK, p.ImputationTrainingFraction,
            p.KnownVariables, p.Target, p.ClosestRatePercentageThreshold, p.ClosestRateRatioThreshold,
            p.CategoricalHiddenRateVariables, p.QuantileThreshold, p.ImputationReturnDataImputed);
        Config.CreateSignalMetricsParameters(
            tableName, p.Ncp, p.UseCategoricalReduction, p.ImputationMethod, p.ImputationK, p.ImputationTrainingFraction,
            p.ImputationReturnDataImputed);
    }

    /// <summary>
    /// <c>update_parameters</c> (sdk.md §4.6): the current parameters (<see cref="ExtractCurrentParameters"/>) go
    /// through <paramref name="update"/> (e.g. <c>p =&gt; p with { K = null, DpEpsilon = 3 }</c>) and are set again.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unknown, or the result is invalid (as <see cref="SetParameters"/>).</exception>
    public void UpdateParameters(string tableName, Func<TableParameters, TableParameters> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        EnsureTable(tableName);
        SetParameters(tableName, update(ExtractCurrentParameters(tableName)));
    }

    /// <summary><c>get_yaml</c>: the resource set, also written (UTF-8) to <paramref name="path"/> when given.</summary>
    public string GetYaml(string? path = null)
    {
        var yaml = Config.GetYaml();
        if (path is not null)
        {
            File.WriteAllText(path, yaml);
        }

        return yaml;
    }

    /// <summary>The resource set with the <c>advice_parameters</c> document, for advice uploads (sdk.md §4.12).</summary>
    public string GetAdviceYaml() => Config.GetYaml(includeAdvice: true);

    /// <summary>An integral value as a YAML integer (<c>18</c>, not <c>18.0</c>), any other as a float.</summary>
    private static ConfigNumber Number(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Floor(value) ? ConfigNumber.FromInt64((long)value) : ConfigNumber.FromDouble(value);

    private void EnsureTable(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!Config.HasTable(tableName))
        {
            throw new ArgumentException($"Expected table `{tableName}` to be created before setting parameters");
        }
    }

    private static string ReadClientVersion()
    {
        var version = typeof(RunnerConfiguration).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
