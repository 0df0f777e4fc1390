using System.Runtime.CompilerServices;

namespace Avatars.Engine.Neighbors;

/// <content>Construction of the <see cref="KdTree"/> nodes (median splits by quickselect).</content>
public sealed partial class KdTree
{
    /// <summary>
    /// Splits row ranges recursively: node at <c>position</c> of level <c>depth</c> holds the build-order rows
    /// <c>[⌊position·n/2^depth⌋, ⌊(position+1)·n/2^depth⌋)</c>; its split is the median along the widest dimension.
    /// Rows are swapped physically in a row-major work copy so the selection runs on contiguous memory.
    /// </summary>
    private sealed class Builder(KdTree tree, double[] work, int[] rows)
    {
        private readonly int _d = tree._dimension;

        public void Build(int parallelism)
        {
            var levels = tree.Depth;
            var parallelDepth = 0;
            if (parallelism > 1 && tree._count >= 1 << 16)
            {
                while ((1 << parallelDepth) < 4 * parallelism && parallelDepth < levels)
                {
                    parallelDepth++;
                }
            }

            for (var depth = 0; depth < parallelDepth; depth++)
            {
                for (var position = 0; position < 1 << depth; position++)
                {
                    Split(depth, position);
                }
            }

            if (parallelDepth == 0)
            {
                BuildSubtree(0, 0);
                return;
            }

            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
            Parallel.For(0, 1 << parallelDepth, options, position => BuildSubtree(parallelDepth, position));
        }

        private void BuildSubtree(int depth, int position)
        {
            if (depth == tree.Depth)
            {
                return;
            }

            Split(depth, position);
            BuildSubtree(depth + 1, 2 * position);
            BuildSubtree(depth + 1, (2 * position) + 1);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Split(int depth, int position)
        {
            var node = (1 << depth) - 1 + position;
            var lo = tree.RangeStart(depth, position);
            var hi = tree.RangeStart(depth, position + 1);
            var mid = tree.RangeStart(depth + 1, (2 * position) + 1);
            var d = _d;

            var bestDim = 0;
            var bestSpread = -1.0;
            var box = node * 2 * d;
            for (var j = 0; j < d; j++)
            {
                var min = double.PositiveInfinity;
                var max = double.NegativeInfinity;
                for (var i = lo; i < hi; i++)
                {
                    var v = work[(i * d) + j];
                    if (v < min)
                    {
                        min = v;
                    }

                    if (v > max)
                    {
                        max = v;
                    }
                }

                tree._boxes[box + j] = min;
                tree._boxes[box + d + j] = max;
                var spread = max - min;
                if (spread > bestSpread)
                {
                    bestSpread = spread;
                    bestDim = j;
                }
            }

            if (bestSpread > 0)
            {
                Select(lo, hi - 1, mid, bestDim);
            }

            tree._splitDimension[node] = bestDim;
            tree._splitValue[node] = work[(mid * d) + bestDim];
        }

        /// <summary>
        /// Hoare/Wirth selection on rows <c>[left, right]</c> by coordinate <paramref name="dim"/>: afterwards row
        /// <paramref name="kth"/> holds the k-th smallest key, rows before it are ≤ and rows after it are ≥.
        /// Median-of-three pivots; equal keys are spread over both sides, so duplicates do not degrade it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Select(int left, int right, int kth, int dim)
        {
            var d = _d;
            while (right > left)
            {
                var a = work[(left * d) + dim];
                var b = work[((left + ((right - left) / 2)) * d) + dim];
                var c = work[(right * d) + dim];
                var pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));

                var i = left;
                var j = right;
                while (i <= j)
                {
                    while (work[(i * d) + dim] < pivot)
                    {
                        i++;
                    }

                    while (work[(j * d) + dim] > pivot)
                    {
                        j--;
                    }

                    if (i <= j)
                    {
                        Swap(i, j);
                        i++;
                        j--;
                    }
                }

                if (kth <= j)
                {
                    right = j;
                }
                else if (kth >= i)
                {
                    left = i;
                }
                else
                {
                    return;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Swap(int i, int j)
        {
            if (i == j)
            {
                return;
            }

            var d = _d;
            var a = i * d;
            var b = j * d;
            for (var t = 0; t < d; t++)
            {
                (work[a + t], work[b + t]) = (work[b + t], work[a + t]);
            }

            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }
}
