using Avatars.Config;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// The sensitive unshuffled avatars of a finished <c>standard</c> job (row i = avatar of original row i), which make
/// the paired privacy metrics possible, with the avatarization settings that produced them.
/// </summary>
/// <param name="JobName">The standard job.</param>
/// <param name="UserId">Its owner.</param>
/// <param name="Files">Its result index, when known (a metrics job's parent); null to use the result key layout (a report's grandparent).</param>
/// <param name="Parameters">Its AvatarParameters, when known.</param>
/// <param name="Seed">Its seed, when fixed.</param>
internal sealed record StandardAvatars(Guid JobName, Guid UserId, IReadOnlyList<ResultFileEntity>? Files, AvatarParameters? Parameters, long? Seed)
{
    /// <summary>The storage key and file name of the table's <c>unshuffled</c> file.</summary>
    public (string StorageKey, string FileName) UnshuffledFile(string tableName)
    {
        var fileName = ResultFileNames.Unshuffled(tableName);
        if (Files is null)
        {
            return (StorageKeys.Result(UserId, JobName, fileName), fileName);
        }

        var file = Files.FirstOrDefault(f => f.ResultKey == ResultKeys.Unshuffled && f.TableName == tableName)
            ?? throw new JobFailedException($"the standard job {JobName:D} has no avatars of table \"{tableName}\": run the metrics on a standard job of the same schema");
        return (file.StorageKey, file.FileName);
    }

    /// <summary>The avatarization settings of a table, when known.</summary>
    public AvatarizationParameters? Avatarization(string tableName) => Parameters?.Spec.Avatarization?.GetValueOrDefault(tableName);
}
