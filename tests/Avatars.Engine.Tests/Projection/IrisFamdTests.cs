using Avatars.Engine.Projection;

namespace Avatars.Engine.Tests.Projection;

/// <summary>FAMD of saiph's iris fixture against FactoMineR (method.md §3.2, §3.9, §9.1).</summary>
public sealed class IrisFamdTests
{
    private static readonly string[] ContributionRows =
    [
        "sepal.length", "sepal.width", "petal.length", "petal.width",
        "variety___Setosa", "variety___Versicolor", "variety___Virginica",
    ];

    private static readonly string[] Cos2Rows = ["sepal.length", "sepal.width", "petal.length", "petal.width", "variety"];

    private static ProjectionModel FitIris() =>
        ProjectionModel.Fit(ProjectionTestData.ReadCsv("saiph/iris.csv"), new ProjectionOptions { ComponentCount = 5 }, TestContext.Current.CancellationToken);

    [Fact]
    public void Layout_IsFamdWithVarietyDummiesInCategoryOrder()
    {
        var model = FitIris();

        Assert.Equal(ProjectionKind.Famd, model.Kind);
        Assert.Equal(5, model.ComponentCount);
        Assert.Equal(150, model.RowCount);
        Assert.Equal(["variety___Setosa", "variety___Versicolor", "variety___Virginica"], model.DummyNames);
        Assert.Equal(ContributionRows, model.ProjectedColumnNames);
    }

    [Fact]
    public void SingularValues_EigenvaluesAndRatios_MatchFactoMineR()
    {
        var model = FitIris();
        double[] singular = [0.16062707, 0.09459472, 0.06280705, 0.03206549, 0.01331966, 0.01002229];
        double[] eigenvalues = [3.870159, 1.342224, 0.591709, 0.154229, 0.026612];
        double[] ratios = [0.645026, 0.223704, 0.098618, 0.025705, 0.004435];

        Assert.Equal(7, model.AllSingularValues.Count); // min(n = 150, P = 7); the 7th is null (dummies sum to a constant)
        for (var k = 0; k < singular.Length; k++)
        {
            Assert.Equal(singular[k], model.AllSingularValues[k], 1e-8);
        }

        Assert.True(model.AllSingularValues[6] < 1e-7);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(singular[k], model.SingularValues[k], 1e-8);
            Assert.Equal(eigenvalues[k], 150 * model.SingularValues[k] * model.SingularValues[k], 1e-6);
            Assert.Equal(ratios[k], model.ExplainedVarianceRatio[k], 1e-6);
            Assert.Equal(model.SingularValues[k] * model.SingularValues[k] / 149, model.ExplainedVariance[k], 1e-15);
        }
    }

    [Fact]
    public void FirstIndividual_AfterSvdFlip_MatchesSaiph()
    {
        var table = ProjectionTestData.ReadCsv("saiph/iris.csv");
        var model = ProjectionModel.Fit(table, new ProjectionOptions { ComponentCount = 5 }, TestContext.Current.CancellationToken);
        var coordinates = model.Transform(table, cancellationToken: TestContext.Current.CancellationToken);
        double[] expected = [-2.643907, -0.603966, -0.062524, 0.123683, 0.024753];

        Assert.Equal(150, coordinates.Rows);
        Assert.Equal(5, coordinates.Columns);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(expected[k], coordinates[0, k], 1e-6);
        }
    }

    [Fact]
    public void Contributions_MatchFactoMineRFixture()
    {
        var model = FitIris();
        var expected = ProjectionTestData.ReadMatrix("saiph/iris_factomineR_contributions.csv");
        var contributions = model.Contributions(explode: true);

        Assert.Equal(ContributionRows, contributions.RowNames);
        for (var r = 0; r < ContributionRows.Length; r++)
        {
            for (var k = 0; k < 5; k++)
            {
                Assert.Equal(expected[r][k], contributions[ContributionRows[r], k], 1e-5);
            }
        }

        // Not exploded: the variety row is the sum of its modalities.
        var grouped = model.Contributions();
        Assert.Equal(Cos2Rows, grouped.RowNames);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(expected[4][k] + expected[5][k] + expected[6][k], grouped["variety", k], 1e-5);
            Assert.Equal(100, Enumerable.Range(0, 5).Sum(r => grouped[r, k]), 1e-9);
        }
    }

    [Fact]
    public void Cos2_MatchesFactoMineRFixture()
    {
        var model = FitIris();
        var expected = ProjectionTestData.ReadMatrix("saiph/iris_factomineR_cos2.csv");
        var cos2 = model.Cos2();

        Assert.Equal(Cos2Rows, cos2.RowNames);
        for (var r = 0; r < Cos2Rows.Length; r++)
        {
            for (var k = 0; k < 5; k++)
            {
                Assert.Equal(expected[r][k], cos2[r, k], 1e-5);
            }
        }
    }

    [Fact]
    public void DenseSvdOracle_GivesTheSameModel()
    {
        var table = ProjectionTestData.ReadCsv("saiph/iris.csv");
        var gram = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var dense = ProjectionModel.FitCore(table, null, denseSvd: true, TestContext.Current.CancellationToken);

        for (var k = 0; k < 6; k++)
        {
            Assert.Equal(dense.AllSingularValues[k], gram.AllSingularValues[k], 1e-12);
            for (var l = 0; l < 7; l++)
            {
                Assert.Equal(dense.Component(k)[l], gram.Component(k)[l], 1e-9);
            }
        }
    }
}
