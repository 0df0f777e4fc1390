using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Avatars.Engine.Neighbors;

/// <content>
/// Batched k-nearest search of the <see cref="KdTree"/>: a group of nearby queries (all rows of a leaf for self k-NN,
/// or the query rows falling in the same leaf) is answered by one traversal; a node is entered when its box admits at
/// least one query (point-to-box bounds of four queries per vector), and each candidate leaf is scanned by the queries
/// whose own bound admits it. The traversal cost is shared by the group.
/// </content>
public sealed partial class KdTree
{
    /// <summary>The largest number of query rows answered together by <see cref="NeighborsOfGroup"/>.</summary>
    internal const int BatchGroupLimit = 64;

    private const int BatchStackLimit = 1024;

    /// <summary>
    /// Writes the <paramref name="k"/> nearest other rows of every row of <paramref name="leaf"/> into the row-major
    /// result arrays (row <c>r</c> at <c>[r·k, (r+1)·k)</c>), excluding each row itself. Same answers as
    /// <see cref="QueryCore"/> with <c>excludeIndex = r</c>.
    /// </summary>
    internal void SelfNeighborsOfLeaf(int leaf, int k, int[] indices, double[] distances)
    {
        var m = LeafStart(leaf + 1) - LeafStart(leaf);
        if (m == 0)
        {
            return;
        }

        var d = _dimension;
        double[]? rentedPoints = null;
        int[]? rentedRows = null;
        var points = m * d <= BatchStackLimit ? stackalloc double[m * d] : (rentedPoints = ArrayPool<double>.Shared.Rent(m * d)).AsSpan(0, m * d);
        var rows = m <= BatchStackLimit ? stackalloc int[m] : (rentedRows = ArrayPool<int>.Shared.Rent(m)).AsSpan(0, m);
        for (var i = 0; i < m; i++)
        {
            var slot = (leaf * _capacity) + i;
            rows[i] = _slotRow[slot];
            CopySlot(slot, points.Slice(i * d, d));
        }

        BatchKnn(points, rows, rows, leaf, k, indices, distances);

        if (rentedPoints is not null)
        {
            ArrayPool<double>.Shared.Return(rentedPoints);
        }

        if (rentedRows is not null)
        {
            ArrayPool<int>.Shared.Return(rentedRows);
        }
    }

    /// <summary>
    /// Writes the <paramref name="k"/> nearest indexed points of a group of query rows (ideally rows that fall in the
    /// same leaf; at most <see cref="BatchGroupLimit"/>) into row-major result arrays, sharing one traversal. Query row
    /// <c>r</c> excludes index <c>r</c> when <paramref name="excludeSelf"/> is set and <c>r &lt; Count</c>.
    /// </summary>
    internal void NeighborsOfGroup(ReadOnlySpan<double> queries, ReadOnlySpan<int> group, bool excludeSelf, int k, int[] indices, double[] distances)
    {
        var m = group.Length;
        var d = _dimension;
        double[]? rentedPoints = null;
        var points = m * d <= BatchStackLimit ? stackalloc double[m * d] : (rentedPoints = ArrayPool<double>.Shared.Rent(m * d)).AsSpan(0, m * d);
        Span<int> excludes = stackalloc int[m];
        for (var i = 0; i < m; i++)
        {
            var row = group[i];
            queries.Slice(row * d, d).CopyTo(points.Slice(i * d, d));
            excludes[i] = excludeSelf && row < _count ? row : -1;
        }

        BatchKnn(points, excludes, group, -1, k, indices, distances);

        if (rentedPoints is not null)
        {
            ArrayPool<double>.Shared.Return(rentedPoints);
        }
    }

    /// <summary>
    /// The shared batch search: <paramref name="points"/> (m × d) with their exclusions and output rows. When
    /// <paramref name="ownLeaf"/> ≥ 0 (self search) that leaf, which holds the queries, is scanned first and then skipped.
    /// </summary>
    private void BatchKnn(ReadOnlySpan<double> points, ReadOnlySpan<int> excludes, ReadOnlySpan<int> outputRows, int ownLeaf, int k, int[] indices, double[] distances)
    {
        var d = _dimension;
        var m = excludes.Length;
        var size = m * d;
        Vector256<double>[]? rentedVectors = null;
        TopK[]? rentedTops = null;
        double[]? rentedColumns = null;
        double[]? rentedBest = null;
        int[]? rentedBestRows = null;
        var queryVectors = size <= BatchStackLimit / 2 ? stackalloc Vector256<double>[size] : (rentedVectors = ArrayPool<Vector256<double>>.Shared.Rent(size)).AsSpan(0, size);
        var tops = m <= 64 ? stackalloc TopK[m] : (rentedTops = ArrayPool<TopK>.Shared.Rent(m)).AsSpan(0, m);
        var padded = (m + Lanes - 1) / Lanes * Lanes;
        var columnsSize = (padded * d) + padded + (2 * d);
        var columns = columnsSize <= BatchStackLimit ? stackalloc double[columnsSize] : (rentedColumns = ArrayPool<double>.Shared.Rent(columnsSize)).AsSpan(0, columnsSize);
        columns.Fill(double.NaN);
        var worsts = columns.Slice(padded * d, padded);
        var centre = columns.Slice((padded * d) + padded, d);

        // The top k of every query is kept in a small local buffer (hot in cache) and copied out at the end.
        var bestSize = m * k;
        var bestSquared = bestSize <= BatchStackLimit ? stackalloc double[bestSize] : (rentedBest = ArrayPool<double>.Shared.Rent(bestSize)).AsSpan(0, bestSize);
        var bestRows = bestSize <= BatchStackLimit ? stackalloc int[bestSize] : (rentedBestRows = ArrayPool<int>.Shared.Rent(bestSize)).AsSpan(0, bestSize);

        for (var j = 0; j < d; j++)
        {
            var low = double.PositiveInfinity;
            var high = double.NegativeInfinity;
            for (var i = 0; i < m; i++)
            {
                var v = points[(i * d) + j];
                queryVectors[(i * d) + j] = Vector256.Create(v);
                columns[(j * padded) + i] = v;
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }

            centre[j] = (low * 0.5) + (high * 0.5);
        }

        for (var i = 0; i < m; i++)
        {
            tops[i] = TopK.Empty;
            worsts[i] = double.PositiveInfinity;
        }

        var state = new BatchState
        {
            SkipNode = ownLeaf >= 0 ? _internalCount + ownLeaf : -1,
            QueryVectors = queryVectors,
            Tops = tops,
            Excludes = excludes,
            Columns = columns[..(padded * d)],
            Worsts = worsts,
            Centre = centre,
            Padded = padded,
            K = k,
            BestRows = bestRows,
            BestSquared = bestSquared,
        };

        if (ownLeaf >= 0)
        {
            for (var i = 0; i < m; i++)
            {
                ScanLeaf(ownLeaf, queryVectors.Slice(i * d, d), bestSquared.Slice(i * k, k), bestRows.Slice(i * k, k), ref tops[i], excludes[i]);
                worsts[i] = tops[i].Worst;
            }
        }

        if (_count > 0)
        {
            VisitBatch(0, ref state);
        }

        for (var i = 0; i < m; i++)
        {
            var row = outputRows[i];
            bestSquared.Slice(i * k, k).CopyTo(distances.AsSpan(row * k, k));
            bestRows.Slice(i * k, k).CopyTo(indices.AsSpan(row * k, k));
            Finish(indices.AsSpan(row * k, k), distances.AsSpan(row * k, k), tops[i].Count);
        }

        if (rentedVectors is not null)
        {
            ArrayPool<Vector256<double>>.Shared.Return(rentedVectors);
        }

        if (rentedTops is not null)
        {
            ArrayPool<TopK>.Shared.Return(rentedTops);
        }

        if (rentedColumns is not null)
        {
            ArrayPool<double>.Shared.Return(rentedColumns);
        }

        if (rentedBest is not null)
        {
            ArrayPool<double>.Shared.Return(rentedBest);
        }

        if (rentedBestRows is not null)
        {
            ArrayPool<int>.Shared.Return(rentedBestRows);
        }
    }

    /// <summary>
    /// Visits a node for all query rows of the leaf: it is searched when at least one row admits its box (point-to-box
    /// lower bound, four rows per vector, same values as <see cref="LowerBound"/>); at a leaf, each admitting row scans it.
    /// Children are visited nearer-first with respect to the query leaf's centre.
    /// </summary>
    private void VisitBatch(int node, ref BatchState state)
    {
        var d = _dimension;
        var padded = state.Padded;
        var minRow = _minRow[node];
        ref var lo = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_boxes), node * 2 * d);
        ref var hi = ref Unsafe.Add(ref lo, d);
        ref var columns = ref MemoryMarshal.GetReference(state.Columns);
        ref var worsts = ref MemoryMarshal.GetReference(state.Worsts);

        if (node < _internalCount)
        {
            var admitted = false;
            for (var g = 0; g < padded && !admitted; g += Lanes)
            {
                var acc = BoxBounds(ref lo, ref hi, ref columns, g, padded, d);
                var worst = Vector256.LoadUnsafe(ref worsts, (nuint)g);
                if (Vector256.LessThanAny(acc, worst))
                {
                    admitted = true;
                    break;
                }

                var ties = Vector256.Equals(acc, worst).ExtractMostSignificantBits();
                while (ties != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(ties);
                    ties &= ties - 1;
                    if (minRow < state.Tops[g + lane].WorstRow)
                    {
                        admitted = true;
                        break;
                    }
                }
            }

            if (!admitted)
            {
                return;
            }

            var left = (2 * node) + 1;
            var dim = _splitDimension[node];
            if (state.Centre[dim] >= _splitValue[node])
            {
                VisitBatch(left + 1, ref state);
                VisitBatch(left, ref state);
            }
            else
            {
                VisitBatch(left, ref state);
                VisitBatch(left + 1, ref state);
            }

            return;
        }

        if (node == state.SkipNode)
        {
            return;
        }

        var leaf = node - _internalCount;
        var k = state.K;
        for (var g = 0; g < padded; g += Lanes)
        {
            var acc = BoxBounds(ref lo, ref hi, ref columns, g, padded, d);
            var mask = Vector256.LessThanOrEqual(acc, Vector256.LoadUnsafe(ref worsts, (nuint)g)).ExtractMostSignificantBits();
            while (mask != 0)
            {
                var lane = BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                var i = g + lane;
                ref var top = ref state.Tops[i];
                if (top.Admits(acc.GetElement(lane), minRow))
                {
                    ScanLeaf(leaf, state.QueryVectors.Slice(i * d, d), state.BestSquared.Slice(i * k, k), state.BestRows.Slice(i * k, k), ref top, state.Excludes[i]);
                    Unsafe.Add(ref worsts, i) = top.Worst;
                }
            }
        }
    }

    /// <summary>
    /// Squared distances from four query rows (columns g … g + 3, dimension-major) to a box, summed in dimension order:
    /// per dimension max(lo − q, q − hi, 0), the same value as the branchy scalar <see cref="LowerBound"/>. NaN
    /// padding lanes stay NaN (the NaN operand is passed second to the native max, which then returns it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> BoxBounds(ref double lo, ref double hi, ref double columns, int g, int padded, int d)
    {
        var acc = Vector256<double>.Zero;
        ref var column = ref Unsafe.Add(ref columns, g);
        for (var j = 0; j < d; j++)
        {
            var q = Vector256.LoadUnsafe(ref column);
            var below = Vector256.Create(Unsafe.Add(ref lo, j)) - q;
            var above = q - Vector256.Create(Unsafe.Add(ref hi, j));
            var gap = Vector256.MaxNative(Vector256<double>.Zero, Vector256.MaxNative(below, above));
            acc += gap * gap;
            column = ref Unsafe.Add(ref column, padded);
        }

        return acc;
    }

    private ref struct BatchState
    {
        /// <summary>The own leaf's node in a self search (already scanned), −1 otherwise.</summary>
        public int SkipNode;
        public Span<Vector256<double>> QueryVectors;
        public Span<TopK> Tops;
        public ReadOnlySpan<int> Excludes;

        /// <summary>Centre of the queries' bounding box: decides which child is visited first.</summary>
        public Span<double> Centre;

        /// <summary>The query rows' coordinates, dimension-major (j * Padded + i), NaN in padding lanes.</summary>
        public Span<double> Columns;

        /// <summary>Each query row's current worst squared distance (mirror of Tops[i].Worst), NaN in padding lanes.</summary>
        public Span<double> Worsts;

        public int Padded;
        public int K;
        public Span<int> BestRows;
        public Span<double> BestSquared;
    }
}
