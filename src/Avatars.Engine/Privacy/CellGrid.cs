namespace Avatars.Engine.Privacy;

/// <summary>
/// A grid of B^ncp cells in the DP projected space. On axis k the B bins split [−2σ̃_k, 2σ̃_k] evenly, the outer
/// bins open to ±∞, so every row falls in exactly one cell. It depends only on the stage-1 output.
/// </summary>
internal sealed class CellGrid
{
    private readonly PrivateProjection projection;

    public CellGrid(PrivateProjection projection, int bins)
    {
        this.projection = projection;
        Bins = bins;
        CellCount = (int)Math.Pow(bins, projection.Ncp);
    }

    /// <summary>B.</summary>
    public int Bins { get; }

    /// <summary>B^ncp.</summary>
    public int CellCount { get; }

    /// <summary>The cell of a row vector.</summary>
    public int CellOf(ReadOnlySpan<double> v)
    {
        var cell = 0;
        for (var k = 0; k < projection.Ncp; k++)
        {
            var half = 2 * projection.Scales[k];
            int bin;
            if (half <= 0 || !double.IsFinite(half))
            {
                bin = Bins / 2;
            }
            else
            {
                var t = (projection.Coordinate(v, k) + half) / (2 * half);
                bin = double.IsNaN(t) ? Bins / 2 : (int)Math.Clamp(Math.Floor(t * Bins), 0, Bins - 1);
            }

            cell = (cell * Bins) + bin;
        }

        return cell;
    }

    /// <summary>The cells within one bin of <paramref name="cell"/> on every axis (itself included), in increasing order.</summary>
    public List<int> Neighbourhood(int cell)
    {
        var ncp = projection.Ncp;
        var index = new int[ncp];
        var rest = cell;
        for (var k = ncp - 1; k >= 0; k--)
        {
            index[k] = rest % Bins;
            rest /= Bins;
        }

        var result = new List<int>();
        var offsets = (int)Math.Pow(3, ncp);
        for (var o = 0; o < offsets; o++)
        {
            var code = o;
            var target = 0;
            var valid = true;
            for (var k = 0; k < ncp; k++)
            {
                var delta = (code % 3) - 1;
                code /= 3;
                var bin = index[k] + delta;
                if (bin < 0 || bin >= Bins)
                {
                    valid = false;
                    break;
                }

                target = target + (bin * (int)Math.Pow(Bins, ncp - 1 - k));
            }

            if (valid)
            {
                result.Add(target);
            }
        }

        result.Sort();
        return result;
    }
}
