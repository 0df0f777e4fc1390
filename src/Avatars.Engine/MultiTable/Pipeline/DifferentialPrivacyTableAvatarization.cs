using Avatars.Engine.Privacy;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// The project's differentially private synthesis (docs/differential-privacy.md). The pipeline adds the table's key
/// columns to <see cref="DifferentialPrivacyTableOptions.IdentifierColumns"/>, declares the public bounds [0, 1] of the
/// share columns it adds (proportions by construction), and sets the derived seed when none is given. The avatars are
/// not paired with the originals.
/// </summary>
/// <param name="Options">The budget and settings.</param>
public sealed record DifferentialPrivacyTableAvatarization(DifferentialPrivacyTableOptions Options) : TableAvatarization;
