using Avatars.Data;
using Avatars.Engine.Projection;

namespace Avatars.Engine.Avatarization;

/// <summary>The outcome of an avatarization.</summary>
public sealed class AvatarizationResult
{
    internal AvatarizationResult(
        Table shuffled,
        Table sensitiveUnshuffled,
        ulong seed,
        int ncp,
        int componentCount,
        IReadOnlyList<string> warnings,
        IReadOnlyDictionary<AvatarizationStage, TimeSpan> timings,
        Coordinates? originalProjections = null,
        Coordinates? avatarProjections = null)
    {
        OriginalProjections = originalProjections;
        AvatarProjections = avatarProjections;
        Avatars = shuffled;
        SensitiveUnshuffled = sensitiveUnshuffled;
        Seed = seed;
        Ncp = ncp;
        ComponentCount = componentCount;
        Warnings = warnings;
        StageTimings = timings;
    }

    /// <summary>The avatars in random row order: the only output that is safe to share.</summary>
    public Table Avatars { get; }

    /// <summary>
    /// The avatars in the original row order (row i is the avatar of original row i). <b>Sensitive</b>:
    /// it links each avatar to its individual. Use it only to evaluate the paired privacy metrics.
    /// </summary>
    public Table SensitiveUnshuffled { get; }

    /// <summary>The seed that drove every random choice (the given one, or the one drawn).</summary>
    public ulong Seed { get; }

    /// <summary>The number of projected dimensions used by the neighbour search.</summary>
    public int Ncp { get; }

    /// <summary>The number of components of the fitted projection.</summary>
    public int ComponentCount { get; }

    /// <summary>Things the user should know (constant columns, imputation fall-backs…).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Coordinates of the originals (original row order) on the first <see cref="Ncp"/> components of the
    /// avatarization's projection; null unless <see cref="AvatarizationOptions.IncludeProjections"/> is set.
    /// </summary>
    public Coordinates? OriginalProjections { get; }

    /// <summary>
    /// Coordinates of the avatars in the same space, in the row order of <see cref="Avatars"/> (shuffled, so they
    /// do not link an avatar to its original); null unless <see cref="AvatarizationOptions.IncludeProjections"/> is set.
    /// </summary>
    public Coordinates? AvatarProjections { get; }

    /// <summary>Wall time of each stage.</summary>
    public IReadOnlyDictionary<AvatarizationStage, TimeSpan> StageTimings { get; }
}
