using Avatars.Config;
using Avatars.Engine.Advice;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// <c>advice</c>: advises <c>k</c>, <c>ncp</c>, <c>use_categorical_reduction</c> and the imputation for every table of
/// the schema named by the <c>AvatarAdviceParameters</c> document, with the engine's <see cref="ParameterAdvisor"/>
/// (project design: the vendor's algorithm is not public; see docs/advice.md), and writes <c>advice.json</c> plus
/// <c>run_metadata.json</c>. Each table is advised on its own (links are not considered).
/// </summary>
internal sealed class AdviceJobRunner : IJobRunner
{
    // Share of each table's part of the job spent reading it; the trials take the rest.
    private const double ReadShare = 0.05;

    /// <inheritdoc/>
    public JobKind Kind => JobKind.Advice;

    /// <inheritdoc/>
    public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) =>
        EngineErrors.GuardAsync(() => RunCoreAsync(context, cancellationToken));

    private static async Task RunCoreAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters as AvatarAdviceParameters
            ?? throw new InvalidOperationException($"An advice job runs AvatarAdviceParameters, not {context.Parameters.Kind}.");

        // PUT /api/resources already refuses the other advisors; a stored set from before that rule fails clearly here.
        if (parameters.AdvisorType.Where(t => t != AdviceType.Parameters).Select(t => (AdviceType?)t).FirstOrDefault() is { } other)
        {
            throw new JobFailedException($"advisor '{WireValues.ToWire(other)}' is not available in this version of the server: use advisor_type: [parameters]");
        }

        var schema = JobSchemas.Resolve(context.ResourceSet, parameters.Schema).Original;
        if (schema.Tables.Count == 0)
        {
            throw new JobFailedException($"schema \"{schema.Name}\" has no table");
        }

        // A time-series table takes no k: it is rebuilt from the avatars of its parent.
        var advised = schema.Tables
            .Where(t => !schema.Tables.Any(p => p.Links?.Any(l => l.ToTable == t.Name && l.Method == LinkMethod.TimeSeries) == true))
            .ToList();
        var progress = new JobProgress(context.Progress);
        var seed = context.Job.Seed;
        var share = 1.0 / advised.Count;
        var advices = new List<ParameterAdvice>(advised.Count);
        for (var i = 0; i < advised.Count; i++)
        {
            var table = advised[i];
            var start = i * share;
            var original = await InputTables.ReadOriginalAsync(context, table, cancellationToken).ConfigureAwait(false);
            var identifiers = InputTables.IdentifierColumns(table);
            TableLimits.CheckDimensions(original, identifiers, context.Limits);
            progress.Report(start + (ReadShare * share));
            cancellationToken.ThrowIfCancellationRequested();

            var options = new ParameterAdviceOptions
            {
                Seed = AvatarizationSettings.ToSeed(seed) ?? ParameterAdviceOptions.DefaultSeed,
                IdentifierColumns = identifiers,
            };
            var trials = progress.Stage(start + (ReadShare * share), start + share);
            advices.Add(await Task.Run(() => ParameterAdvisor.Advise(original, options, trials, cancellationToken), cancellationToken).ConfigureAwait(false));
        }

        await ResultOutput.WriteTextAsync(context, ResultKeys.Advice, null, 0, ResultFileNames.Advice, AdviceJson.Write(advices), cancellationToken).ConfigureAwait(false);
        await ResultOutput.WriteRunMetadataAsync(context, seed, cancellationToken).ConfigureAwait(false);
        progress.Report(1);
    }
}
