namespace Avatars.Engine.Privacy;

/// <summary>
/// The public, data-independent range of a numeric column for differentially private avatarization. Values are
/// clipped to [<see cref="Lower"/>, <see cref="Upper"/>] before anything is computed, so the bounds must come from
/// domain knowledge or the schema, never from the data itself.
/// </summary>
/// <param name="Lower">The smallest value kept.</param>
/// <param name="Upper">The largest value kept (greater than <paramref name="Lower"/>).</param>
public readonly record struct ColumnBounds(double Lower, double Upper);
