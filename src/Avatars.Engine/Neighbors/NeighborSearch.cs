using System.Globalization;

namespace Avatars.Engine.Neighbors;

/// <summary>
/// Parallel batch neighbour queries (all rows of a table, or a set of query rows against a reference index). Rows are
/// processed in blocks of about <see cref="BlockSize"/> rows (whole leaves or groups of queries falling in the same
/// leaf with a <see cref="KdTree"/>) with <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>; each
/// row's answer depends only on that row, so results are identical whatever the degree of parallelism. Each method
/// honours its cancellation token between blocks and reports progress (fraction of blocks done, 0–1) after every
/// block, in increasing order. Results are bitwise the same as <see cref="BruteForceNeighbors"/>'s.
/// </summary>
public static class NeighborSearch
{
    /// <summary>The (approximate) number of query rows per parallel work item and progress report.</summary>
    public const int BlockSize = 1024;

    /// <summary>
    /// The <paramref name="k"/> nearest other points of every point (the point itself is excluded by index; exact
    /// duplicates of it are other individuals, at distance 0). Builds a <see cref="KdTree"/>.
    /// </summary>
    /// <param name="points">The points, row-major <paramref name="n"/> × <paramref name="d"/>.</param>
    /// <param name="n">The number of points.</param>
    /// <param name="d">The dimension.</param>
    /// <param name="k">The number of neighbours per point, 1 ≤ k &lt; n.</param>
    /// <param name="maxDegreeOfParallelism">Maximum number of threads (≤ 0: all processors).</param>
    /// <param name="cancellationToken">Cancels the search between blocks.</param>
    /// <param name="progress">Receives the fraction of blocks done.</param>
    /// <returns>n × k neighbour indices and distances, each row in ascending (distance, index) order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range (for example
    /// "k = 500 must be smaller than the number of rows (150)"), or a coordinate is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static NeighborResult SelfNeighbors(ReadOnlySpan<double> points, int n, int d, int k, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, IProgress<double>? progress = null)
    {
        NeighborGuard.Points(points, n, d, nameof(points), nameof(n), nameof(d));
        NeighborGuard.K(k, n, excludeSelf: true, nameof(k));
        var tree = new KdTree(points, n, d, KdTree.DefaultBucketSize, maxDegreeOfParallelism);
        return SelfNeighbors(tree, k, maxDegreeOfParallelism, cancellationToken, progress);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other points of every indexed point (row <c>i</c> excludes index <c>i</c>).
    /// With a <see cref="KdTree"/> the rows of a leaf are answered together by one traversal, in tree order.
    /// </summary>
    /// <param name="index">The index over the points.</param>
    /// <param name="k">The number of neighbours per point, 1 ≤ k &lt; Count.</param>
    /// <param name="maxDegreeOfParallelism">Maximum number of threads (≤ 0: all processors).</param>
    /// <param name="cancellationToken">Cancels the search between blocks.</param>
    /// <param name="progress">Receives the fraction of blocks done.</param>
    /// <returns>Count × k neighbour indices and distances, each row in ascending (distance, index) order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static NeighborResult SelfNeighbors(INeighborIndex index, int k, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        NeighborGuard.K(k, index.Count, excludeSelf: true, nameof(k));
        var result = new NeighborResult(index.Count, k);
        var indices = result.Indices;
        var distances = result.Distances;
        var d = index.Dimension;

        if (index is KdTree tree)
        {
            // Whole leaves at a time (one shared traversal per leaf), about BlockSize rows per work item.
            var leavesPerBlock = Math.Max(1, BlockSize / Math.Max(1, tree.Count / tree.LeafCount));
            RunBlocks(tree.LeafCount, leavesPerBlock, maxDegreeOfParallelism, cancellationToken, progress, (start, end) =>
            {
                for (var leaf = start; leaf < end; leaf++)
                {
                    tree.SelfNeighborsOfLeaf(leaf, k, indices, distances);
                }
            });
        }
        else
        {
            RunBlocks(index.Count, BlockSize, maxDegreeOfParallelism, cancellationToken, progress, (start, end) =>
            {
                Span<double> point = d <= 128 ? stackalloc double[d] : new double[d];
                for (var row = start; row < end; row++)
                {
                    index.CopyPoint(row, point);
                    index.Query(point, k, indices.AsSpan(row * k, k), distances.AsSpan(row * k, k), row);
                }
            });
        }

        return result;
    }

    /// <summary>
    /// The <paramref name="k"/> nearest reference points of every query row. With a <see cref="KdTree"/> the query rows
    /// that fall in the same leaf are answered together by one traversal.
    /// </summary>
    /// <param name="reference">The index over the reference points.</param>
    /// <param name="queries">The query points, row-major with the reference dimension.</param>
    /// <param name="k">The number of neighbours per query (1 ≤ k ≤ Count, or &lt; Count with <paramref name="excludeSelf"/>).</param>
    /// <param name="excludeSelf">When true, query row <c>i</c> excludes reference index <c>i</c> (the same individual).</param>
    /// <param name="maxDegreeOfParallelism">Maximum number of threads (≤ 0: all processors).</param>
    /// <param name="cancellationToken">Cancels the search between blocks.</param>
    /// <param name="progress">Receives the fraction of blocks done.</param>
    /// <returns>One row of k neighbours per query row, in ascending (distance, index) order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is out of range, the queries are not whole
    /// rows of the reference dimension, or a query coordinate is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static NeighborResult Neighbors(INeighborIndex reference, ReadOnlyMemory<double> queries, int k, bool excludeSelf = false, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var d = reference.Dimension;
        var rows = NeighborGuard.RowCount(queries.Length, d, nameof(queries));
        NeighborGuard.Finite(queries.Span, d, nameof(queries));
        NeighborGuard.K(k, reference.Count, excludeSelf, nameof(k));
        var result = new NeighborResult(rows, k);
        var indices = result.Indices;
        var distances = result.Distances;

        if (reference is KdTree tree && rows > 0)
        {
            // Query rows grouped by the leaf they fall in; each group is answered by one shared traversal.
            var starts = GroupByLeaf(tree, queries, rows, maxDegreeOfParallelism, out var order);
            var groupCount = starts.Length - 1;
            var groupsPerBlock = (int)Math.Max(1, (long)BlockSize * groupCount / rows);
            RunBlocks(groupCount, groupsPerBlock, maxDegreeOfParallelism, cancellationToken, progress, (start, end) =>
            {
                var all = queries.Span;
                for (var g = start; g < end; g++)
                {
                    tree.NeighborsOfGroup(all, order.AsSpan(starts[g], starts[g + 1] - starts[g]), excludeSelf, k, indices, distances);
                }
            });

            return result;
        }

        RunBlocks(rows, BlockSize, maxDegreeOfParallelism, cancellationToken, progress, (start, end) =>
        {
            var all = queries.Span;
            for (var row = start; row < end; row++)
            {
                var exclude = excludeSelf && row < reference.Count ? row : -1;
                reference.Query(all.Slice(row * d, d), k, indices.AsSpan(row * k, k), distances.AsSpan(row * k, k), exclude);
            }
        });

        return result;
    }

    /// <summary>
    /// For each query row, the nearest reference point (lowest index on exact ties) and its distance — for example the
    /// hidden rate's <c>argmin_j ‖F_i − G_j‖</c> with an index over the avatars.
    /// </summary>
    /// <param name="reference">The index over the reference points.</param>
    /// <param name="queries">The query points, row-major with the reference dimension.</param>
    /// <param name="maxDegreeOfParallelism">Maximum number of threads (≤ 0: all processors).</param>
    /// <param name="cancellationToken">Cancels the search between blocks.</param>
    /// <param name="progress">Receives the fraction of blocks done.</param>
    /// <returns>A result with <c>K = 1</c>: the nearest index and distance of every query row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The reference is empty, the queries are not whole rows of the
    /// reference dimension, or a query coordinate is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static NeighborResult NearestIn(INeighborIndex reference, ReadOnlyMemory<double> queries, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, IProgress<double>? progress = null) =>
        Neighbors(reference, queries, 1, excludeSelf: false, maxDegreeOfParallelism, cancellationToken, progress);

    /// <summary>
    /// For each query row, the nearest of the reference points (lowest index on exact ties) and its distance. Builds a
    /// <see cref="KdTree"/> over the reference points.
    /// </summary>
    /// <param name="referencePoints">The reference points, row-major <paramref name="referenceCount"/> × <paramref name="d"/>.</param>
    /// <param name="referenceCount">The number of reference points (at least 1).</param>
    /// <param name="d">The dimension.</param>
    /// <param name="queries">The query points, row-major with dimension <paramref name="d"/>.</param>
    /// <param name="maxDegreeOfParallelism">Maximum number of threads (≤ 0: all processors).</param>
    /// <param name="cancellationToken">Cancels the search between blocks.</param>
    /// <param name="progress">Receives the fraction of blocks done.</param>
    /// <returns>A result with <c>K = 1</c>: the nearest reference index and distance of every query row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range or a coordinate is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static NeighborResult NearestIn(ReadOnlySpan<double> referencePoints, int referenceCount, int d, ReadOnlyMemory<double> queries, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, IProgress<double>? progress = null)
    {
        NeighborGuard.Points(referencePoints, referenceCount, d, nameof(referencePoints), nameof(referenceCount), nameof(d));
        NeighborGuard.K(1, referenceCount, excludeSelf: false, nameof(referenceCount));
        var tree = new KdTree(referencePoints, referenceCount, d, KdTree.DefaultBucketSize, maxDegreeOfParallelism);
        return NearestIn(tree, queries, maxDegreeOfParallelism, cancellationToken, progress);
    }

    /// <summary>
    /// For each query row <c>i</c>, the number of indexed points within <c>radii[i]</c> (inclusive, same distance
    /// computation as the other queries) — for example local cloaking's
    /// <c>#{ j ≠ i : ‖F_i − G_j‖ ≤ ‖F_i − G_i‖ }</c> with an index over the avatars and <paramref name="excludeSelf"/>.
    /// </summary>
    /// <param name="index">The index over the counted points.</param>
    /// <param name="queries">The query points, row-major with the index dimension.</param>
    /// <param name="radii">One non-negative radius per query row (positive infinity allowed).</param>
    /// <param name="excludeSelf">When true, query row <c>i</c> does not count index <c>i</c>.</param>
    /// <param name="maxDegreeOfParallelism">Maximum number of threads (≤ 0: all processors).</param>
    /// <param name="cancellationToken">Cancels the search between blocks.</param>
    /// <param name="progress">Receives the fraction of blocks done.</param>
    /// <returns>The count of every query row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The queries are not whole rows of the index dimension, the number
    /// of radii differs from the number of queries, a radius is negative or NaN, or a coordinate is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static int[] CountWithinRadii(INeighborIndex index, ReadOnlyMemory<double> queries, ReadOnlyMemory<double> radii, bool excludeSelf, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var d = index.Dimension;
        var rows = NeighborGuard.RowCount(queries.Length, d, nameof(queries));
        NeighborGuard.Finite(queries.Span, d, nameof(queries));
        if (radii.Length != rows)
        {
            throw new ArgumentOutOfRangeException(nameof(radii), radii.Length, string.Create(CultureInfo.InvariantCulture, $"radii has {radii.Length} values but there are {rows} query rows."));
        }

        var thresholds = new double[rows];
        var radiusSpan = radii.Span;
        for (var i = 0; i < rows; i++)
        {
            var r = radiusSpan[i];
            if (double.IsNaN(r) || r < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(radii), r, string.Create(CultureInfo.InvariantCulture, $"radii[{i}] = {r} must be a non-negative number."));
            }

            thresholds[i] = EuclideanDistance.SquaredThreshold(r);
        }

        if (index is KdTree tree)
        {
            return CountWithinThresholds(tree, queries, thresholds, excludeSelf, int.MaxValue, maxDegreeOfParallelism, cancellationToken, progress);
        }

        var counts = new int[rows];
        RunBlocks(rows, BlockSize, maxDegreeOfParallelism, cancellationToken, progress, (start, end) =>
        {
            var all = queries.Span;
            for (var row = start; row < end; row++)
            {
                var exclude = excludeSelf && row < index.Count ? row : -1;
                counts[row] = index.CountWithinRadius(all.Slice(row * d, d), radii.Span[row], exclude);
            }
        });

        return counts;
    }

    /// <summary>
    /// For each query row <c>i</c>, <c>min(limit, #{ indexed points at squared distance ≤ thresholds[i] })</c>, not
    /// counting index <c>i</c> when <paramref name="excludeSelf"/> is set. The query rows that fall in the same leaf are
    /// answered together by one traversal (<see cref="KdTree.CountGroup"/>); no argument checks.
    /// </summary>
    internal static int[] CountWithinThresholds(KdTree tree, ReadOnlyMemory<double> queries, double[] thresholds, bool excludeSelf, int limit, int maxDegreeOfParallelism, CancellationToken cancellationToken, IProgress<double>? progress = null)
    {
        var rows = thresholds.Length;
        var counts = new int[rows];
        if (rows == 0)
        {
            RunBlocks(0, 1, maxDegreeOfParallelism, cancellationToken, progress, (_, _) => { });
            return counts;
        }

        var starts = GroupByLeaf(tree, queries, rows, maxDegreeOfParallelism, out var order);
        var groupCount = starts.Length - 1;
        var groupsPerBlock = (int)Math.Max(1, (long)BlockSize * groupCount / rows);
        RunBlocks(groupCount, groupsPerBlock, maxDegreeOfParallelism, cancellationToken, progress, (start, end) =>
        {
            var all = queries.Span;
            for (var g = start; g < end; g++)
            {
                tree.CountGroup(all, order.AsSpan(starts[g], starts[g + 1] - starts[g]), thresholds, excludeSelf, limit, counts);
            }
        });

        return counts;
    }

    /// <summary>
    /// The query rows sorted by the leaf they fall in (<paramref name="order"/>) and cut into groups of consecutive rows
    /// of the same leaf, at most <see cref="KdTree.BatchGroupLimit"/> each: group g is
    /// <c>order[starts[g] .. starts[g + 1]]</c>. Requires at least one row.
    /// </summary>
    private static int[] GroupByLeaf(KdTree tree, ReadOnlyMemory<double> queries, int rows, int maxDegreeOfParallelism, out int[] order)
    {
        order = SortByLeaf(tree, queries, rows, maxDegreeOfParallelism, out var leaves);
        var groups = new List<int> { 0 };
        for (var i = 1; i < rows; i++)
        {
            if (leaves[order[i]] != leaves[order[i - 1]] || i - groups[^1] >= KdTree.BatchGroupLimit)
            {
                groups.Add(i);
            }
        }

        groups.Add(rows);
        return groups.ToArray();
    }

    /// <summary>The query rows sorted (stably, by counting sort) by the leaf of the tree they fall in.</summary>
    private static int[] SortByLeaf(KdTree tree, ReadOnlyMemory<double> queries, int rows, int maxDegreeOfParallelism, out int[] leaves)
    {
        var d = tree.Dimension;
        var leafOf = new int[rows];
        var options = new ParallelOptions { MaxDegreeOfParallelism = NeighborGuard.Parallelism(maxDegreeOfParallelism) };
        Parallel.For(0, (rows + (16 * BlockSize) - 1) / (16 * BlockSize), options, block =>
        {
            var all = queries.Span;
            var end = Math.Min(rows, (block + 1) * 16 * BlockSize);
            for (var row = block * 16 * BlockSize; row < end; row++)
            {
                leafOf[row] = tree.LeafOf(all.Slice(row * d, d));
            }
        });

        leaves = leafOf;
        var starts = new int[tree.LeafCount + 1];
        for (var row = 0; row < rows; row++)
        {
            starts[leaves[row] + 1]++;
        }

        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
        {
            starts[leaf + 1] += starts[leaf];
        }

        var order = new int[rows];
        for (var row = 0; row < rows; row++)
        {
            order[starts[leaves[row]]++] = row;
        }

        return order;
    }

    private static void RunBlocks(int total, int blockSize, int maxDegreeOfParallelism, CancellationToken cancellationToken, IProgress<double>? progress, Action<int, int> body)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var blocks = (int)(((long)total + blockSize - 1) / blockSize);
        if (blocks == 0)
        {
            progress?.Report(1.0);
            return;
        }

        var done = 0;
        var gate = new object();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = NeighborGuard.Parallelism(maxDegreeOfParallelism),
            CancellationToken = cancellationToken,
        };

        Parallel.For(0, blocks, options, block =>
        {
            var start = block * blockSize;
            body(start, Math.Min(total, start + blockSize));
            if (progress is not null)
            {
                lock (gate)
                {
                    done++;
                    progress.Report((double)done / blocks);
                }
            }
        });
    }
}
