using Avatars.Config;
using Avatars.Data;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>
/// What a metrics or report job of a multi-table schema evaluates: every original table and the sensitive unshuffled
/// avatars the standard job wrote for it (same keys as the shuffled ones), with the avatarization parameters.
/// </summary>
/// <param name="Inputs">The original tables and links.</param>
/// <param name="Avatars">The unshuffled avatars of each table, read with the original's column types.</param>
/// <param name="Avatarization">The standard job's parameters, when known.</param>
/// <param name="Seed">The seed of the evaluation, when fixed.</param>
internal sealed record MultiTableEvaluationInputs(MultiTableInputs Inputs, IReadOnlyDictionary<string, Table> Avatars, AvatarParameters? Avatarization, long? Seed)
{
    /// <summary>Reads the originals and the standard job's avatars.</summary>
    /// <param name="context">The running job.</param>
    /// <param name="schema">The original schema.</param>
    /// <param name="metrics">The metrics parameters (seed).</param>
    /// <param name="standard">The standard job whose avatars are evaluated; multi-table metrics need one.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<MultiTableEvaluationInputs> LoadAsync(
        JobRunContext context, AvatarSchema schema, ParametersDocument metrics, StandardAvatars? standard, CancellationToken cancellationToken)
    {
        if (standard is null)
        {
            throw new JobFailedException(
                $"the metrics of the multi-table schema \"{schema.Name}\" are computed on the avatars of a standard job: create the job with depends_on naming the standard job (uploaded avatars of several tables cannot be paired)");
        }

        var inputs = await MultiTableInputs.LoadAsync(context, schema, cancellationToken).ConfigureAwait(false);
        var avatars = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var table in inputs.Tables)
        {
            var types = table.Data.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
            var (key, fileName) = standard.UnshuffledFile(table.Name);
            var read = await InputTables.ReadAsync(context, key, fileName, table.Name, types, requireTypedColumns: false, cancellationToken).ConfigureAwait(false);
            avatars[table.Name] = read.WithName(table.Name);
        }

        return new MultiTableEvaluationInputs(inputs, avatars, standard.Parameters, metrics.Spec.Seed ?? standard.Seed);
    }

    /// <summary>True when row i of the table's avatars is the avatar of original row i (the Avatar method; not differential privacy or time series).</summary>
    public bool IsPaired(string table) =>
        !Inputs.IsTimeSeries(table) && Avatarization?.Spec.AvatarizationDp?.ContainsKey(table) != true;
}
