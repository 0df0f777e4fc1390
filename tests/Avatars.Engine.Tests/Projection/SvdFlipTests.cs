using Avatars.Engine.Projection;

namespace Avatars.Engine.Tests.Projection;

/// <summary>The thin SVD + svd_flip helper against saiph's <c>svd_test.py</c> anchor (method.md §3.7).</summary>
public sealed class SvdFlipTests
{
    [Fact]
    public void ThinSvd_OfOneToNine_MatchesSaiphAnchor()
    {
        double[] a = [1, 2, 3, 4, 5, 6, 7, 8, 9];

        var (u, s, vt) = Decomposition.ThinSvd(a, 3, 3);

        Assert.Equal(16.84810335, s[0], 1e-8);
        Assert.Equal(1.06836951, s[1], 1e-8);
        Assert.True(s[2] < 1e-14);
        double[] u0 = [0.21483724, 0.52058739, 0.82633754];
        double[] v0 = [0.47967118, 0.57236779, 0.66506441];
        double[] v1 = [-0.77669099, -0.07568647, 0.62531805];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(u0[i], u[(i * 3) + 0], 1e-8);
            Assert.Equal(v0[i], vt[i], 1e-8);
            Assert.Equal(v1[i], vt[3 + i], 1e-8);
        }
    }

    [Fact]
    public void SvdFlip_MakesLargestAbsoluteEntryOfUPositive_FirstIndexOnTies()
    {
        // Column 0: |−2| ties with |2| → the first (negative) decides: flip. Column 1: largest is 3 > 0: keep.
        double[] u = [-2, 1, 2, 3];
        double[] vt = [1, -1, 5, 6];

        Decomposition.SvdFlip(u, vt, rows: 2, columns: 2, rank: 2);

        Assert.Equal([2, 1, -2, 3], u);
        Assert.Equal([-1, 1, 5, 6], vt);
    }
}
