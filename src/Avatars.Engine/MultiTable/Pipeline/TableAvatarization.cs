namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// How one table of a multi-table schema is avatarized: <see cref="StandardTableAvatarization"/> (k nearest
/// neighbours) or a differentially private synthesis. A time-series child has none: it is rebuilt from its parent.
/// </summary>
public abstract record TableAvatarization;
