using Avatars.Data;
using Avatars.Engine.Projection;
using static Avatars.Engine.Tests.Projection.ProjectionTestData;

namespace Avatars.Engine.Tests.Projection;

/// <summary>
/// Ports of saiph's own unit tests (octopize/saiph <c>saiph/projection_test.py</c>,
/// <c>saiph/reduction/pca_test.py</c>, <c>famd_test.py</c>, <c>mca_test.py</c>): same frames, same expected values.
/// Expectations whose sign depends on LAPACK rounding of exactly tied |U| entries are compared in absolute value.
/// </summary>
public sealed class UpstreamSaiphTests
{
    /// <summary><c>df_pca</c> of projection_test.py.</summary>
    private static Table DfPca() => TableOf(
        Floats("0", 1000, 3000, 10000, 1500, 700, 3300, 5000, 2000, 1200, 6000),
        Floats("1", 185.0, 174.3, 156.8, 182.7, 180.3, 179.2, 164.7, 192.5, 191.0, 169.2),
        Ints("2", 1, 5, 10, 2, 4, 4, 7, 3, 1, 6));

    /// <summary><c>df_famd</c> of projection_test.py.</summary>
    private static Table DfFamd() => TableOf(
        Ints("variable_1", 4, 5, 6, 7, 11, 2, 52),
        Ints("variable_2", 10, 20, 30, 40, 10, 74, 10),
        Categories("variable_3", "red", "blue", "blue", "green", "red", "blue", "red"),
        Ints("variable_4", 100, 50, -30, -50, -19, -29, -20));

    /// <summary><c>df_mca</c> of projection_test.py.</summary>
    private static Table DfMca() => TableOf(
        Categories("0", "red", "red", "whithe", "whithe", "red", "whithe", "red", "red", "whithe", "red"),
        Categories("1", "beef", "chicken", "fish", "fish", "beef", "chicken", "beef", "chicken", "fish", "beef"),
        Categories("2", "france", "espagne", "france", "italy", "espagne", "france", "france", "espagne", "chine", "france"));

    public static TheoryData<string> Frames => ["pca", "mca", "famd"];

    private static Table Frame(string name) => name switch
    {
        "pca" => DfPca(),
        "mca" => DfMca(),
        _ => DfFamd(),
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Kind_IsChosenByColumnTypes(string frame)
    {
        var table = Frame(frame);
        var expected = frame switch { "pca" => ProjectionKind.Pca, "mca" => ProjectionKind.Mca, _ => ProjectionKind.Famd };

        Assert.Equal(expected, ProjectionModel.KindFor(table));
        Assert.Equal(expected, ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken).Kind);
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void ExplainedVarianceRatio_MatchesSaiph(string frame)
    {
        double[] expected = frame switch
        {
            "pca" => [0.9404831846910865, 0.040151017139633684, 0.01936579816927985],
            "mca" => [0.42099362789799255, 0.23253662367291794, 0.1666666666666665, 0.1314458557658021, 0.035220810900864555],
            _ => [0.44820992177856206, 0.2801754650846534, 0.1707856006031922, 0.05566366403780453, 0.04516534849578783],
        };

        var model = ProjectionModel.Fit(Frame(frame), cancellationToken: TestContext.Current.CancellationToken);

        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], model.ExplainedVarianceRatio[k], 1e-7);
        }
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void FirstDimensionCorrelations_MatchSaiph(string frame)
    {
        double[] expected = frame switch
        {
            "pca" => [0.9621683005738202, -0.9667100394109722, 0.9803843201246043],
            "mca" =>
            [
                -0.9169410964961192, 0.9169410964961192, -0.5776131247092218, -0.3215176498417082, 0.9390120540605189,
                0.5586386162833192, -0.5628216589197227, -0.15453176858793358, 0.5586386162833191,
            ],
            _ => [-0.5930925452224494, 0.8992562362632682, -0.5058995881660323, 0.6216213705726737, 0.399494477072544, -0.9041066243572436],
        };

        var correlations = ProjectionModel.Fit(Frame(frame), cancellationToken: TestContext.Current.CancellationToken).Correlations();

        Assert.Equal(expected.Length, correlations.RowNames.Count);
        for (var r = 0; r < expected.Length; r++)
        {
            Assert.Equal(expected[r], correlations[r, 0], 1e-7);
        }
    }

    [Fact]
    public void Pca_TransformOfThreeByThree_MatchesSaiph()
    {
        var table = TableOf(Floats("0", -2.0, 7.0, -4.5), Floats("1", 6.0, 2.0, 7.0), Floats("2", 5.0, 10.0, -14.5));
        double[,] expected = { { -0.285647, 0.730941, 0.0 }, { 2.150812, -0.287485, 0.0 }, { -1.865165, -0.443456, 0.0 } };

        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var coordinates = model.Transform(table, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, coordinates.Columns);
        for (var i = 0; i < 3; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(expected[i, k], coordinates[i, k], 1e-5);
            }
        }
    }

    [Fact]
    public void Pca_VariableContributions_MatchSaiph()
    {
        // quanti_df of conftest.py, nf = 3; saiph compares the first n − 1 = 2 components only (round-off on the last).
        var table = TableOf(Ints("variable_1", 4, 5, 6, 7), Ints("variable_2", 10, 20, 30, 40), Ints("variable_3", 100, 50, -30, -50));
        var expected = new Dictionary<string, double[]>
        {
            ["variable_1"] = [33.497034, 16.502966],
            ["variable_2"] = [33.497034, 16.502966],
            ["variable_3"] = [33.005932, 66.994068],
        };

        var contributions = ProjectionModel.Fit(table, new ProjectionOptions { ComponentCount = 3 }, TestContext.Current.CancellationToken).Contributions();

        foreach (var (name, values) in expected)
        {
            Assert.Equal(values[0], contributions[name, 0], 1e-5);
            Assert.Equal(values[1], contributions[name, 1], 1e-5);
        }
    }

    [Fact]
    public void Famd_FitMix_MatchesSaiphUpToTheTiedSign()
    {
        // famd_test.py test_fit_mix: n = 2, P = 5, nf = 2; |U| ties between the two rows, so only magnitudes are fixed.
        var table = TableOf(Categories("tool", "toaster", "hammer"), Categories("score", "aa", "ab"), Floats("size", 1.0, 4.0));

        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var coordinates = model.Transform(table, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["size", "tool___hammer", "tool___toaster", "score___aa", "score___ab"], model.ProjectedColumnNames);
        Assert.Equal(2, model.ComponentCount);
        Assert.Equal(1.224745, model.SingularValues[0], 1e-6);
        Assert.Equal(0.0, model.SingularValues[1], 1e-6);
        Assert.Equal(1.5, model.ExplainedVariance[0], 1e-9);
        Assert.Equal(1.0, model.ExplainedVarianceRatio[0], 1e-9);
        Assert.Equal(0.0, model.ExplainedVarianceRatio[1], 1e-9);
        double[] v0 = [0.57735, 0.408248, -0.408248, -0.408248, 0.408248];
        var sign = Math.Sign(model.Component(0)[0]);
        for (var l = 0; l < 5; l++)
        {
            Assert.Equal(v0[l], sign * model.Component(0)[l], 1e-6);
        }

        Assert.Equal(Math.Sqrt(3), Math.Abs(coordinates[0, 0]), 1e-9);
        Assert.Equal(-coordinates[0, 0], coordinates[1, 0], 1e-9);
        Assert.Equal(2.5, model.Means[0]);
        Assert.Equal(1.5, model.StandardDeviations[0]);
        Assert.Equal([0.5, 0.5, 0.5, 0.5], model.DummyProportions);
    }

    [Fact]
    public void Mca_FitZero_GivesZeroVarianceAndNaNRatio()
    {
        // mca_test.py test_fit_zero: a single modality per column; every singular value is 0.
        var table = TableOf(Categories("tool", "toaster", "toaster"), Categories("score", "aa", "aa"));

        var model = ProjectionModel.Fit(table, cancellationToken: TestContext.Current.CancellationToken);
        var coordinates = model.Transform(table, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["tool___toaster", "score___aa"], model.DummyNames);
        Assert.All(model.ExplainedVariance, v => Assert.Equal(0.0, v, 1e-12));
        Assert.All(model.ExplainedVarianceRatio, r => Assert.True(double.IsNaN(r)));
        Assert.All(coordinates.Data, c => Assert.Equal(Math.Sqrt(0.5), c, 1e-6));
    }

    [Fact]
    public void Mca_Contributions_OfTheFirstTwoComponents_MatchSaiph()
    {
        // mca_test.py test_get_variable_contributions (quali_df, nf = 3); the third component is null, its vector arbitrary.
        var table = TableOf(Categories("tool", "wrench", "wrench", "hammer", "hammer"), Categories("fruit", "apple", "orange", "apple", "apple"));
        var expected = new Dictionary<string, double>
        {
            ["tool___hammer"] = 25.0,
            ["tool___wrench"] = 25.0,
            ["fruit___apple"] = 12.5,
            ["fruit___orange"] = 37.5,
        };

        var contributions = ProjectionModel.Fit(table, new ProjectionOptions { ComponentCount = 3 }, TestContext.Current.CancellationToken).Contributions(explode: true);

        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, contributions[name, 0], 1e-6);
            Assert.Equal(value, contributions[name, 1], 1e-6);
        }
    }
}
