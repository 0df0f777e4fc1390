namespace Avatars.Engine.Projection;

/// <summary>
/// Parallel loops over fixed-size row blocks. The partition and the order in which partial results are combined
/// depend only on the row count, never on the thread count, so results are bit-for-bit reproducible.
/// </summary>
internal static class RowBlocks
{
    /// <summary>Rows per block: small enough for the block buffers to stay in cache.</summary>
    public const int BlockSize = 2048;

    /// <summary>Partial results kept for a reduction; blocks are dealt to them round-robin.</summary>
    private const int Stripes = 16;

    /// <summary>
    /// Runs <paramref name="body"/>(state, start, count) on every block. Block <c>b</c> goes to stripe
    /// <c>b mod stripes</c>; each stripe processes its blocks in order with its own state. Returns the states in
    /// stripe order, for the caller to combine in that order.
    /// </summary>
    public static TState[] Reduce<TState>(int rowCount, Func<TState> create, Action<TState, int, int> body, CancellationToken cancellationToken)
    {
        var blocks = BlockCount(rowCount);
        var stripes = Math.Max(1, Math.Min(Stripes, blocks));
        var states = new TState[stripes];
        Parallel.For(0, stripes, new ParallelOptions { CancellationToken = cancellationToken }, stripe =>
        {
            var state = create();
            for (var block = stripe; block < blocks; block += stripes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = block * BlockSize;
                body(state, start, Math.Min(BlockSize, rowCount - start));
            }

            states[stripe] = state;
        });
        return states;
    }

    /// <summary>Runs <paramref name="body"/>(state, start, count) on every block, with one state per worker, for work without reduction.</summary>
    public static void ForEach<TState>(int rowCount, Func<TState> create, Action<TState, int, int> body, CancellationToken cancellationToken)
    {
        var blocks = BlockCount(rowCount);
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { CancellationToken = cancellationToken },
            create,
            (block, _, state) =>
            {
                var start = block * BlockSize;
                body(state, start, Math.Min(BlockSize, rowCount - start));
                return state;
            },
            _ => { });
    }

    private static int BlockCount(int rowCount) => (int)(((long)rowCount + BlockSize - 1) / BlockSize);
}
