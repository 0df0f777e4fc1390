namespace Avatars.Client;

/// <summary>
/// The public range <c>[lower, upper]</c> of a numeric column for differentially private avatarization
/// (<see cref="TableParameters.DpBounds"/>, the project extension <c>avatarization_dp.&lt;t&gt;.bounds</c>, not in
/// the vendor's format). It must come from domain knowledge, never from the data: values are clipped to it at no
/// privacy cost.
/// </summary>
/// <param name="Lower">The smallest value kept (finite).</param>
/// <param name="Upper">The largest value kept (finite, greater than <paramref name="Lower"/>).</param>
public readonly record struct DpColumnBounds(double Lower, double Upper);
