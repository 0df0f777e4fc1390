using System.Text.Json.Nodes;
using Avatars.Client.Models;
using Avatars.Data;

namespace Avatars.Client;

/// <summary>
/// The parsed-results cache of a runner (Python <c>ResultsOrganizer</c>, sdk.md §8.4), per table. A missing entry
/// means "not downloaded yet" for every kind (fix of sdk.md §17 #5: advice and run metadata load lazily too).
/// Not thread-safe.
/// </summary>
public sealed class ResultsOrganizer
{
    private readonly Dictionary<string, Table> _shuffled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Table> _unshuffled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _privacy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _signal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Table> _originalProjections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Table> _avatarProjections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<PlotKind, List<HtmlFigure>>> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _advice = new(StringComparer.Ordinal);
    private readonly Dictionary<JobKind, JsonObject> _runMetadata = [];

    /// <summary>Avatars per table, rows shuffled (safe to share).</summary>
    public IReadOnlyDictionary<string, Table> Shuffled => _shuffled;

    /// <summary>Avatars per table in the original row order (sensitive).</summary>
    public IReadOnlyDictionary<string, Table> SensitiveUnshuffled => _unshuffled;

    /// <summary>Privacy metrics per table, one object per computation.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> PrivacyMetrics => _privacy.ToDictionary(e => e.Key, e => (IReadOnlyList<JsonObject>)e.Value, StringComparer.Ordinal);

    /// <summary>Signal metrics per table, one object per computation.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> SignalMetrics => _signal.ToDictionary(e => e.Key, e => (IReadOnlyList<JsonObject>)e.Value, StringComparer.Ordinal);

    /// <summary>Coordinates of the originals in the latent space, per table.</summary>
    public IReadOnlyDictionary<string, Table> OriginalProjections => _originalProjections;

    /// <summary>Coordinates of the avatars in the latent space, per table.</summary>
    public IReadOnlyDictionary<string, Table> AvatarsProjections => _avatarProjections;

    /// <summary>HTML figures per table and plot kind.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<PlotKind, IReadOnlyList<HtmlFigure>>> Figures =>
        _figures.ToDictionary(
            e => e.Key,
            e => (IReadOnlyDictionary<PlotKind, IReadOnlyList<HtmlFigure>>)e.Value.ToDictionary(f => f.Key, f => (IReadOnlyList<HtmlFigure>)f.Value),
            StringComparer.Ordinal);

    /// <summary>Advised parameters per table (<c>k</c>, <c>ncp</c>, <c>use_categorical_reduction</c>, <c>imputation</c>, …).</summary>
    public IReadOnlyDictionary<string, JsonObject> Advice => _advice;

    /// <summary>Run metadata per job kind (<c>created_at</c>, <c>finished_at</c>, <c>seed</c>, …).</summary>
    public IReadOnlyDictionary<JobKind, JsonObject> RunMetadata => _runMetadata;

    /// <summary>
    /// Stores a parsed result (Python <c>set_results</c>): frames overwrite; metrics append the first object;
    /// figures are appended under <c>metadata["kind"]</c> when it is a <see cref="PlotKind"/>; advice takes
    /// <c>advice.parameters</c> (else <c>advice</c>) of the entry for the table; run metadata is keyed by
    /// <c>metadata["kind"]</c>. The table name is unescaped.
    /// </summary>
    /// <param name="tableName">The table (server-escaped or not).</param>
    /// <param name="result">The parsed value (<see cref="Table"/>, list of <see cref="JsonObject"/>, <see cref="HtmlFigure"/>).</param>
    /// <param name="kind">The result kind.</param>
    /// <param name="metadata">Figures: the figure-metadata entry; run metadata: <c>{"kind": job kind}</c>.</param>
    /// <exception cref="ArgumentException">The value does not fit the kind, or the kind is not stored.</exception>
    public void SetResults(string tableName, object result, ResultKind kind, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        ArgumentNullException.ThrowIfNull(result);
        var table = ResultTableNames.Unescape(tableName);
        switch (kind)
        {
            case ResultKind.Shuffled: _shuffled[table] = AsTable(result); break;
            case ResultKind.Unshuffled: _unshuffled[table] = AsTable(result); break;
            case ResultKind.ProjectionsOriginal: _originalProjections[table] = AsTable(result); break;
            case ResultKind.ProjectionsAvatars: _avatarProjections[table] = AsTable(result); break;
            case ResultKind.PrivacyMetrics: Append(_privacy, table, FirstObject(result)); break;
            case ResultKind.SignalMetrics: Append(_signal, table, FirstObject(result)); break;
            case ResultKind.Figures:
                if (result is not HtmlFigure figure || metadata is null)
                {
                    throw new ArgumentException("Expected result to be a HTML figure with its metadata");
                }

                if (PlotKindWire.TryParse(metadata["kind"]?.GetValue<string>(), out var plot))
                {
                    if (!_figures.TryGetValue(table, out var kinds))
                    {
                        _figures[table] = kinds = [];
                    }

                    if (!kinds.TryGetValue(plot, out var list))
                    {
                        kinds[plot] = list = [];
                    }

                    list.Add(figure);
                }

                break;
            case ResultKind.Advice:
                foreach (var entry in AsList(result))
                {
                    if (entry["table_name"]?.GetValue<string>() is { } name && ResultTableNames.Unescape(name) == table
                        && entry["advice"] is JsonObject advice)
                    {
                        _advice[table] = (JsonObject)((advice["parameters"] as JsonObject) ?? advice).DeepClone();
                    }
                }

                break;
            case ResultKind.Metadata:
                if (metadata?["kind"]?.GetValue<string>() is not { } wire || !JobKindWire.TryParse(wire, out var job))
                {
                    throw new ArgumentException("Expected metadata with the job kind for run metadata");
                }

                _runMetadata[job] = FirstObject(result);
                break;
            default:
                throw new ArgumentException(StoredKindsMessage);
        }
    }

    /// <summary>
    /// The stored value (Python <c>get_results</c>), or null when nothing is stored: a <see cref="Table"/>, a list of
    /// <see cref="JsonObject"/> (metrics), a <c>PlotKind → figures</c> dictionary, or a <see cref="JsonObject"/>
    /// (advice, run metadata of <paramref name="jobKind"/>).
    /// </summary>
    /// <param name="tableName">The table (server-escaped or not).</param>
    /// <param name="kind">The result kind.</param>
    /// <param name="jobKind">The job (used for run metadata).</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="ArgumentException">The kind is not one the organizer stores.</exception>
    public object? GetResults(string tableName, ResultKind kind, JobKind jobKind = JobKind.Standard)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var table = ResultTableNames.Unescape(tableName);
        return kind switch
        {
            ResultKind.Shuffled => _shuffled.GetValueOrDefault(table),
            ResultKind.Unshuffled => _unshuffled.GetValueOrDefault(table),
            ResultKind.ProjectionsOriginal => _originalProjections.GetValueOrDefault(table),
            ResultKind.ProjectionsAvatars => _avatarProjections.GetValueOrDefault(table),
            ResultKind.PrivacyMetrics => _privacy.TryGetValue(table, out var p) ? p.AsReadOnly() : null,
            ResultKind.SignalMetrics => _signal.TryGetValue(table, out var s) ? s.AsReadOnly() : null,
            ResultKind.Figures => _figures.TryGetValue(table, out var f)
                ? f.ToDictionary(e => e.Key, e => (IReadOnlyList<HtmlFigure>)e.Value)
                : null,
            ResultKind.Advice => _advice.GetValueOrDefault(table),
            ResultKind.Metadata => _runMetadata.GetValueOrDefault(jobKind),
            _ => throw new ArgumentException(StoredKindsMessage),
        };
    }

    /// <summary>
    /// The table a downloaded file belongs to (Python <c>get_table_name</c>, sdk.md §8.3), unescaped; null when the
    /// result is not routed to a table.
    /// </summary>
    /// <param name="kind">The result kind.</param>
    /// <param name="fileName">The downloaded file's name.</param>
    /// <param name="result">The parsed value.</param>
    /// <param name="metadata">The figure-metadata entry (figures).</param>
    /// <returns>The table name or null.</returns>
    /// <exception cref="ArgumentException">A metrics file holds no object (the vendor's message).</exception>
    public static string? GetTableName(ResultKind kind, string fileName, object? result, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        switch (kind)
        {
            case ResultKind.Shuffled or ResultKind.Unshuffled or ResultKind.ProjectionsOriginal or ResultKind.ProjectionsAvatars:
                return ResultTableNames.FromFileName(fileName, kind.FileNameToken()!);
            case ResultKind.PrivacyMetrics or ResultKind.SignalMetrics:
                if (result is not IReadOnlyList<JsonObject> { Count: > 0 } metrics)
                {
                    throw new ArgumentException("Expected result to be a list with at least one item for METRICS");
                }

                return metrics[0]["metadata"]?["table_name"]?.GetValue<string>() is { } name ? ResultTableNames.Unescape(name) : null;
            case ResultKind.Figures:
                return ResultTableNames.Unescape(metadata?["table_name"]?.GetValue<string>() ?? string.Empty);
            case ResultKind.Advice:
                return result is IReadOnlyList<JsonObject> { Count: > 0 } advice && advice[0]["table_name"]?.GetValue<string>() is { } t
                    ? ResultTableNames.Unescape(t)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Forgets the stored values of one kind for every table (before a fresh download or after a re-run).</summary>
    /// <param name="kind">The result kind.</param>
    /// <param name="jobKind">The job whose run metadata is forgotten when <paramref name="kind"/> is run metadata.</param>
    public void Clear(ResultKind kind, JobKind jobKind = JobKind.Standard)
    {
        switch (kind)
        {
            case ResultKind.Shuffled: _shuffled.Clear(); break;
            case ResultKind.Unshuffled: _unshuffled.Clear(); break;
            case ResultKind.ProjectionsOriginal: _originalProjections.Clear(); break;
            case ResultKind.ProjectionsAvatars: _avatarProjections.Clear(); break;
            case ResultKind.PrivacyMetrics: _privacy.Clear(); break;
            case ResultKind.SignalMetrics: _signal.Clear(); break;
            case ResultKind.Figures: _figures.Clear(); break;
            case ResultKind.Advice: _advice.Clear(); break;
            case ResultKind.Metadata: _runMetadata.Remove(jobKind); break;
            default: break;
        }
    }

    private static string StoredKindsMessage =>
        $"Expected result_name to be one of [{string.Join(", ", Enum.GetValues<ResultKind>().Where(k => k.IsStored() || k == ResultKind.Advice).Select(k => k.ToWireValue()))}]";

    private static Table AsTable(object result) =>
        result as Table ?? throw new ArgumentException("Expected result to be a DataFrame");

    private static IReadOnlyList<JsonObject> AsList(object result) =>
        result as IReadOnlyList<JsonObject> ?? throw new ArgumentException("Expected result to be a list of objects");

    private static JsonObject FirstObject(object result)
    {
        var list = AsList(result);
        return list.Count > 0 ? list[0] : throw new ArgumentException("Expected result to be a list with at least one item");
    }

    private static void Append(Dictionary<string, List<JsonObject>> store, string table, JsonObject value)
    {
        if (!store.TryGetValue(table, out var list))
        {
            store[table] = list = [];
        }

        list.Add(value);
    }
}
