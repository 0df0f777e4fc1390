using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Avatars.Engine.Neighbors;

/// <content>
/// Batched radius counts of the <see cref="KdTree"/>: a group of nearby queries (at most
/// <see cref="BatchGroupLimit"/>, each with its own squared threshold) is answered by one traversal. At each node the
/// point-to-box lower and upper bounds of four queries are computed per vector (same values as
/// <see cref="LowerBound"/> and <see cref="UpperBound"/>); a query leaves the traversal of a subtree when the box is
/// beyond its threshold, adds the whole subtree when the box lies within it, and goes on otherwise. Each query's count
/// is the same as <see cref="CountCore"/>'s.
/// </content>
public sealed partial class KdTree
{
    /// <summary>
    /// Writes into <paramref name="counts"/> (indexed by query row) the inclusive count of indexed points within each
    /// query's squared threshold, for a group of query rows (at most <see cref="BatchGroupLimit"/>), sharing one
    /// traversal. Query row <c>r</c> does not count index <c>r</c> when <paramref name="excludeSelf"/> is set and
    /// <c>r &lt; Count</c>; counts stop at <paramref name="limit"/> (<c>min(count, limit)</c>, as <see cref="CountCore"/>).
    /// </summary>
    internal void CountGroup(ReadOnlySpan<double> queries, ReadOnlySpan<int> group, ReadOnlySpan<double> thresholds, bool excludeSelf, int limit, int[] counts)
    {
        var m = group.Length;
        if (m == 0)
        {
            return;
        }

        if (_count == 0)
        {
            foreach (var row in group)
            {
                counts[row] = 0;
            }

            return;
        }

        var d = _dimension;
        var size = m * d;
        var padded = (m + Lanes - 1) / Lanes * Lanes;
        Vector256<double>[]? rentedVectors = null;
        double[]? rentedColumns = null;
        var queryVectors = size <= BatchStackLimit / 2 ? stackalloc Vector256<double>[size] : (rentedVectors = ArrayPool<Vector256<double>>.Shared.Rent(size)).AsSpan(0, size);
        var columnsSize = (padded * d) + padded + d;
        var columns = columnsSize <= BatchStackLimit ? stackalloc double[columnsSize] : (rentedColumns = ArrayPool<double>.Shared.Rent(columnsSize)).AsSpan(0, columnsSize);
        columns.Fill(double.NaN);
        var limits = columns.Slice(padded * d, padded);
        var centre = columns.Slice((padded * d) + padded, d);
        Span<int> totals = stackalloc int[BatchGroupLimit];

        for (var i = 0; i < m; i++)
        {
            var row = group[i];
            for (var j = 0; j < d; j++)
            {
                var v = queries[(row * d) + j];
                queryVectors[(i * d) + j] = Vector256.Create(v);
                columns[(j * padded) + i] = v;
            }

            limits[i] = thresholds[row];
        }

        for (var j = 0; j < d; j++)
        {
            var low = double.PositiveInfinity;
            var high = double.NegativeInfinity;
            for (var i = 0; i < m; i++)
            {
                low = Math.Min(low, columns[(j * padded) + i]);
                high = Math.Max(high, columns[(j * padded) + i]);
            }

            centre[j] = (low * 0.5) + (high * 0.5);
        }

        var state = new CountState
        {
            QueryVectors = queryVectors,
            Columns = columns[..(padded * d)],
            Limits = limits,
            Centre = centre,
            Totals = totals,
            Padded = padded,

            // With a limit, counting stops once limit + 1 points are found (one may be the excluded point).
            SearchLimit = limit == int.MaxValue ? limit : limit + 1,
        };

        var all = m == 64 ? ulong.MaxValue : (1UL << m) - 1;
        VisitCount(0, all, ref state);

        for (var i = 0; i < m; i++)
        {
            var row = group[i];
            var total = totals[i];
            if (excludeSelf && row < _count && SquaredDistanceToSlot(queries.Slice(row * d, d), _rowSlot[row]) <= limits[i])
            {
                total--;
            }

            counts[row] = Math.Min(total, limit);
        }

        if (rentedVectors is not null)
        {
            ArrayPool<Vector256<double>>.Shared.Return(rentedVectors);
        }

        if (rentedColumns is not null)
        {
            ArrayPool<double>.Shared.Return(rentedColumns);
        }
    }

    /// <summary>
    /// Visits a node for the <paramref name="active"/> queries (bit i = query i): queries whose box lower bound exceeds
    /// their threshold drop out, queries whose box upper bound is within it add the node's size, the others descend
    /// (or scan the leaf). A query drops out everywhere once its count reaches the search limit.
    /// </summary>
    private void VisitCount(int node, ulong active, ref CountState state)
    {
        var d = _dimension;
        var padded = state.Padded;
        ref var lo = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_boxes), node * 2 * d);
        ref var hi = ref Unsafe.Add(ref lo, d);
        ref var columns = ref MemoryMarshal.GetReference(state.Columns);
        ref var limits = ref MemoryMarshal.GetReference(state.Limits);

        var inside = 0UL;
        var whole = 0UL;
        for (var g = 0; g < padded; g += Lanes)
        {
            if (((active >> g) & 0xF) == 0)
            {
                continue;
            }

            var lower = Vector256<double>.Zero;
            var upper = Vector256<double>.Zero;
            ref var column = ref Unsafe.Add(ref columns, g);
            for (var j = 0; j < d; j++)
            {
                var q = Vector256.LoadUnsafe(ref column);
                var below = Vector256.Create(Unsafe.Add(ref lo, j)) - q;
                var above = q - Vector256.Create(Unsafe.Add(ref hi, j));
                var gap = Vector256.MaxNative(Vector256<double>.Zero, Vector256.MaxNative(below, above));
                lower += gap * gap;
                var reach = Vector256.Max(Vector256.Abs(below), Vector256.Abs(above));
                upper += reach * reach;
                column = ref Unsafe.Add(ref column, padded);
            }

            var threshold = Vector256.LoadUnsafe(ref limits, (nuint)g);
            inside |= (ulong)Vector256.LessThanOrEqual(lower, threshold).ExtractMostSignificantBits() << g;
            whole |= (ulong)Vector256.LessThanOrEqual(upper, threshold).ExtractMostSignificantBits() << g;
        }

        inside &= active;
        whole &= inside;
        if (whole != 0)
        {
            var nodeSize = NodeSize(node);
            var full = whole;
            while (full != 0)
            {
                var i = BitOperations.TrailingZeroCount(full);
                full &= full - 1;
                state.Totals[i] += nodeSize;
                if (state.Totals[i] >= state.SearchLimit)
                {
                    state.Done |= 1UL << i;
                }
            }
        }

        var open = inside & ~whole;
        if (open == 0)
        {
            return;
        }

        if (node >= _internalCount)
        {
            var leaf = node - _internalCount;
            while (open != 0)
            {
                var i = BitOperations.TrailingZeroCount(open);
                open &= open - 1;
                state.Totals[i] += ScanLeafCount(leaf, state.QueryVectors.Slice(i * d, d), Unsafe.Add(ref limits, i));
                if (state.Totals[i] >= state.SearchLimit)
                {
                    state.Done |= 1UL << i;
                }
            }

            return;
        }

        // The child on the queries' side first: with a limit, the dense part of the balls is counted first.
        var near = (2 * node) + 1;
        var far = near + 1;
        if (state.Centre[_splitDimension[node]] >= _splitValue[node])
        {
            (near, far) = (far, near);
        }

        VisitCount(near, open, ref state);
        open &= ~state.Done;
        if (open != 0)
        {
            VisitCount(far, open, ref state);
        }
    }

    private ref struct CountState
    {
        public Span<Vector256<double>> QueryVectors;

        /// <summary>The query rows' coordinates, dimension-major (j * Padded + i), NaN in padding lanes.</summary>
        public Span<double> Columns;

        /// <summary>Each query row's squared threshold, NaN in padding lanes.</summary>
        public Span<double> Limits;

        /// <summary>Centre of the queries' bounding box: decides which child is visited first.</summary>
        public Span<double> Centre;

        /// <summary>Each query row's running count.</summary>
        public Span<int> Totals;

        /// <summary>The queries whose count reached the search limit.</summary>
        public ulong Done;

        public int Padded;
        public int SearchLimit;
    }
}
