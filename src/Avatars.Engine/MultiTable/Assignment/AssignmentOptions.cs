namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// Chooses the assignment method and the size above which the exact solver is replaced by the greedy one.
/// </summary>
public sealed record AssignmentOptions
{
    /// <summary>
    /// The default <see cref="MaxExactRows"/>: 8 000 rows. Measured on the project's 2-core AMD EPYC (.NET 10,
    /// docs/multi-table.md): 12–14 s at 8 000 rows on distance-like costs (uniform, parent slots, 1-D line),
    /// 36–53 s at 12 000. Adversarial structured costs reach the O(n³) worst case sooner (53 s at 4 000); set
    /// about 3 000 for a hard ~30 s bound whatever the costs. The slot cost matrix takes 512 MB at 8 000 × 8 000.
    /// </summary>
    public const int DefaultMaxExactRows = 8_000;

    /// <summary>The requested method; <see cref="AssignmentMethod.LinearSumAssignment"/> by default.</summary>
    public AssignmentMethod Method { get; init; } = AssignmentMethod.LinearSumAssignment;

    /// <summary>
    /// The largest number of rows solved exactly. When <see cref="Method"/> is
    /// <see cref="AssignmentMethod.LinearSumAssignment"/> and the problem has more rows, the greedy
    /// <see cref="AssignmentMethod.MinimumDistance"/> method is used instead and
    /// <see cref="AssignmentResult.Method"/> says so. At least 0; <see cref="int.MaxValue"/> disables the fallback.
    /// Default <see cref="DefaultMaxExactRows"/>.
    /// </summary>
    public int MaxExactRows { get; init; } = DefaultMaxExactRows;

    /// <summary>The method used for a problem with <paramref name="rows"/> rows under these options.</summary>
    /// <param name="rows">The number of rows to assign (at least 0).</param>
    /// <returns><see cref="Method"/>, or <see cref="AssignmentMethod.MinimumDistance"/> above <see cref="MaxExactRows"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <see cref="MaxExactRows"/> is negative, or <see cref="Method"/> is undefined.</exception>
    public AssignmentMethod MethodFor(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (MaxExactRows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxExactRows), MaxExactRows, "MaxExactRows must be at least 0.");
        }

        return Method switch
        {
            AssignmentMethod.LinearSumAssignment => rows <= MaxExactRows ? AssignmentMethod.LinearSumAssignment : AssignmentMethod.MinimumDistance,
            AssignmentMethod.MinimumDistance => AssignmentMethod.MinimumDistance,
            _ => throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown assignment method."),
        };
    }
}
