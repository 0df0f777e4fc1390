namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// Chooses the assignment method and the size above which the exact solver is replaced by the greedy one.
/// </summary>
public sealed record AssignmentOptions
{
    /// <summary>
    /// The default <see cref="MaxExactRows"/>: 4 000 rows. Measured on the project's 2-core AMD EPYC (.NET 10,
    /// docs/multi-table.md, docs/benchmarks.md): random distance-like costs take 4–5 s at 4 000 rows and 12–14 s at
    /// 8 000, but the multi-table pipeline's real shape (generated hospital tables, both links of a visit table, many
    /// children per doctor) grows faster: 6.9 s at 3 000 visits, 17 s at 4 570, 45 s at 6 063, 86 s at 7 649 (two
    /// links together). 4 000 keeps a job's assignments near 10–15 s; adversarial structured costs reach the O(n³)
    /// worst case sooner (22 s at 3 000 rows on one problem).
    /// </summary>
    public const int DefaultMaxExactRows = 4_000;

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
