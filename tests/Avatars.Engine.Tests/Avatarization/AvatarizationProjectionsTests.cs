using Avatars.Data.Generation;
using Avatars.Engine.Avatarization;

namespace Avatars.Engine.Tests.Avatarization;

public sealed class AvatarizationProjectionsTests
{
    [Fact]
    public void Projections_are_absent_unless_requested()
    {
        var table = PatientTableGenerator.Generate(200, seed: 4);
        var result = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 5, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(result.OriginalProjections);
        Assert.Null(result.AvatarProjections);
    }

    [Fact]
    public void Projections_have_one_row_per_individual_and_ncp_columns_and_do_not_change_the_avatars()
    {
        var table = PatientTableGenerator.Generate(300, seed: 4);
        var plain = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 5, Seed = 7, Ncp = 4 }, cancellationToken: TestContext.Current.CancellationToken);
        var result = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 5, Seed = 7, Ncp = 4, IncludeProjections = true }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(result.OriginalProjections);
        Assert.NotNull(result.AvatarProjections);
        Assert.Equal((300, 4), (result.OriginalProjections.Rows, result.OriginalProjections.Columns));
        Assert.Equal((300, 4), (result.AvatarProjections.Rows, result.AvatarProjections.Columns));
        Assert.All(result.AvatarProjections.Data, v => Assert.True(double.IsFinite(v)));

        // Same seed: the avatars do not depend on the option.
        for (var c = 0; c < table.ColumnCount; c++)
        {
            Assert.Equal(
                Enumerable.Range(0, 300).Select(r => plain.Avatars[c].FormatValue(r)),
                Enumerable.Range(0, 300).Select(r => result.Avatars[c].FormatValue(r)));
        }

        // The originals' first component is centred (a projection fitted on them); the avatars are close to it.
        var mean = Enumerable.Range(0, 300).Average(r => result.OriginalProjections[r, 0]);
        Assert.True(Math.Abs(mean) < 1e-6, $"mean of Dim. 1 = {mean}");
        var avatarSpread = Enumerable.Range(0, 300).Select(r => result.AvatarProjections[r, 0]).ToArray();
        Assert.True(avatarSpread.Max() - avatarSpread.Min() > 0);
    }
}
