using Avatars.Data;
using Avatars.Engine.Privacy;

namespace Avatars.Engine.Tests.Privacy;

/// <summary>
/// The key lemma of the proof sketch, checked on data: replacing one row changes each released statistic by at most
/// its sensitivity in L1 (Δ₁ = m² + 3m for the moments, Δ₂ = 2(m + 1) for the cell aggregates).
/// </summary>
public sealed class DifferentialPrivacySensitivityTests
{
    [Fact]
    public void ReplacingOneRow_ChangesTheStatisticsByAtMostTheirSensitivity()
    {
        var table = DifferentialPrivacyTestData.Table(200);
        var extremes = new Table(
        [
            new FloatColumn("x", [10, 0, 10]),
            new FloatColumn("y", [0, 21, 500]),
            new IntColumn("count", [7, 0, -3]),
            new CategoryColumn("group", [2, 0, 1], ["a", "b", "c"]),
            new BoolColumn("flag", [true, false, true]),
        ], "visits");
        var encoding = DpRowEncoding.Create(table, DifferentialPrivacyTestData.Bounds);
        var rows = encoding.Encode();
        var replacements = DpRowEncoding.Create(extremes, DifferentialPrivacyTestData.Bounds).Encode();
        int n = table.RowCount, d = encoding.Width, m = encoding.ColumnCount;
        var moments = PrivateMoments.Compute(rows, n, d, 1, 1);
        var grid = new CellGrid(PrivateProjection.Fit(moments, d, 2), 5);
        var cells = PrivateCellAggregates.Compute(rows, n, d, grid, 1, 1);
        var worst1 = 0.0;
        var worst2 = 0.0;
        for (var r = 0; r < 3; r++)
        {
            for (var target = 0; target < n; target += 7)
            {
                var neighbour = (double[])rows.Clone();
                replacements.AsSpan(r * d, d).CopyTo(neighbour.AsSpan(target * d, d));
                var other = PrivateMoments.Compute(neighbour, n, d, 1, 1);
                worst1 = Math.Max(worst1, moments.ExactSums.Zip(other.ExactSums, (a, b) => Math.Abs(a - b)).Sum());
                var otherCells = PrivateCellAggregates.Compute(neighbour, n, d, grid, 1, 1);
                var change = cells.ExactCounts.Zip(otherCells.ExactCounts, (a, b) => Math.Abs(a - b)).Sum()
                    + cells.ExactSums.Zip(otherCells.ExactSums, (a, b) => Math.Abs(a - b)).Sum();
                worst2 = Math.Max(worst2, change);
            }
        }

        Assert.InRange(worst1, 1e-9, PrivateMoments.Sensitivity(m) + 1e-9);
        Assert.InRange(worst2, 1e-9, PrivateCellAggregates.Sensitivity(m) + 1e-9);
    }
}
