namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>Progress of a multi-table avatarization.</summary>
/// <param name="Step">What runs now, e.g. <c>avatarizing table "visit"</c>.</param>
/// <param name="Fraction">The completed share of the whole run, 0 to 1.</param>
public readonly record struct MultiTableProgress(string Step, double Fraction);
