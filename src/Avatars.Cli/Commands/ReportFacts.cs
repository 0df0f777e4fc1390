using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Reporting.Evaluation;

namespace Avatars.Cli.Commands;

/// <summary>The parameters and run metadata the CLI puts in reports.</summary>
internal static class ReportFacts
{
    public static ReportContext For(AvatarizationOptions options, AvatarizationResult result)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("k", options.K.ToString(CultureInfo.InvariantCulture)),
            new("ncp", result.Ncp.ToString(CultureInfo.InvariantCulture)),
            new("seed", options.Seed is null ? "random (not recorded in the avatars)" : result.Seed.ToString(CultureInfo.InvariantCulture)),
            new("imputation", $"{options.Imputation.Method}, k = {options.Imputation.K}, training fraction = {options.Imputation.TrainingFraction.ToString(CultureInfo.InvariantCulture)}"),
            new("categorical reduction", options.UseCategoricalReduction ? "on" : "off"),
        };
        if (options.ColumnWeights is { Count: > 0 } weights)
        {
            parameters.Add(new("column weights", string.Join(", ", weights.Select(w => $"{w.Key} = {w.Value.ToString(CultureInfo.InvariantCulture)}"))));
        }

        if (options.ExcludeVariables.Count > 0)
        {
            parameters.Add(new("excluded variables", $"{string.Join(", ", options.ExcludeVariables)} ({options.ExcludeReplacementStrategy})"));
        }

        if (options.IdentifierColumns.Count > 0)
        {
            parameters.Add(new("identifier columns (dropped)", string.Join(", ", options.IdentifierColumns)));
        }

        var metadata = Machine().Concat(result.StageTimings.OrderBy(t => t.Key).Select(t =>
            new KeyValuePair<string, string>($"Time: {t.Key.ToString().ToLowerInvariant()}", $"{t.Value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s")));
        return new ReportContext { Parameters = parameters, RunMetadata = [.. metadata], Warnings = result.Warnings };
    }

    public static ReportContext ForEvaluationOnly() => new() { Title = "Evaluation report", RunMetadata = [.. Machine()] };

    private static IEnumerable<KeyValuePair<string, string>> Machine()
    {
        var version = typeof(Avatarizer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        yield return new("Avatars for .NET", version.Split('+')[0]);
        yield return new(".NET", RuntimeInformation.FrameworkDescription);
        yield return new("Operating system", RuntimeInformation.OSDescription);
        yield return new("Processors", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
    }
}
