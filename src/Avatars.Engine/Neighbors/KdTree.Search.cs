using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Avatars.Engine.Neighbors;

/// <content>Single-query searches of the <see cref="KdTree"/>: k nearest and radius counts.</content>
public sealed partial class KdTree
{
    private const int StackLimit = 128;

    /// <summary>k-nearest query without argument checks; spans have length exactly k.</summary>
    internal int QueryCore(ReadOnlySpan<double> point, int k, Span<int> indices, Span<double> distances, int excludeIndex)
    {
        var d = _dimension;
        Vector256<double>[]? rentedVectors = null;
        double[]? rentedOffsets = null;
        var queryVectors = d <= StackLimit ? stackalloc Vector256<double>[d] : (rentedVectors = ArrayPool<Vector256<double>>.Shared.Rent(d)).AsSpan(0, d);
        var offsets = d <= StackLimit ? stackalloc double[d] : (rentedOffsets = ArrayPool<double>.Shared.Rent(d)).AsSpan(0, d);
        for (var j = 0; j < d; j++)
        {
            queryVectors[j] = Vector256.Create(point[j]);
            offsets[j] = 0;
        }

        var state = new KnnState
        {
            Query = point,
            QueryVectors = queryVectors,
            Offsets = offsets,
            Best = distances,
            Rows = indices,
            Exclude = excludeIndex,
            Top = TopK.Empty,
        };

        if (_count > 0)
        {
            if (_internalCount == 0)
            {
                ScanLeaf(0, queryVectors, distances, indices, ref state.Top, excludeIndex);
            }
            else
            {
                SearchKnn(0, ref state);
            }
        }

        var found = state.Top.Count;
        Finish(indices, distances, found);

        if (rentedVectors is not null)
        {
            ArrayPool<Vector256<double>>.Shared.Return(rentedVectors);
        }

        if (rentedOffsets is not null)
        {
            ArrayPool<double>.Shared.Return(rentedOffsets);
        }

        return found;
    }

    /// <summary>Inclusive count of points with squared distance ≤ <paramref name="threshold"/>, without argument checks.</summary>
    internal int CountCore(ReadOnlySpan<double> point, double threshold, int excludeIndex, int limit = int.MaxValue)
    {
        if (_count == 0)
        {
            return 0;
        }

        var d = _dimension;
        Vector256<double>[]? rentedVectors = null;
        var queryVectors = d <= StackLimit ? stackalloc Vector256<double>[d] : (rentedVectors = ArrayPool<Vector256<double>>.Shared.Rent(d)).AsSpan(0, d);
        for (var j = 0; j < d; j++)
        {
            queryVectors[j] = Vector256.Create(point[j]);
        }

        // With a limit, counting stops once limit + 1 points are found (one may be the excluded point).
        var searchLimit = limit == int.MaxValue ? limit : limit + 1;
        var total = SearchCount(0, point, queryVectors, threshold, searchLimit);
        if (excludeIndex >= 0 && SquaredDistanceToSlot(point, _rowSlot[excludeIndex]) <= threshold)
        {
            total--;
        }

        total = Math.Min(total, limit);

        if (rentedVectors is not null)
        {
            ArrayPool<Vector256<double>>.Shared.Return(rentedVectors);
        }

        return total;
    }

    /// <summary>Turns the squared distances of the <paramref name="found"/> results into distances and pads the rest.</summary>
    private static void Finish(Span<int> indices, Span<double> distances, int found)
    {
        for (var i = 0; i < found; i++)
        {
            distances[i] = Math.Sqrt(distances[i]);
        }

        for (var i = found; i < distances.Length; i++)
        {
            indices[i] = -1;
            distances[i] = double.PositiveInfinity;
        }
    }

    /// <summary>
    /// Depth-first search of an internal node, nearer child first. The far child is bounded by the squared distance to
    /// the split planes crossed on the path (one offset per dimension, summed in dimension order with terms no larger
    /// than the point's own terms, so it never exceeds the computed distance of any point behind the planes).
    /// </summary>
    private void SearchKnn(int node, ref KnnState state)
    {
        var dim = _splitDimension[node];
        var diff = state.Query[dim] - _splitValue[node];
        int near, far;
        if (diff >= 0)
        {
            near = (2 * node) + 2;
            far = near - 1;
        }
        else
        {
            near = (2 * node) + 1;
            far = near + 1;
        }

        if (near >= _internalCount)
        {
            ScanLeaf(near - _internalCount, state.QueryVectors, state.Best, state.Rows, ref state.Top, state.Exclude);
        }
        else
        {
            SearchKnn(near, ref state);
        }

        var saved = state.Offsets[dim];
        state.Offsets[dim] = diff;
        var bound = SumOfSquares(state.Offsets);
        if (state.Top.Admits(bound, _minRow[far]))
        {
            if (far >= _internalCount)
            {
                var leaf = far - _internalCount;
                if (state.Top.Admits(LowerBound(far, state.Query), _minRow[far]))
                {
                    ScanLeaf(leaf, state.QueryVectors, state.Best, state.Rows, ref state.Top, state.Exclude);
                }
            }
            else
            {
                SearchKnn(far, ref state);
            }
        }

        state.Offsets[dim] = saved;
    }

    /// <summary>
    /// Offers every point of a leaf to a query's current top k (sorted squared distances in <paramref name="best"/>,
    /// rows in <paramref name="rows"/>). Four squared distances at a time, with the same operations and summation
    /// order as <see cref="EuclideanDistance.Squared"/>; NaN padding never qualifies.
    /// </summary>
    private void ScanLeaf(int leaf, ReadOnlySpan<Vector256<double>> query, Span<double> best, Span<int> rows, ref TopK top, int exclude)
    {
        var capacity = _capacity;
        var d = query.Length;
        ref var block = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_coords), leaf * _blockLength);
        ref var slotRows = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slotRow), leaf * capacity);
        ref var firstQuery = ref MemoryMarshal.GetReference(query);
        for (var g = 0; g < capacity; g += Lanes)
        {
            ref var column = ref Unsafe.Add(ref block, g);
            ref var q = ref firstQuery;
            var acc = Vector256<double>.Zero;
            for (var j = 0; j < d; j++)
            {
                var diff = q - Vector256.LoadUnsafe(ref column);
                acc += diff * diff;
                column = ref Unsafe.Add(ref column, capacity);
                q = ref Unsafe.Add(ref q, 1);
            }

            var mask = Vector256.LessThanOrEqual(acc, Vector256.Create(top.Worst)).ExtractMostSignificantBits();
            while (mask != 0)
            {
                var lane = BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                var row = Unsafe.Add(ref slotRows, g + lane);
                if (row == exclude)
                {
                    continue;
                }

                var squared = acc.GetElement(lane);
                if (top.Admits(squared, row))
                {
                    Insert(best, rows, ref top, squared, row);
                }
            }
        }
    }

    /// <summary>Inserts (squared, row) into the sorted top k, dropping the last entry when it is full.</summary>
    private static void Insert(Span<double> best, Span<int> rows, ref TopK top, double squared, int row)
    {
        var k = best.Length;
        ref var b = ref MemoryMarshal.GetReference(best);
        ref var r = ref MemoryMarshal.GetReference(rows);
        var position = top.Count < k ? top.Count++ : k - 1;
        while (position > 0)
        {
            var previous = Unsafe.Add(ref b, position - 1);
            if (squared > previous || (squared == previous && row > Unsafe.Add(ref r, position - 1)))
            {
                break;
            }

            Unsafe.Add(ref b, position) = previous;
            Unsafe.Add(ref r, position) = Unsafe.Add(ref r, position - 1);
            position--;
        }

        Unsafe.Add(ref b, position) = squared;
        Unsafe.Add(ref r, position) = row;
        if (top.Count == k)
        {
            top.Worst = Unsafe.Add(ref b, k - 1);
            top.WorstRow = Unsafe.Add(ref r, k - 1);
        }
    }

    /// <summary>Inclusive radius count below a node: pruned by the box lower bound, whole subtrees counted by the box upper bound.</summary>
    private int SearchCount(int node, ReadOnlySpan<double> query, ReadOnlySpan<Vector256<double>> queryVectors, double threshold, int limit)
    {
        if (LowerBound(node, query) > threshold)
        {
            return 0;
        }

        if (UpperBound(node, query) <= threshold)
        {
            return NodeSize(node);
        }

        if (node >= _internalCount)
        {
            return ScanLeafCount(node - _internalCount, queryVectors, threshold);
        }

        var left = SearchCount((2 * node) + 1, query, queryVectors, threshold, limit);
        return left >= limit ? left : left + SearchCount((2 * node) + 2, query, queryVectors, threshold, limit - left);
    }

    private int ScanLeafCount(int leaf, ReadOnlySpan<Vector256<double>> query, double threshold)
    {
        var capacity = _capacity;
        var d = _dimension;
        ref var block = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_coords), leaf * _blockLength);
        ref var queryVectors = ref MemoryMarshal.GetReference(query);
        var limit = Vector256.Create(threshold);
        var total = 0;
        for (var g = 0; g < capacity; g += Lanes)
        {
            ref var column = ref Unsafe.Add(ref block, g);
            var acc = Vector256<double>.Zero;
            for (var j = 0; j < d; j++)
            {
                var diff = Unsafe.Add(ref queryVectors, j) - Vector256.LoadUnsafe(ref column, (nuint)(j * capacity));
                acc += diff * diff;
            }

            total += BitOperations.PopCount(Vector256.LessThanOrEqual(acc, limit).ExtractMostSignificantBits());
        }

        return total;
    }

    /// <summary>The squared distance from a query to the point stored in a slot (same computation as the leaf scans).</summary>
    private double SquaredDistanceToSlot(ReadOnlySpan<double> query, int slot)
    {
        var leaf = slot / _capacity;
        var s = slot - (leaf * _capacity);
        var offset = (leaf * _blockLength) + s;
        var sum = 0.0;
        for (var j = 0; j < _dimension; j++)
        {
            var diff = query[j] - _coords[offset + (j * _capacity)];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>
    /// Squared distance from the query to the bounding box of a node: a lower bound of the squared distance to every
    /// point below it, exact in floating point because each term is computed from a box face that is no farther than
    /// the point (rounding is monotone) and the terms are summed in the same order as <see cref="EuclideanDistance"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double LowerBound(int node, ReadOnlySpan<double> query)
    {
        var d = _dimension;
        ref var lo = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_boxes), node * 2 * d);
        ref var hi = ref Unsafe.Add(ref lo, d);
        ref var q = ref MemoryMarshal.GetReference(query);
        var sum = 0.0;
        for (var j = 0; j < d; j++)
        {
            var x = Unsafe.Add(ref q, j);
            var low = Unsafe.Add(ref lo, j);
            var high = Unsafe.Add(ref hi, j);
            var diff = x < low ? low - x : (x > high ? x - high : 0.0);
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>Squared distance from the query to the farthest corner of a node's box: an upper bound (same reasoning).</summary>
    private double UpperBound(int node, ReadOnlySpan<double> query)
    {
        var d = _dimension;
        var offset = node * 2 * d;
        var sum = 0.0;
        for (var j = 0; j < d; j++)
        {
            var diff = Math.Max(Math.Abs(query[j] - _boxes[offset + j]), Math.Abs(query[j] - _boxes[offset + d + j]));
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>The number of rows below a node.</summary>
    private int NodeSize(int node)
    {
        var depth = BitOperations.Log2((uint)node + 1);
        var position = node + 1 - (1 << depth);
        return RangeStart(depth, position + 1) - RangeStart(depth, position);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumOfSquares(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        for (var j = 0; j < values.Length; j++)
        {
            sum += values[j] * values[j];
        }

        return sum;
    }

    /// <summary>The state of a query's current top k: how many are held and the last (worst) entry.</summary>
    private struct TopK
    {
        public int Count;
        public double Worst;
        public int WorstRow;

        public static TopK Empty => new() { Count = 0, Worst = double.PositiveInfinity, WorstRow = int.MaxValue };

        /// <summary>
        /// Whether a candidate at squared distance <paramref name="squared"/> (or a subtree at that lower bound whose
        /// smallest row is <paramref name="row"/>) can still enter the top k: strictly nearer than the worst entry, or
        /// as near with a lower row (lowest index wins ties). While the top k is not full, Worst is +∞.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool Admits(double squared, int row) => squared < Worst || (squared == Worst && row < WorstRow);
    }

    private ref struct KnnState
    {
        public ReadOnlySpan<double> Query;
        public Span<Vector256<double>> QueryVectors;
        public Span<double> Offsets;
        public Span<double> Best;
        public Span<int> Rows;
        public int Exclude;
        public TopK Top;
    }
}
