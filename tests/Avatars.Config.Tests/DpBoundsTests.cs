using Avatars.Config.Builder;

namespace Avatars.Config.Tests;

/// <summary>The project extension <c>avatarization_dp.&lt;t&gt;.bounds</c> (not in the vendor's format).</summary>
public sealed class DpBoundsTests
{
    private const string VendorDoctor = "  avatarization_dp:\n    doctor:\n      epsilon: 3\n      use_categorical_reduction: true\n";

    private static string WithBounds(string bounds) =>
        TestResources.Read("multi-table-1.0.8.yaml").Replace(VendorDoctor, VendorDoctor + "      bounds:\n" + bounds, StringComparison.Ordinal);

    private static AvatarizationDpParameters Doctor(ResourceSet set) => set.OfType<AvatarParameters>().Single().Spec.AvatarizationDp!["doctor"];

    private static ConfigError SingleParseError(string yaml) =>
        Assert.Single(Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.Parse(yaml)).Errors);

    [Fact]
    public void Flow_pairs_are_read_and_written_back_exactly()
    {
        var text = WithBounds("        age: [18, 80]\n        weight: [40.5, 150.0]\n");
        Assert.NotEqual(TestResources.Read("multi-table-1.0.8.yaml"), text);
        var set = ResourceSetYaml.Parse(text);
        var bounds = Doctor(set).Bounds!;
        Assert.Equal(["age", "weight"], bounds.Keys);
        Assert.Equal(new ColumnValueBounds(ConfigNumber.FromInt64(18), ConfigNumber.FromInt64(80)), bounds["age"]);
        Assert.Equal((40.5, 150.0), (bounds["weight"].Lower.Value, bounds["weight"].Upper.Value));
        Assert.Equal(text, ResourceSetYaml.Serialize(set));
    }

    [Fact]
    public void Block_sequences_are_accepted_and_written_in_flow_style()
    {
        var set = ResourceSetYaml.Parse(WithBounds("        age:\n        - 18\n        - 80\n"));
        Assert.Contains("      bounds:\n        age: [18, 80]\n  results:", ResourceSetYaml.Serialize(set), StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_bounds_on_an_existing_column_pass_validation() =>
        Assert.Empty(ResourceSetYaml.Parse(WithBounds("        age: [18, 80]\n")).Validate());

    [Fact]
    public void Bounds_that_are_not_a_mapping_are_rejected()
    {
        var error = SingleParseError(TestResources.Read("multi-table-1.0.8.yaml")
            .Replace(VendorDoctor, VendorDoctor + "      bounds: [18, 80]\n", StringComparison.Ordinal));
        Assert.Equal("spec.avatarization_dp.doctor.bounds", error.Path);
        Assert.Equal("expected a mapping, got a sequence", error.Message);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("18", "\"18\"")]
    [InlineData("[18]", "a sequence")]
    [InlineData("[18, 50, 80]", "a sequence")]
    [InlineData("{lower: 18}", "a mapping")]
    public void An_entry_that_is_not_two_numbers_is_rejected(string value, string described)
    {
        var error = SingleParseError(WithBounds($"        age: {value}\n"));
        Assert.Equal("spec.avatarization_dp.doctor.bounds.age", error.Path);
        Assert.Equal("expected a sequence of two numbers [lower, upper], got " + described, error.Message);
        Assert.True(error.Line > 100 && error.Column > 0);
    }

    [Fact]
    public void A_non_number_is_rejected_with_its_index()
    {
        var error = SingleParseError(WithBounds("        age: [18, old]\n"));
        Assert.Equal(("spec.avatarization_dp.doctor.bounds.age[1]", "expected a number, got \"old\""), (error.Path, error.Message));
    }

    [Theory]
    [InlineData("[-.inf, 80]", "[0]", "-.inf")]
    [InlineData("[18, .inf]", "[1]", ".inf")]
    [InlineData("[.nan, 80]", "[0]", ".nan")]
    public void A_non_finite_number_is_rejected(string value, string index, string text)
    {
        var error = SingleParseError(WithBounds($"        age: {value}\n"));
        Assert.Equal("spec.avatarization_dp.doctor.bounds.age" + index, error.Path);
        Assert.Equal($"expected a finite number, got \"{text}\"", error.Message);
    }

    [Theory]
    [InlineData("[80, 18]", "[80, 18]")]
    [InlineData("[18, 18]", "[18, 18]")]
    public void Lower_must_be_below_upper(string value, string shown)
    {
        var error = Assert.Single(ResourceSetYaml.Parse(WithBounds($"        age: {value}\n")).Validate());
        Assert.Equal("spec.avatarization_dp.doctor.bounds.age", error.Path);
        Assert.Equal($"lower bound must be less than upper bound, got {shown}", error.Message);
    }

    [Fact]
    public void The_column_must_exist()
    {
        var error = Assert.Single(ResourceSetYaml.Parse(WithBounds("        height: [100, 220]\n")).Validate());
        Assert.Equal(("spec.avatarization_dp.doctor.bounds", "column 'height' does not exist in table 'doctor'"), (error.Path, error.Message));
    }

    [Fact]
    public void The_vendor_files_have_no_bounds() =>
        Assert.Null(Doctor(ResourceSetYaml.Parse(TestResources.Read("multi-table-1.0.8.yaml"))).Bounds);

    [Fact]
    public void The_builder_sets_copies_and_deletes_bounds()
    {
        var builder = new ResourceSetBuilder();
        builder.Load(ResourceSetYaml.Parse(TestResources.Read("multi-table-1.0.8.yaml")));
        builder.CreateAvatarizationDpParameters("doctor", 3, bounds: [new("age", new ColumnValueBounds(18, 80))]);
        var entry = builder.GetAvatarizationDp("doctor")!;
        Assert.Equal(new ColumnValueBounds(18, 80), entry.Bounds!["age"]);
        entry.Bounds.Clear();
        Assert.Single(builder.GetAvatarizationDp("doctor")!.Bounds!);
        Assert.Contains("    doctor:\n      epsilon: 3.0\n      bounds:\n        age: [18, 80]\n", builder.GetYaml(), StringComparison.Ordinal);

        builder.DeleteParameterFields("doctor", ["bounds"]);
        Assert.Null(builder.GetAvatarizationDp("doctor")!.Bounds);
        Assert.DoesNotContain("bounds", builder.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_writes_no_bounds_for_an_empty_list()
    {
        var builder = new ResourceSetBuilder();
        builder.Load(ResourceSetYaml.Parse(TestResources.Read("multi-table-1.0.8.yaml")));
        builder.CreateAvatarizationDpParameters("doctor", 3, bounds: []);
        Assert.Null(builder.GetAvatarizationDp("doctor")!.Bounds);
    }
}
