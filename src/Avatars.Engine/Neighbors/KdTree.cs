using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Avatars.Engine.Neighbors;

/// <summary>
/// An exact Euclidean k-d tree over <c>n</c> points of dimension <c>d</c>, following the rules of
/// <see cref="INeighborIndex"/> (ascending (distance, index) order, lowest index wins ties, inclusive radius counts,
/// distances from <see cref="EuclideanDistance"/>). Results are bitwise identical to <see cref="BruteForceNeighbors"/>.
/// </summary>
/// <remarks>
/// <para>
/// Layout: a complete, implicit binary tree (node <c>i</c> has children <c>2i + 1</c> and <c>2i + 2</c>) of depth
/// <c>L</c>, the smallest depth whose leaves hold at most the bucket size. Each internal node splits its rows at the
/// middle position (median, by quickselect) along the dimension of widest spread, so leaf sizes differ by at most one
/// and the build is O(n log n). Nodes are flat arrays (split dimension and value, tight bounding box, smallest row index
/// below); the points are copied into leaf blocks stored dimension-major (structure of arrays) and padded with NaN to a
/// multiple of four, so four squared distances are computed at once with 256-bit vectors — the same operations and
/// summation order as <see cref="EuclideanDistance.Squared"/>, hence bitwise equal to it.
/// </para>
/// <para>
/// Exactness: every pruning bound (squared distance to the split planes crossed, to a node's bounding box, or between
/// two boxes) is summed in dimension order from terms that are never larger than the corresponding terms of any point
/// behind it (floating-point subtraction and multiplication are monotone), so a bound never exceeds a point's computed
/// squared distance. A subtree whose bound equals the current k-th squared distance is still visited when it holds a
/// row index lower than the current k-th row, so "lowest index wins" ties are resolved exactly.
/// </para>
/// <para>
/// Single queries are depth first, nearer child first, pruned by the split planes and the leaves' boxes. Batches
/// (<see cref="NeighborSearch"/>) answer a group of nearby queries — the rows of a leaf for self k-NN, or the query
/// rows falling in the same leaf — with one traversal: a node is entered when its box admits at least one query of the
/// group (bounds of four queries per vector), then each admitting query scans the candidate leaf. Radius counts add
/// whole subtrees whose box lies within the radius. Memory: about <c>n·d·8</c> bytes of coordinates plus padding,
/// <c>8n</c> bytes of row maps and <c>(2n/bucket)·(2d·8 + 16)</c> bytes of nodes.
/// </para>
/// </remarks>
public sealed partial class KdTree : INeighborIndex
{
    /// <summary>The default maximum number of points in a leaf.</summary>
    public const int DefaultBucketSize = 32;

    private const int Lanes = 4;
    private readonly int _count;
    private readonly int _dimension;
    private readonly int _internalCount;
    private readonly int _leafCount;
    private readonly int _capacity;
    private readonly int _blockLength;

    /// <summary>Leaf blocks: leaf * (capacity * d) + j * capacity + slot; NaN in padding slots.</summary>
    private readonly double[] _coords;

    /// <summary>Row index of each slot (leaf * capacity + slot); −1 in padding slots.</summary>
    private readonly int[] _slotRow;

    /// <summary>Slot of each row.</summary>
    private readonly int[] _rowSlot;

    private readonly int[] _splitDimension;
    private readonly double[] _splitValue;

    /// <summary>Smallest row index in the subtree of each node (internal nodes then leaves).</summary>
    private readonly int[] _minRow;

    /// <summary>Tight bounding box of each node: node * 2d + j is the minimum of coordinate j, node * 2d + d + j the maximum.</summary>
    private readonly double[] _boxes;

    /// <summary>Builds the tree.</summary>
    /// <param name="points">The points, row-major (<paramref name="count"/> × <paramref name="dimension"/>); copied.</param>
    /// <param name="count">The number of points (may be 0).</param>
    /// <param name="dimension">The dimension (at least 1).</param>
    /// <param name="bucketSize">The maximum number of points in a leaf (2 to 1024).</param>
    /// <param name="maxDegreeOfParallelism">Threads used for the build (≤ 0: all processors). The tree does not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A size is out of range, the buffer length is not <c>count × dimension</c>, or a coordinate is NaN or infinite
    /// (the message names the row).
    /// </exception>
    public KdTree(ReadOnlySpan<double> points, int count, int dimension, int bucketSize = DefaultBucketSize, int maxDegreeOfParallelism = 1)
    {
        NeighborGuard.Points(points, count, dimension, nameof(points), nameof(count), nameof(dimension));
        if (bucketSize < 2 || bucketSize > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketSize), bucketSize, $"The bucket size must be between 2 and 1024 (got {bucketSize}).");
        }

        _count = count;
        _dimension = dimension;
        BucketSize = bucketSize;

        var levels = 0;
        while (CeilDiv(count, 1L << levels) > bucketSize)
        {
            levels++;
        }

        Depth = levels;
        _leafCount = 1 << levels;
        _internalCount = _leafCount - 1;
        var maxLeaf = (int)CeilDiv(count, _leafCount);
        _capacity = Math.Max(Lanes, (maxLeaf + Lanes - 1) / Lanes * Lanes);
        _blockLength = _capacity * dimension;

        _splitDimension = new int[_internalCount];
        _splitValue = new double[_internalCount];
        _minRow = new int[_internalCount + _leafCount];
        _boxes = new double[(_internalCount + _leafCount) * 2 * dimension];

        var work = points.ToArray();
        var rows = new int[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = i;
        }

        new Builder(this, work, rows).Build(NeighborGuard.Parallelism(maxDegreeOfParallelism));

        _coords = new double[(long)_leafCount * _blockLength > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(count), count, "Too many points for one tree.") : _leafCount * _blockLength];
        _slotRow = new int[_leafCount * _capacity];
        _rowSlot = new int[count];
        for (var leaf = 0; leaf < _leafCount; leaf++)
        {
            var start = LeafStart(leaf);
            var size = LeafStart(leaf + 1) - start;
            var block = leaf * _blockLength;
            var minRow = int.MaxValue;
            var box = (_internalCount + leaf) * 2 * dimension;
            for (var j = 0; j < dimension; j++)
            {
                _boxes[box + j] = double.PositiveInfinity;
                _boxes[box + dimension + j] = double.NegativeInfinity;
            }

            for (var s = 0; s < _capacity; s++)
            {
                var slot = leaf * _capacity + s;
                if (s < size)
                {
                    var row = rows[start + s];
                    _slotRow[slot] = row;
                    _rowSlot[row] = slot;
                    minRow = Math.Min(minRow, row);
                    for (var j = 0; j < dimension; j++)
                    {
                        var v = work[((start + s) * dimension) + j];
                        _coords[block + (j * _capacity) + s] = v;
                        _boxes[box + j] = Math.Min(_boxes[box + j], v);
                        _boxes[box + dimension + j] = Math.Max(_boxes[box + dimension + j], v);
                    }
                }
                else
                {
                    _slotRow[slot] = -1;
                    for (var j = 0; j < dimension; j++)
                    {
                        _coords[block + (j * _capacity) + s] = double.NaN;
                    }
                }
            }

            _minRow[_internalCount + leaf] = minRow;
        }

        for (var node = _internalCount - 1; node >= 0; node--)
        {
            _minRow[node] = Math.Min(_minRow[(2 * node) + 1], _minRow[(2 * node) + 2]);
        }
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public int Dimension => _dimension;

    /// <summary>The maximum number of points in a leaf, as requested at construction.</summary>
    public int BucketSize { get; }

    /// <summary>The depth of the tree (0 when the root is a leaf); there are <c>2^Depth</c> leaves.</summary>
    public int Depth { get; }

    /// <inheritdoc />
    public int Query(ReadOnlySpan<double> point, int k, Span<int> indices, Span<double> distances, int excludeIndex = -1)
    {
        NeighborGuard.Point(point, _dimension, nameof(point));
        NeighborGuard.QueryOutputs(k, indices.Length, distances.Length);
        NeighborGuard.Exclude(excludeIndex, _count);
        return QueryCore(point, k, indices[..k], distances[..k], excludeIndex);
    }

    /// <inheritdoc />
    public int Nearest(ReadOnlySpan<double> point, out double distance, int excludeIndex = -1)
    {
        NeighborGuard.Point(point, _dimension, nameof(point));
        NeighborGuard.Exclude(excludeIndex, _count);
        Span<int> index = stackalloc int[1];
        Span<double> dist = stackalloc double[1];
        QueryCore(point, 1, index, dist, excludeIndex);
        distance = dist[0];
        return index[0];
    }

    /// <summary>
    /// Like <see cref="CountWithinRadius(ReadOnlySpan{double}, double, int)"/>, but stops counting at
    /// <paramref name="limit"/>: returns <c>min(count, limit)</c>. The work is then bounded by the limit, however many
    /// points the ball holds.
    /// </summary>
    /// <param name="point">The query point.</param>
    /// <param name="radius">The inclusive radius.</param>
    /// <param name="excludeIndex">An index not to count, or −1.</param>
    /// <param name="limit">The largest count returned (at least 1).</param>
    public int CountWithinRadius(ReadOnlySpan<double> point, double radius, int excludeIndex, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var threshold = EuclideanDistance.SquaredThreshold(radius);
        NeighborGuard.Point(point, _dimension, nameof(point));
        NeighborGuard.Exclude(excludeIndex, _count);
        return CountCore(point, threshold, excludeIndex, limit);
    }

    /// <inheritdoc />
    public int CountWithinRadius(ReadOnlySpan<double> point, double radius, int excludeIndex = -1)
    {
        var threshold = EuclideanDistance.SquaredThreshold(radius);
        NeighborGuard.Point(point, _dimension, nameof(point));
        NeighborGuard.Exclude(excludeIndex, _count);
        return CountCore(point, threshold, excludeIndex);
    }

    /// <inheritdoc />
    public void CopyPoint(int index, Span<double> destination)
    {
        NeighborGuard.Row(index, _count, nameof(index));
        if (destination.Length < _dimension)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"destination has room for {destination.Length} coordinates but the dimension is {_dimension}.");
        }

        CopySlot(_rowSlot[index], destination);
    }

    /// <summary>The number of leaves (<c>2^Depth</c>).</summary>
    internal int LeafCount => _leafCount;

    /// <summary>The number of slots (leaves × capacity), including padding slots.</summary>
    internal int SlotCount => _leafCount * _capacity;

    /// <summary>The row stored in a slot, or −1 for a padding slot.</summary>
    internal int RowAtSlot(int slot) => _slotRow[slot];

    /// <summary>Copies the coordinates stored in a slot.</summary>
    internal void CopySlot(int slot, Span<double> destination)
    {
        var leaf = slot / _capacity;
        var s = slot - (leaf * _capacity);
        var block = leaf * _blockLength;
        for (var j = 0; j < _dimension; j++)
        {
            destination[j] = _coords[block + (j * _capacity) + s];
        }
    }

    /// <summary>The leaf a point descends to (used to order batch queries for locality).</summary>
    internal int LeafOf(ReadOnlySpan<double> point)
    {
        var node = 0;
        while (node < _internalCount)
        {
            node = (2 * node) + (point[_splitDimension[node]] >= _splitValue[node] ? 2 : 1);
        }

        return node - _internalCount;
    }

    private int LeafStart(int leaf) => RangeStart(Depth, leaf);

    /// <summary>First row (in build order) of the node at <paramref name="position"/> within level <paramref name="depth"/>.</summary>
    private int RangeStart(int depth, int position) => (int)(((long)position * _count) >> depth);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
