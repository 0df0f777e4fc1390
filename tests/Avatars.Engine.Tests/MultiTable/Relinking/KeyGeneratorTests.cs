using Avatars.Data;
using Avatars.Engine.MultiTable.Relinking;

namespace Avatars.Engine.Tests.MultiTable.Relinking;

public sealed class KeyGeneratorTests
{
    [Fact]
    public void RelinkedChildrenPointToUniqueNewParentKeys()
    {
        var parents = RelinkTestData.Random("parent_avatars", 12, seed: 60).WithColumn(new IntColumn("id", [.. Enumerable.Repeat(7L, 12)]));
        var children = RelinkTestData.Random("child_avatars", 30, seed: 61, withChildVariable: true);
        int[] counts = RelinkTestData.Counts(12, 30, seed: 62);
        var projection = ChildRelinker.FitProjection(RelinkTestData.Random("parents", 30, 63), RelinkTestData.Shared);
        var link = ChildRelinker.Relink(parents, children, counts, RelinkTestData.Shared, projection);

        var keyedParents = KeyGenerator.WithPrimaryKeys(parents, "id");
        var keyedChildren = KeyGenerator.WithPrimaryKeys(KeyGenerator.WithForeignKeys(children, "parent_id", link.ParentOfChild, parents.RowCount), "child_id");

        long[] parentKeys = ((IntColumn)keyedParents["id"]).Values.ToArray();
        long[] childKeys = ((IntColumn)keyedChildren["child_id"]).Values.ToArray();
        long[] foreign = ((IntColumn)keyedChildren["parent_id"]).Values.ToArray();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), parentKeys);
        Assert.Equal(30, childKeys.Distinct().Count());
        Assert.All(foreign, k => Assert.Contains(k, parentKeys));
        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(parentKeys[link.ParentOfChild[i]], foreign[i]);
        }

        // Each parent key is referenced exactly by its child count.
        for (int p = 0; p < 12; p++)
        {
            Assert.Equal(counts[p], foreign.Count(k => k == parentKeys[p]));
        }

        Assert.Equal(parents.ColumnCount, keyedParents.ColumnCount); // "id" replaced, not appended
        Assert.Equal(children.ColumnCount + 2, keyedChildren.ColumnCount);
    }

    [Fact]
    public void AnAssignmentThatDoesNotFitIsRejected()
    {
        var children = RelinkTestData.Random("child_avatars", 3, seed: 64);

        var length = Assert.Throws<ArgumentException>(() => KeyGenerator.WithForeignKeys(children, "parent_id", [0, 1], 2));
        var range = Assert.Throws<ArgumentException>(() => KeyGenerator.WithForeignKeys(children, "parent_id", [0, 2, 1], 2));

        Assert.StartsWith("The assignment has 2 entries but table 'child_avatars' has 3 child rows;", length.Message, StringComparison.Ordinal);
        Assert.StartsWith("Child 1 is assigned parent row 2, outside 0 … 1 (2 parent avatars).", range.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysStartAtOne()
    {
        Assert.Equal(1L, KeyGenerator.KeyOf(0));
        Assert.Equal(42L, KeyGenerator.KeyOf(41));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyGenerator.KeyOf(-1));
    }
}
