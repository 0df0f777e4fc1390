using Avatars.Client.Tests.Fakes;
using Avatars.Config;

namespace Avatars.Client.Tests.Runner;

/// <summary><see cref="TableParameters.DpBounds"/>: the project extension <c>avatarization_dp.&lt;t&gt;.bounds</c>.</summary>
public sealed class DpBoundsTests
{
    private static readonly Dictionary<string, DpColumnBounds> DoctorBounds = new() { ["age"] = new(18, 80) };

    private const string DoctorEntry = "    doctor:\n      epsilon: 3.0\n      bounds:\n        age: [18, 80]\n";

    [Fact]
    public void The_keyword_overload_writes_the_bounds_in_flow_style_after_the_vendor_fields()
    {
        var runner = new Client.Runner(new FakeApiClient(), "tutorial_multitable");
        runner.Configuration.FromYaml(RunnerFixtures.ReadGolden("multi-table-1.0.8.yaml"));
        runner.SetParameters("doctor", dpEpsilon: 3, useCategoricalReduction: true, dpBounds: DoctorBounds);
        Assert.Contains(
            "    doctor:\n      epsilon: 3.0\n      use_categorical_reduction: true\n      bounds:\n        age: [18, 80]\n",
            runner.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fractional_bounds_are_written_as_floats()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters
        {
            DpEpsilon = 3, DpBounds = new Dictionary<string, DpColumnBounds> { ["sepal.length"] = new(4.5, 8), ["petal.width"] = new(-0.25, 3) },
        });
        Assert.Contains("      bounds:\n        sepal.length: [4.5, 8]\n        petal.width: [-0.25, 3]\n", config.GetYaml(), StringComparison.Ordinal);
        Assert.Empty(ResourceSetYaml.Parse(config.GetYaml()).Validate());
    }

    [Fact]
    public void Bounds_survive_get_yaml_then_from_yaml_and_update_parameters()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.SetParameters("doctor", new TableParameters { DpEpsilon = 3, DpBounds = DoctorBounds });
        var yaml = config.GetYaml();
        Assert.Contains(DoctorEntry, yaml, StringComparison.Ordinal);

        var loaded = RunnerFixtures.New("tutorial_multitable");
        loaded.FromYaml(yaml);
        Assert.Equal(yaml, loaded.GetYaml());
        loaded.UpdateParameters("doctor", p => p with { Ncp = 2 });
        Assert.Equal(new DpColumnBounds(18, 80), loaded.ExtractCurrentParameters("doctor").DpBounds!["age"]);
        Assert.Contains("      ncp: 2\n      bounds:\n        age: [18, 80]\n", loaded.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_yaml_async_keeps_the_bounds()
    {
        var path = Path.GetTempFileName();
        try
        {
            var text = RunnerFixtures.ReadGolden("multi-table-1.0.8.yaml").Replace(
                "      use_categorical_reduction: true\n  results:",
                "      use_categorical_reduction: true\n      bounds:\n        age: [18, 80]\n  results:",
                StringComparison.Ordinal);
            await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
            var runner = new Client.Runner(new FakeApiClient(), "tutorial_multitable");
            await runner.FromYamlAsync(path, TestContext.Current.CancellationToken);
            var bounds = runner.Config.GetAvatarizationDp("doctor")!.Bounds!;
            Assert.Equal((18.0, 80.0), (bounds["age"].Lower.Value, bounds["age"].Upper.Value));
            Assert.Contains("      use_categorical_reduction: true\n      bounds:\n        age: [18, 80]\n", runner.GetYaml(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Delete_parameters_by_name_removes_the_bounds()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.SetParameters("doctor", new TableParameters { DpEpsilon = 3, DpBounds = DoctorBounds });
        config.DeleteParameters("doctor", ["bounds"]);
        Assert.Null(config.Config.GetAvatarizationDp("doctor")!.Bounds);
        Assert.Equal(3.0, config.Config.GetAvatarizationDp("doctor")!.Epsilon!.Value.Value);
    }

    [Fact]
    public void Bounds_are_not_written_without_dp_epsilon_nor_when_empty()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { K = 5, DpBounds = new Dictionary<string, DpColumnBounds> { ["sepal.length"] = new(4, 8) } });
        Assert.DoesNotContain("bounds", config.GetYaml(), StringComparison.Ordinal);
        config.SetParameters("iris", new TableParameters { DpEpsilon = 1, DpBounds = new Dictionary<string, DpColumnBounds>() });
        Assert.DoesNotContain("bounds", config.GetYaml(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, 18)]
    [InlineData(18, 18)]
    [InlineData(double.NaN, 80)]
    [InlineData(18, double.PositiveInfinity)]
    public void Invalid_bounds_are_rejected(double lower, double upper)
    {
        var config = RunnerFixtures.Iris();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => config.SetParameters("iris", new TableParameters
        {
            DpEpsilon = 3, DpBounds = new Dictionary<string, DpColumnBounds> { ["sepal.length"] = new(lower, upper) },
        }));
        Assert.Equal("DpBounds", ex.ParamName);
        Assert.StartsWith("dp_bounds of 'sepal.length' must be two finite numbers with lower < upper.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_parameters_shows_the_bounds()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.SetParameters("doctor", new TableParameters { DpEpsilon = 3, DpBounds = DoctorBounds });
        var writer = new StringWriter();
        config.PrintParameters("doctor", writer);
        Assert.Contains("  \"bounds\": {\n    \"age\": [\n      18,\n      80\n    ]\n  }\n}", writer.ToString(), StringComparison.Ordinal);
    }
}
