using System.Diagnostics;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Config;
using Avatars.Config.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avatars.Client;

/// <summary>
/// The data scientist's workflow (Python <c>Runner</c>, sdk.md §4): add tables, set parameters, run the jobs, read the
/// results. The local state lives in <see cref="Configuration"/>; this class adds the HTTP side (uploads, resource
/// set, jobs, polling, result download, parsing and caching). Not thread-safe: use one runner per flow.
/// </summary>
public sealed partial class Runner
{
    private readonly IAvatarsApiClient _client;
    private readonly ILogger _logger;
    private readonly OrderedDictionary<JobKind, JobCreateResponse> _jobs = [];

    /// <summary>Creates a runner (no network call).</summary>
    /// <param name="client">The API client (the manager's, or a fake in tests).</param>
    /// <param name="displayName">The resource set's display name: 1–255 characters, no <c>/</c>, no control characters.</param>
    /// <param name="seed">The runner seed (written in the parameters documents when set).</param>
    /// <param name="logger">Logging (category <c>Avatars.Client.Runner</c> by convention), or null.</param>
    /// <exception cref="ArgumentException">The display name is invalid.</exception>
    public Runner(IAvatarsApiClient client, string displayName, int? seed = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = logger ?? NullLogger.Instance;
        Configuration = new RunnerConfiguration(displayName, seed, _logger);
        Downloader = new ResultFileDownloader(client);
    }

    /// <summary>The display name given to <c>CreateRunner</c> (the <c>PUT /resources/{display_name}</c> segment).</summary>
    public string DisplayName => Configuration.DisplayName;

    /// <summary>The set id returned by the latest <c>PUT /resources</c> (null before the first run or advice); sent in <c>POST /jobs</c>.</summary>
    public string? SetName { get; private set; }

    /// <summary>The local state: tables, links, parameters (network-free).</summary>
    public RunnerConfiguration Configuration { get; }

    /// <summary>The resource-set builder (the vendor's <c>runner.config</c>).</summary>
    public ResourceSetBuilder Config => Configuration.Config;

    /// <summary>The jobs launched by this runner, in creation order; a re-run replaces the entry of its kind.</summary>
    public IReadOnlyDictionary<JobKind, JobCreateResponse> Jobs => _jobs;

    /// <summary>The parsed results downloaded so far (filled lazily by the result accessors).</summary>
    public ResultsOrganizer Results { get; } = new();

    /// <summary>Receives job progress while the runner waits for jobs (e.g. <see cref="ConsoleJobProgress"/>); null for none.</summary>
    public IProgress<JobProgress>? Progress { get; set; }

    /// <summary>Where <see cref="RenderPlotAsync"/> writes figures opened in a browser (default: the current directory).</summary>
    public string? PlotDirectory { get; set; }

    /// <summary>Downloads and parses result files.</summary>
    internal ResultFileDownloader Downloader { get; }

    /// <summary>Opens a written figure (default: the system's browser); tests replace it.</summary>
    internal Action<string> BrowserLauncher { get; set; } = static path =>
        Process.Start(new ProcessStartInfo(path) { UseShellExecute = true })?.Dispose();

    /// <summary><c>add_link</c>: links the parent's primary key to a foreign key of the child.</summary>
    /// <param name="parentTableName">The parent table.</param>
    /// <param name="parentField">Its primary key.</param>
    /// <param name="childTableName">The child table.</param>
    /// <param name="childField">Its foreign key.</param>
    /// <param name="method">The linking method.</param>
    /// <exception cref="ArgumentException">A table is unknown, or the fields are not the parent's primary key / a child identifier.</exception>
    public void AddLink(string parentTableName, string parentField, string childTableName, string childField, LinkMethod method = LinkMethod.LinearSumAssignment) =>
        Configuration.AddLink(parentTableName, parentField, childTableName, childField, method);

    /// <summary><c>set_parameters</c> (sdk.md §4.5): replaces every parameter of the table.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="parameters">The parameters.</param>
    /// <exception cref="ArgumentException">The table is unknown, or k and dp_epsilon are both set (vendor messages).</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or dp_epsilon ≤ 0.</exception>
    public void SetParameters(string tableName, TableParameters parameters) => Configuration.SetParameters(tableName, parameters);

    /// <summary>
    /// <c>set_parameters</c> with the vendor's keyword arguments (<c>runner.SetParameters("iris", k: 20)</c>);
    /// see <see cref="TableParameters"/> for each value.
    /// </summary>
    /// <param name="tableName">The table.</param>
    /// <param name="k">Number of neighbours (exclusive with <paramref name="dpEpsilon"/>).</param>
    /// <param name="ncp">Projection components.</param>
    /// <param name="useCategoricalReduction">Categorical reduction.</param>
    /// <param name="columnWeights">Column weights.</param>
    /// <param name="excludeVariableNames">Excluded variables.</param>
    /// <param name="excludeReplacementStrategy">How excluded variables are put back.</param>
    /// <param name="imputationMethod">Imputation method.</param>
    /// <param name="imputationK">Imputation k.</param>
    /// <param name="imputationTrainingFraction">Imputation training fraction.</param>
    /// <param name="dpEpsilon">Differential-privacy budget (exclusive with <paramref name="k"/>).</param>
    /// <param name="dpPreprocessBudgetRatio">DP preprocessing budget ratio.</param>
    /// <param name="timeSeriesNf">Time-series projection components.</param>
    /// <param name="timeSeriesProjectionType">Time-series projection type.</param>
    /// <param name="timeSeriesNbPoints">Time-series alignment points.</param>
    /// <param name="timeSeriesMethod">Time-series alignment method.</param>
    /// <param name="knownVariables">Privacy metrics: variables known to an attacker.</param>
    /// <param name="target">Privacy metrics: the sensitive target.</param>
    /// <param name="closestRatePercentageThreshold">Privacy metrics (1.0.8).</param>
    /// <param name="closestRateRatioThreshold">Privacy metrics (1.0.8).</param>
    /// <param name="categoricalHiddenRateVariables">Privacy metrics (1.0.8).</param>
    /// <param name="dpBounds">Public column bounds for differential privacy (project extension, see <see cref="TableParameters.DpBounds"/>).</param>
    /// <exception cref="ArgumentException">The table is unknown, or k and dp_epsilon are both set (vendor messages).</exception>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, dp_epsilon ≤ 0, or a bound is not finite with lower &lt; upper.</exception>
    public void SetParameters(
        string tableName, int? k = null, int? ncp = null, bool? useCategoricalReduction = null,
        IReadOnlyDictionary<string, double>? columnWeights = null, IReadOnlyList<string>? excludeVariableNames = null,
        ExcludeVariablesMethod? excludeReplacementStrategy = null, ImputeMethod? imputationMethod = null, int? imputationK = null,
        double? imputationTrainingFraction = null, double? dpEpsilon = null, double? dpPreprocessBudgetRatio = null,
        int? timeSeriesNf = null, ProjectionType? timeSeriesProjectionType = null, int? timeSeriesNbPoints = null,
        AlignmentMethod? timeSeriesMethod = null, IReadOnlyList<string>? knownVariables = null, string? target = null,
        double? closestRatePercentageThreshold = null, double? closestRateRatioThreshold = null,
        IReadOnlyList<string>? categoricalHiddenRateVariables = null, IReadOnlyDictionary<string, DpColumnBounds>? dpBounds = null) =>
        SetParameters(tableName, new TableParameters
        {
            K = k, Ncp = ncp, UseCategoricalReduction = useCategoricalReduction, ColumnWeights = columnWeights,
            ExcludeVariableNames = excludeVariableNames, ExcludeReplacementStrategy = excludeReplacementStrategy,
            ImputationMethod = imputationMethod, ImputationK = imputationK, ImputationTrainingFraction = imputationTrainingFraction,
            DpEpsilon = dpEpsilon, DpPreprocessBudgetRatio = dpPreprocessBudgetRatio, TimeSeriesNf = timeSeriesNf,
            TimeSeriesProjectionType = timeSeriesProjectionType, TimeSeriesNbPoints = timeSeriesNbPoints, TimeSeriesMethod = timeSeriesMethod,
            KnownVariables = knownVariables, Target = target, ClosestRatePercentageThreshold = closestRatePercentageThreshold,
            ClosestRateRatioThreshold = closestRateRatioThreshold, CategoricalHiddenRateVariables = categoricalHiddenRateVariables,
            DpBounds = dpBounds,
        });

    /// <summary><c>update_parameters</c> (sdk.md §4.6): <c>runner.UpdateParameters("iris", p =&gt; p with { K = 10 })</c>.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="update">Maps the current parameters to the new ones.</param>
    /// <exception cref="ArgumentException">The table is unknown, or the result is invalid.</exception>
    public void UpdateParameters(string tableName, Func<TableParameters, TableParameters> update) => Configuration.UpdateParameters(tableName, update);

    /// <summary><c>delete_parameters</c>: all parameters of the table, or the named fields only.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="parameterNames">avatar_yaml field names (<c>k</c>, <c>ncp</c>, …), or null for all.</param>
    /// <exception cref="ArgumentException">The table is unknown or a name is not a parameter field.</exception>
    public void DeleteParameters(string tableName, IEnumerable<string>? parameterNames = null) => Configuration.DeleteParameters(tableName, parameterNames);

    /// <summary><c>delete_link</c>: removes the first link of the parent to the child.</summary>
    /// <param name="parentTableName">The parent table.</param>
    /// <param name="childTableName">The child table.</param>
    /// <exception cref="ArgumentException">The parent table is unknown.</exception>
    public void DeleteLink(string parentTableName, string childTableName) => Configuration.DeleteLink(parentTableName, childTableName);

    /// <summary><c>delete_table</c>: removes the table, its parameters and the links pointing to it.</summary>
    /// <param name="tableName">The table.</param>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void DeleteTable(string tableName) => Configuration.DeleteTable(tableName);

    /// <summary><c>get_yaml</c>: the resource set, also written to <paramref name="path"/> when given.</summary>
    /// <param name="path">A file to write, or null.</param>
    /// <returns>The YAML.</returns>
    public string GetYaml(string? path = null) => Configuration.GetYaml(path);

    /// <summary><c>from_yaml</c> (sdk.md §4.14): loads tables, links and parameters from a YAML file; upload the data afterwards with <see cref="UploadFileAsync"/>.</summary>
    /// <param name="yamlPath">The YAML file.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">An enumeration value is invalid.</exception>
    public Task FromYamlAsync(string yamlPath, CancellationToken cancellationToken = default) => Configuration.FromYamlFileAsync(yamlPath, cancellationToken);

    /// <summary><c>print_parameters</c> (sdk.md §4.7) for one table or all.</summary>
    /// <param name="tableName">The table, or null for all.</param>
    /// <param name="writer">The destination (default <see cref="Console.Out"/>).</param>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    public void PrintParameters(string? tableName = null, TextWriter? writer = null) => Configuration.PrintParameters(tableName, writer);
}
