using Avatars.Config;

namespace Avatars.Cli.Commands.Run;

/// <summary>
/// What <c>avatars run</c> does with a resource set: the files to upload and every parameters document as a
/// job, in dependency order (standard and advice → privacy/signal metrics → report), with the parents each
/// job depends on (api.md §18.3).
/// </summary>
internal sealed class RunPlan
{
    private RunPlan(IReadOnlyList<string> files, IReadOnlyList<PlannedJob> jobs, string displayName)
    {
        Files = files;
        Jobs = jobs;
        DisplayName = displayName;
    }

    /// <summary>Upload file names the set refers to (original data and user-supplied avatars).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The jobs, parents before children.</summary>
    public IReadOnlyList<PlannedJob> Jobs { get; }

    /// <summary>The set's display name: AvatarMetadata's, else the YAML file's name.</summary>
    public string DisplayName { get; }

    public static RunPlan From(ResourceSet set, string fallbackDisplayName)
    {
        var files = set.OfType<AvatarSchema>()
            .SelectMany(s => s.Tables)
            .SelectMany(t => new[] { t.Data?.File, t.AvatarsData?.Auto == true ? null : t.AvatarsData?.File })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var standards = set.OfType<AvatarParameters>().ToList();
        var jobs = new List<PlannedJob>();
        jobs.AddRange(standards.Select(p => new PlannedJob(p.Name, "standard", [])));
        jobs.AddRange(set.OfType<AvatarAdviceParameters>().Select(p => new PlannedJob(p.Name, "advice", [])));
        var privacy = set.OfType<AvatarPrivacyMetricsParameters>().Select(p => new PlannedJob(p.Name, "privacy_metrics", MetricsParents(set, p, standards))).ToList();
        var signal = set.OfType<AvatarSignalMetricsParameters>().Select(p => new PlannedJob(p.Name, "signal_metrics", MetricsParents(set, p, standards))).ToList();
        jobs.AddRange(privacy);
        jobs.AddRange(signal);
        foreach (var report in set.OfType<AvatarReportParameters>())
        {
            if (privacy.Count == 0 || signal.Count == 0)
            {
                throw new CliUsageException($"report '{report.Name}' needs a privacy metrics and a signal metrics document in the same YAML.");
            }

            // A report combines one privacy and one signal job computed on the same avatars.
            var pair = privacy.SelectMany(p => signal.Select(s => (p, s))).FirstOrDefault(x => x.p.DependsOn.SequenceEqual(x.s.DependsOn));
            if (pair == default)
            {
                throw new CliUsageException($"report '{report.Name}': no privacy and signal metrics documents refer to the same avatarization.");
            }

            jobs.Add(new PlannedJob(report.Name, "report", [pair.p.ParametersName, pair.s.ParametersName]));
        }

        if (jobs.Count == 0)
        {
            throw new CliUsageException("the YAML has no parameters document (AvatarParameters, metrics, report or advice): there is nothing to run.");
        }

        var displayName = set.OfType<AvatarMetadata>().FirstOrDefault()?.DisplayName is { Length: > 0 } d ? d : fallbackDisplayName;
        return new RunPlan(files, jobs, displayName);
    }

    private static IReadOnlyList<string> MetricsParents(ResourceSet set, ParametersDocument metrics, List<AvatarParameters> standards)
    {
        if (metrics.Spec.AvatarizationRef is { Length: > 0 } reference)
        {
            return [reference];
        }

        // Without a reference: user-supplied avatars (avatars_data files) need no parent; otherwise the only standard job.
        var schema = set.FindSchema(metrics.Spec.Schema);
        if (schema?.Tables.All(t => !string.IsNullOrEmpty(t.AvatarsData?.File) && t.AvatarsData.Auto != true) == true)
        {
            return [];
        }

        return standards.Count switch
        {
            1 => [standards[0].Name],
            0 => throw new CliUsageException($"{metrics.Kind} '{metrics.Name}' needs an AvatarParameters document or avatars_data files."),
            _ => throw new CliUsageException($"{metrics.Kind} '{metrics.Name}': set spec.avatarization_ref to say which of {string.Join(", ", standards.Select(s => $"'{s.Name}'"))} it evaluates."),
        };
    }
}

/// <summary>One job of a <see cref="RunPlan"/>.</summary>
/// <param name="ParametersName">The parameters document's name.</param>
/// <param name="Kind">Job kind (wire name).</param>
/// <param name="DependsOn">Parameters names of the parent jobs.</param>
internal sealed record PlannedJob(string ParametersName, string Kind, IReadOnlyList<string> DependsOn);
