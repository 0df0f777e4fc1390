using Avatars.Engine.MultiTable.Relinking;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>How the children of one (non time-series) link were given their parent avatars.</summary>
/// <param name="Link">The link.</param>
/// <param name="Method">The method that ran (greedy when the exact one fell back above the size limit).</param>
/// <param name="FellBack">True when the exact assignment was replaced by the greedy one.</param>
/// <param name="TotalDistance">The total distance of the links in the re-linking projection.</param>
public sealed record MultiTableLinkResult(MultiTableLink Link, RelinkMethod Method, bool FellBack, double TotalDistance);
