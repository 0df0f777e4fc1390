using Avatars.Config;
using Avatars.Server.Persistence.Entities;

namespace Avatars.Server.Jobs;

/// <summary>A requested parent while a job is created: the job (with its own parents loaded), its set and parameters.</summary>
/// <param name="Job">The parent job.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="ResourceSet">Its parsed set.</param>
/// <param name="Parameters">Its parameters document.</param>
internal sealed record JobParent(JobEntity Job, JobKind Kind, ResourceSet ResourceSet, ResourceDocument Parameters);
