using Avatars.Data;
using Avatars.Engine.MultiTable.Enrichment;
using Avatars.Engine.MultiTable.Relinking;

namespace Avatars.Engine.Tests.MultiTable.Enrichment;

public sealed class EnrichmentRelinkingTests
{
    [Theory]
    [InlineData(RelinkMethod.LinearSumAssignment)]
    [InlineData(RelinkMethod.MinimumDistanceAssignment)]
    public void EnrichedOriginalsUsedAsAvatarsRelinkWithTheirCounts(RelinkMethod method)
    {
        var rng = new Random(11);
        const int parents = 15;
        var ids = Enumerable.Range(1, parents).Select(i => (long)i).ToArray();
        var parent = new Table(
            [
                new IntColumn("id", ids),
                new FloatColumn("x", [.. ids.Select(_ => rng.NextDouble() * 10)]),
                CategoryColumn.FromValues("grp", [.. ids.Select(_ => rng.NextDouble() < 0.5 ? "a" : "b")]),
            ],
            "parents");
        var fk = new List<long>();
        for (int p = 0; p < parents; p++)
        {
            int n = rng.Next(0, 5);
            for (int c = 0; c < n; c++)
            {
                fk.Add(ids[p]);
            }
        }

        var child = new Table(
            [new IntColumn("parent_id", [.. fk]), new FloatColumn("amount", [.. fk.Select(_ => rng.NextDouble())])],
            "items");

        var parentAvatars = ParentEnricher.Enrich(parent, "id", child, "parent_id");
        var childAvatars = ChildEnricher.Enrich(child, "parent_id", parent, "id");
        var rawCounts = ((IntColumn)parentAvatars["items_count"]).Values.ToArray().Select(v => (double)v).ToArray();
        int[] counts = ChildCounts.FromAvatarizedCounts(rawCounts, childAvatars.RowCount);
        Assert.Equal(rawCounts.Select(v => (int)v), counts);
        Assert.Contains(0, counts);

        string[] shared = ["x", "grp"];
        var projection = ChildRelinker.FitProjection(parent, shared);
        var result = ChildRelinker.Relink(parentAvatars, childAvatars, counts, shared, projection, method);

        Assert.Equal(childAvatars.RowCount, result.ParentOfChild.Count);
        var got = new int[parents];
        foreach (int p in result.ParentOfChild)
        {
            Assert.InRange(p, 0, parents - 1);
            got[p]++;
        }

        Assert.Equal(counts, got);
        if (method == RelinkMethod.LinearSumAssignment)
        {
            Assert.Equal(0.0, result.TotalDistance, 9); // the originals re-link to parents identical on x and grp
        }
    }
}
