using Avatars.Config;
using Avatars.Server.Api;

namespace Avatars.Server.Jobs;

/// <summary>The dependency rules of api.md §18.3; a violation is a 422 at <c>["body","depends_on"]</c>.</summary>
internal static class DependencyRules
{
    private static readonly IReadOnlyList<object> Loc = ["body", "depends_on"];

    /// <summary>Checks the parents of a new job of <paramref name="kind"/>.</summary>
    public static void Check(JobKind kind, ResourceSet set, ResourceDocument parameters, IReadOnlyList<JobParent> parents)
    {
        switch (kind)
        {
            case JobKind.Standard:
            case JobKind.Advice:
                if (parents.Count > 0)
                {
                    Fail($"a {kind.ToWire()} job depends on no other job");
                }

                break;
            case JobKind.PrivacyMetrics:
            case JobKind.SignalMetrics:
                CheckMetrics(kind, set, parameters, parents);
                break;
            case JobKind.Report:
                CheckReport(parents);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static void CheckMetrics(JobKind kind, ResourceSet set, ResourceDocument parameters, IReadOnlyList<JobParent> parents)
    {
        if (parents.Count == 0)
        {
            if (!ResourceSetLookup.HasExplicitAvatarTables(set, parameters))
            {
                Fail($"a {kind.ToWire()} job depends on exactly one standard job, unless every table of its avatarized schema has an explicit avatars_data.file");
            }

            return;
        }

        if (parents.Count > 1 || parents[0].Kind != JobKind.Standard)
        {
            Fail($"a {kind.ToWire()} job depends on exactly one standard job");
        }

        // The parent may run an earlier version of the set, but must have avatarized every table evaluated here.
        var parent = parents[0];
        var covered = ResourceSetLookup.TablesOf(parent.ResourceSet, parent.Parameters).ToHashSet(StringComparer.Ordinal);
        var missing = ResourceSetLookup.TablesOf(set, parameters).FirstOrDefault(t => !covered.Contains(t));
        if (missing is not null)
        {
            Fail($"the standard job {parent.Job.Name:D} does not cover table '{missing}' of this set");
        }
    }

    private static void CheckReport(IReadOnlyList<JobParent> parents)
    {
        var privacy = parents.Where(p => p.Kind == JobKind.PrivacyMetrics).ToList();
        var signal = parents.Where(p => p.Kind == JobKind.SignalMetrics).ToList();
        if (parents.Count != 2 || privacy.Count != 1 || signal.Count != 1)
        {
            Fail("a report job depends on exactly one privacy_metrics and one signal_metrics job");
        }

        var privacyParents = privacy[0].Job.DependsOn.Select(d => d.ParentName).ToHashSet();
        var signalParents = signal[0].Job.DependsOn.Select(d => d.ParentName).ToHashSet();
        if (!privacyParents.SetEquals(signalParents))
        {
            Fail("the privacy_metrics and signal_metrics jobs of a report must depend on the same standard job (or both on none)");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string message) => throw new ApiValidationException(Loc, message, "value_error");
}
