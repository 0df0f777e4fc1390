using Avatars.Data;
using Avatars.Engine.MultiTable.Assignment;
using Avatars.Engine.Projection;

namespace Avatars.Engine.MultiTable.Relinking;

/// <summary>
/// Re-links child avatars to parent avatars (method.md §5.2 step 3, project design): both tables are projected
/// on the shared parent variables with a projection fitted on the ORIGINAL parent table
/// (<see cref="FitProjection"/>); the cost of giving child <c>i</c> to parent <c>p</c> is the Euclidean distance
/// between their coordinates; each parent avatar offers as many slots as its avatarized child count; the
/// assignment is solved by <see cref="AssignmentSolver.SolveWithCapacities"/>. Every child gets an existing
/// parent and every parent gets exactly its count.
/// </summary>
public static class ChildRelinker
{
    /// <summary>
    /// The largest children × parents distance matrix the exact method builds (50 million entries, 400 MB); above it,
    /// as above <see cref="AssignmentOptions.MaxExactRows"/> children, the greedy method runs from the points.
    /// </summary>
    public const long MaxExactCostEntries = 50_000_000;

    /// <summary>
    /// Fits the re-linking projection on the original parent table restricted to the shared variables (all
    /// components unless <paramref name="options"/> says otherwise). The caller fits it once and passes it to
    /// <see cref="Relink"/>: fitting on the original (not the avatars) keeps the axes those of the real data.
    /// </summary>
    /// <param name="originalParents">The original parent table.</param>
    /// <param name="sharedVariables">The parent variables the child table was enriched with.</param>
    /// <param name="options">Projection options; null for the defaults.</param>
    /// <returns>The fitted projection over exactly <paramref name="sharedVariables"/>.</returns>
    /// <exception cref="ArgumentException">No shared variable, a duplicate, or a variable absent from the table.</exception>
    public static ProjectionModel FitProjection(Table originalParents, IReadOnlyList<string> sharedVariables, ProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(originalParents);
        ValidateVariables(sharedVariables);
        RequireColumns(originalParents, sharedVariables, nameof(originalParents));
        return ProjectionModel.Fit(originalParents.Select(sharedVariables), options);
    }

    /// <summary>Gives each child avatar a parent avatar.</summary>
    /// <param name="parentAvatars">The parent avatars, with the shared variables.</param>
    /// <param name="childAvatars">The child avatars, with the shared variables under the same names.</param>
    /// <param name="childCounts">The avatarized child count of each parent avatar (one per parent row, ≥ 0, adding up to the child rows).</param>
    /// <param name="sharedVariables">The shared parent variables.</param>
    /// <param name="projection">The projection fitted on the original parent table over exactly these variables (<see cref="FitProjection"/>).</param>
    /// <param name="method">The link method.</param>
    /// <param name="options">
    /// The exact-size limit (<see cref="AssignmentOptions.MaxExactRows"/>); its <see cref="AssignmentOptions.Method"/>
    /// is ignored, <paramref name="method"/> decides. Null for the defaults.
    /// </param>
    /// <returns>The parent row of each child, the method used and the total distance.</returns>
    /// <exception cref="ArgumentException">
    /// The counts do not match the tables (wrong length, negative, sum ≠ child rows), a variable is missing from a
    /// table or from the projection, or the method is not one of <see cref="RelinkMethod"/>.
    /// </exception>
    public static RelinkResult Relink(
        Table parentAvatars,
        Table childAvatars,
        IReadOnlyList<int> childCounts,
        IReadOnlyList<string> sharedVariables,
        ProjectionModel projection,
        RelinkMethod method = RelinkMethod.LinearSumAssignment,
        AssignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parentAvatars);
        ArgumentNullException.ThrowIfNull(childAvatars);
        ArgumentNullException.ThrowIfNull(childCounts);
        ArgumentNullException.ThrowIfNull(projection);
        if (!Enum.IsDefined(method) || method == RelinkMethod.TimeSeries)
        {
            throw new ArgumentException(
                method == RelinkMethod.TimeSeries
                    ? "Time-series children are rebuilt from their parent's avatars, not re-linked; use linear sum, minimum distance or original order."
                    : $"Unknown relink method {(int)method}.",
                nameof(method));
        }

        ValidateVariables(sharedVariables);
        RequireColumns(parentAvatars, sharedVariables, nameof(parentAvatars));
        RequireColumns(childAvatars, sharedVariables, nameof(childAvatars));
        ValidateProjection(projection, sharedVariables);
        int[] counts = ValidateCounts(childCounts, parentAvatars, childAvatars);

        int parents = parentAvatars.RowCount;
        int children = childAvatars.RowCount;
        Coordinates parentCoords = projection.Transform(parentAvatars.Select(sharedVariables));
        Coordinates childCoords = projection.Transform(childAvatars.Select(sharedVariables));

        if (method == RelinkMethod.SensitiveOriginalOrderAssignment)
        {
            var inOrder = new int[children];
            int next = 0;
            for (int p = 0; p < parents; p++)
            {
                for (int c = 0; c < counts[p]; c++)
                {
                    inOrder[next++] = p;
                }
            }

            double total = 0;
            for (int i = 0; i < children; i++)
            {
                total += Distance(childCoords.Row(i), parentCoords.Row(inOrder[i]));
            }

            return new RelinkResult(inOrder, method, method, total);
        }

        var limits = options ?? new AssignmentOptions();
        bool exact = method == RelinkMethod.LinearSumAssignment
            && children <= limits.MaxExactRows
            && (long)children * parents <= MaxExactCostEntries;
        if (!exact)
        {
            // Greedy from the points: no children × parents matrix, so any size fits in memory.
            int[] nearest = NearestAvailableAssignment.Solve(childCoords.Data, parentCoords.Data, children, childCoords.Columns, counts);
            double greedyTotal = 0;
            for (int i = 0; i < children; i++)
            {
                greedyTotal += Distance(childCoords.Row(i), parentCoords.Row(nearest[i]));
            }

            return new RelinkResult(nearest, RelinkMethod.MinimumDistanceAssignment, method, greedyTotal);
        }

        var cost = new double[(long)children * parents];
        for (int i = 0; i < children; i++)
        {
            ReadOnlySpan<double> child = childCoords.Row(i);
            for (int p = 0; p < parents; p++)
            {
                cost[((long)i * parents) + p] = Distance(child, parentCoords.Row(p));
            }
        }

        var solverOptions = limits with { Method = AssignmentMethod.LinearSumAssignment };
        AssignmentResult solved = AssignmentSolver.SolveWithCapacities(cost, children, counts, solverOptions);
        RelinkMethod used = solved.Method == AssignmentMethod.LinearSumAssignment
            ? RelinkMethod.LinearSumAssignment
            : RelinkMethod.MinimumDistanceAssignment;
        return new RelinkResult([.. solved.Columns], used, method, solved.TotalCost);
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++)
        {
            double d = a[k] - b[k];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }

    private static void ValidateVariables(IReadOnlyList<string> sharedVariables)
    {
        ArgumentNullException.ThrowIfNull(sharedVariables);
        if (sharedVariables.Count == 0)
        {
            throw new ArgumentException("At least one shared parent variable is needed to re-link children to parents.", nameof(sharedVariables));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in sharedVariables)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A shared variable name is null or blank.", nameof(sharedVariables));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"The shared variable '{name}' is listed twice.", nameof(sharedVariables));
            }
        }
    }

    private static void RequireColumns(Table table, IReadOnlyList<string> sharedVariables, string parameter)
    {
        foreach (string name in sharedVariables)
        {
            if (!table.Contains(name))
            {
                throw new ArgumentException($"Shared variable '{name}' is missing. {table.UnknownColumnMessage(name)}", parameter);
            }
        }
    }

    private static void ValidateProjection(ProjectionModel projection, IReadOnlyList<string> sharedVariables)
    {
        var fitted = projection.ColumnNames.ToHashSet(StringComparer.Ordinal);
        if (!fitted.SetEquals(sharedVariables))
        {
            throw new ArgumentException(
                $"The projection was fitted on [{string.Join(", ", projection.ColumnNames)}] but the shared variables are [{string.Join(", ", sharedVariables)}]; fit it on the original parent table over exactly the shared variables (ChildRelinker.FitProjection).",
                nameof(projection));
        }
    }

    private static int[] ValidateCounts(IReadOnlyList<int> childCounts, Table parentAvatars, Table childAvatars)
    {
        if (childCounts.Count != parentAvatars.RowCount)
        {
            throw new ArgumentException(
                $"There are {childCounts.Count} child counts but {parentAvatars.RowCount} parent avatars in '{parentAvatars.Name}'; give one count per parent avatar.",
                nameof(childCounts));
        }

        var counts = new int[childCounts.Count];
        long sum = 0;
        for (int p = 0; p < counts.Length; p++)
        {
            if (childCounts[p] < 0)
            {
                throw new ArgumentException($"The child count of parent avatar {p} is {childCounts[p]}; counts must be at least 0.", nameof(childCounts));
            }

            counts[p] = childCounts[p];
            sum += counts[p];
        }

        if (sum != childAvatars.RowCount)
        {
            throw new ArgumentException(
                $"The child counts add up to {sum} but there are {childAvatars.RowCount} child avatars in '{childAvatars.Name}'; they must be equal.",
                nameof(childCounts));
        }

        return counts;
    }
}
