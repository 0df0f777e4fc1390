using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Avatars.Engine.Neighbors;

/// <content>
/// Leaf-batched self k-nearest search of the <see cref="KdTree"/>: all rows of a leaf are answered by one traversal,
/// pruned with the box-to-box distance between the query leaf and each node, so the traversal cost is shared by the
/// leaf's rows; each candidate leaf is then offered to each query row unless the row's own point-to-box bound excludes it.
/// </content>
public sealed partial class KdTree
{
    private const int BatchStackLimit = 1024;

    /// <summary>
    /// Writes the <paramref name="k"/> nearest other rows of every row of <paramref name="leaf"/> into the row-major
    /// result arrays (row <c>r</c> at <c>[r·k, (r+1)·k)</c>), excluding each row itself. Same answers as
    /// <see cref="QueryCore"/> with <c>excludeIndex = r</c>.
    /// </summary>
    internal void SelfNeighborsOfLeaf(int leaf, int k, int[] indices, double[] distances)
    {
        var start = LeafStart(leaf);
        var m = LeafStart(leaf + 1) - start;
        if (m == 0)
        {
            return;
        }

        var d = _dimension;
        var size = m * d;
        Vector256<double>[]? rentedVectors = null;
        TopK[]? rentedTops = null;
        int[]? rentedRows = null;
        var queryVectors = size <= BatchStackLimit ? stackalloc Vector256<double>[size] : (rentedVectors = ArrayPool<Vector256<double>>.Shared.Rent(size)).AsSpan(0, size);
        var tops = m <= 64 ? stackalloc TopK[m] : (rentedTops = ArrayPool<TopK>.Shared.Rent(m)).AsSpan(0, m);
        var padded = (m + Lanes - 1) / Lanes * Lanes;
        double[]? rentedColumns = null;
        var columnsSize = (padded * d) + padded;
        var columns = columnsSize <= BatchStackLimit ? stackalloc double[columnsSize] : (rentedColumns = ArrayPool<double>.Shared.Rent(columnsSize)).AsSpan(0, columnsSize);
        columns.Fill(double.NaN);
        var worsts = columns[(padded * d)..];
        var rows = m <= 64 ? stackalloc int[m] : (rentedRows = ArrayPool<int>.Shared.Rent(m)).AsSpan(0, m);

        // The top k of every query row is kept in a small local buffer (hot in cache) and copied out at the end.
        var bestSize = m * k;
        double[]? rentedBest = null;
        int[]? rentedBestRows = null;
        var bestSquared = bestSize <= BatchStackLimit ? stackalloc double[bestSize] : (rentedBest = ArrayPool<double>.Shared.Rent(bestSize)).AsSpan(0, bestSize);
        var bestRows = bestSize <= BatchStackLimit ? stackalloc int[bestSize] : (rentedBestRows = ArrayPool<int>.Shared.Rent(bestSize)).AsSpan(0, bestSize);

        var block = leaf * _blockLength;
        for (var i = 0; i < m; i++)
        {
            rows[i] = _slotRow[(leaf * _capacity) + i];
            tops[i] = TopK.Empty;
            for (var j = 0; j < d; j++)
            {
                var v = _coords[block + (j * _capacity) + i];
                queryVectors[(i * d) + j] = Vector256.Create(v);
                columns[(j * padded) + i] = v;
            }
        }

        var state = new BatchState
        {
            QueryLeaf = _internalCount + leaf,
            QueryVectors = queryVectors,
            Tops = tops,
            Rows = rows,
            Columns = columns[..(padded * d)],
            Worsts = worsts,
            Padded = padded,
            K = k,
            BestRows = bestRows,
            BestSquared = bestSquared,
        };

        for (var i = 0; i < m; i++)
        {
            var row = rows[i];
            ScanLeaf(leaf, queryVectors.Slice(i * d, d), bestSquared.Slice(i * k, k), bestRows.Slice(i * k, k), ref tops[i], row);
            worsts[i] = tops[i].Worst;
        }

        if (_internalCount > 0)
        {
            VisitBatch(0, ref state);
        }

        for (var i = 0; i < m; i++)
        {
            var row = rows[i];
            bestSquared.Slice(i * k, k).CopyTo(distances.AsSpan(row * k, k));
            bestRows.Slice(i * k, k).CopyTo(indices.AsSpan(row * k, k));
            Finish(indices.AsSpan(row * k, k), distances.AsSpan(row * k, k), tops[i].Count);
        }

        if (rentedVectors is not null)
        {
            ArrayPool<Vector256<double>>.Shared.Return(rentedVectors);
        }

        if (rentedBest is not null)
        {
            ArrayPool<double>.Shared.Return(rentedBest);
        }

        if (rentedBestRows is not null)
        {
            ArrayPool<int>.Shared.Return(rentedBestRows);
        }

        if (rentedColumns is not null)
        {
            ArrayPool<double>.Shared.Return(rentedColumns);
        }

        if (rentedTops is not null)
        {
            ArrayPool<TopK>.Shared.Return(rentedTops);
        }

        if (rentedRows is not null)
        {
            ArrayPool<int>.Shared.Return(rentedRows);
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
            ref var queryBox = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_boxes), state.QueryLeaf * 2 * d);
            var centre = (Unsafe.Add(ref queryBox, dim) * 0.5) + (Unsafe.Add(ref queryBox, d + dim) * 0.5);
            if (centre >= _splitValue[node])
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

        if (node == state.QueryLeaf)
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
                    ScanLeaf(leaf, state.QueryVectors.Slice(i * d, d), state.BestSquared.Slice(i * k, k), state.BestRows.Slice(i * k, k), ref top, state.Rows[i]);
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
        public int QueryLeaf;
        public Span<Vector256<double>> QueryVectors;
        public Span<TopK> Tops;
        public Span<int> Rows;

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
