using Avatars.Engine.Avatarization;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// The Avatar method with k neighbours. The pipeline adds the table's key columns to
/// <see cref="AvatarizationOptions.IdentifierColumns"/> and sets the seed it derives for the table when
/// <see cref="AvatarizationOptions.Seed"/> is null.
/// </summary>
/// <param name="Options">The avatarization options (k, ncp, imputation, …).</param>
public sealed record StandardTableAvatarization(AvatarizationOptions Options) : TableAvatarization;
