using System.Text.Json;
using System.Text.Json.Nodes;
using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Config;
using Avatars.Config.Builder;
using Microsoft.Extensions.Logging;

namespace Avatars.Client;

/// <summary><c>advise_parameters</c> (sdk.md §4.12, 1.14+ scheme).</summary>
public sealed partial class Runner
{
    /// <summary>
    /// Asks the server for parameters: PUTs the YAML with the <c>advice_parameters</c> document, runs one advice job,
    /// waits, downloads <c>advice.json</c>, then calls <see cref="SetParameters(string, TableParameters)"/> on the
    /// requested table (or every table) with the advised <c>k</c>, <c>ncp</c>, <c>use_categorical_reduction</c> and,
    /// when present, imputation. Replaces the table's other parameters, as in Python.
    /// </summary>
    /// <param name="tableName">The table, or null for all tables.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="ArgumentException">The table is unknown.</exception>
    /// <exception cref="InvalidOperationException">No table, or no advice for a requested table.</exception>
    /// <exception cref="AvatarsJobFailedException">The advice job failed (it is then forgotten: <see cref="Jobs"/> has no advice entry).</exception>
    public async Task AdviseParametersAsync(string? tableName = null, CancellationToken cancellationToken = default)
    {
        if (tableName is not null && !Configuration.HasTable(tableName))
        {
            throw new ArgumentException($"Expected table '{tableName}' to be created.", nameof(tableName));
        }

        var tables = tableName is null ? Configuration.TableNames : [tableName];
        if (tables.Count == 0)
        {
            throw new InvalidOperationException("Expected at least one table to be created before asking for advice.");
        }

        await PutResourcesAsync(Configuration.GetAdviceYaml(), cancellationToken).ConfigureAwait(false);
        Evict(JobKind.Advice);
        _logger.LogInformation("Creating {Kind} job", JobKind.Advice.ToWireValue());
        _jobs[JobKind.Advice] = await _client.CreateJobAsync(new JobCreateRequest(SetName!, ResourceSetBuilder.AdviceName, []), cancellationToken).ConfigureAwait(false);
        try
        {
            await DownloadResultAsync(JobKind.Advice, ResultKind.Advice, cancellationToken).ConfigureAwait(false);
        }
        catch (AvatarsJobFailedException)
        {
            // A failed advice job must not make GetAllResultsAsync fail for the avatarization jobs.
            _jobs.Remove(JobKind.Advice);
            throw;
        }

        foreach (var table in tables)
        {
            var advice = Results.Advice.GetValueOrDefault(table)
                ?? throw new InvalidOperationException($"No advice returned for table '{table}'.");
            SetParameters(table, FromAdvice(advice));
        }
    }

    private static TableParameters FromAdvice(JsonObject advice)
    {
        var imputation = advice["imputation"] as JsonObject;
        var method = imputation?["method"] is JsonValue m && m.TryGetValue<string>(out var wire) && WireValues.TryParse<ImputeMethod>(wire, out var parsed)
            ? parsed
            : (ImputeMethod?)null;
        return new TableParameters
        {
            K = Int(advice["k"]),
            Ncp = Int(advice["ncp"]),
            UseCategoricalReduction = advice["use_categorical_reduction"] is JsonValue u && u.TryGetValue<bool>(out var ucr) ? ucr : null,
            ImputationMethod = method,
            ImputationK = method is null ? null : Int(imputation?["k"]),
            ImputationTrainingFraction = method is null ? null : Double(imputation?["training_fraction"]),
        };
    }

    private static int? Int(JsonNode? node) => Double(node) is { } d ? (int)Math.Round(d) : null;

    private static double? Double(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;
}
