using Avatars.Data;
using System.Text;
using Avatars.Server.Api;
using Avatars.Server.Resources;

namespace Avatars.Server.Tests.Resources;

public sealed class ResourceSetParseTests
{
    private static byte[] Vendor(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "VendorYaml", name));

    [Fact]
    public void Vendor_single_table_yaml_is_accepted_with_the_volume_as_a_warning()
    {
        var (set, warnings) = ResourceSetService.Parse(Vendor("single-table-1.0.8.yaml"));
        Assert.Equal(7, set.Documents.Count);
        var warning = Assert.Single(warnings);
        Assert.Equal("extra_ignored", warning.Type);
        Assert.Contains("AvatarVolume", warning.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_warnings_not_errors()
    {
        var yaml = Encoding.UTF8.GetString(Vendor("single-table-1.0.8.yaml"))
            .Replace("      k: 5\n", "      k: 5\n      future_option: 3\n", StringComparison.Ordinal);
        var (_, warnings) = ResourceSetService.Parse(Encoding.UTF8.GetBytes(yaml));
        var extra = warnings.Single(w => w.Loc.Contains("future_option"));
        Assert.Equal("extra_ignored", extra.Type);
        Assert.Equal(["body", 3, "spec", "avatarization", "iris", "future_option"], extra.Loc);
    }

    [Fact]
    public void Accepted_but_unused_fields_are_reported_not_dropped_silently()
    {
        var yaml = Encoding.UTF8.GetString(Vendor("single-table-1.0.8.yaml"))
            .Replace("      target: variety\n", "      target: variety\n      quantile_threshold: 0.9\n", StringComparison.Ordinal)
            .Replace("        method: mean\n        k: null\n        training_fraction: null\n  results:\n    volume: user-volume-0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11\n    path: standard",
                "        method: mean\n        k: null\n        training_fraction: null\n        return_data_imputed: true\n  results:\n    volume: user-volume-0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11\n    path: standard", StringComparison.Ordinal);
        var (_, warnings) = ResourceSetService.Parse(Encoding.UTF8.GetBytes(yaml));
        Assert.Contains(warnings, w => w.Type == "not_implemented" && w.Loc.Contains("quantile_threshold"));
        Assert.Contains(warnings, w => w.Type == "not_implemented" && w.Loc.Contains("return_data_imputed"));
    }

    [Fact]
    public void Malformed_yaml_is_a_422_with_line_and_column()
    {
        var ex = Assert.Throws<ApiValidationException>(() => ResourceSetService.Parse("kind: AvatarSchema\nmetadata: {name: [\n"u8.ToArray()));
        var issue = Assert.Single(ex.Issues);
        Assert.Equal("yaml_invalid", issue.Type);
        Assert.NotNull(issue.Ctx);
        Assert.True(issue.Ctx!.ContainsKey("line"));
    }

    [Fact]
    public void Both_k_and_dp_epsilon_on_one_table_is_rejected()
    {
        var yaml = Encoding.UTF8.GetString(Vendor("single-table-1.0.8.yaml"))
            .Replace("  results:\n    volume: user-volume-0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11\n    path: standard\n",
                "  avatarization_dp:\n    iris:\n      epsilon: 1.0\n  results:\n    path: standard\n", StringComparison.Ordinal);
        var ex = Assert.Throws<ApiValidationException>(() => ResourceSetService.Parse(Encoding.UTF8.GetBytes(yaml)));
        var issue = Assert.Single(ex.Issues);
        Assert.Contains("Expected either k or dp_epsilon to be set, not both", issue.Msg, StringComparison.Ordinal);
        Assert.Equal(["body", 3, "spec", "avatarization", "iris"], issue.Loc);
    }

    [Fact]
    public void Unknown_column_in_parameters_names_the_column()
    {
        var yaml = Encoding.UTF8.GetString(Vendor("single-table-1.0.8.yaml"))
            .Replace("        variety: 3.0\n", "        colour: 3.0\n", StringComparison.Ordinal);
        var ex = Assert.Throws<ApiValidationException>(() => ResourceSetService.Parse(Encoding.UTF8.GetBytes(yaml)));
        Assert.Contains(ex.Issues, i => i.Msg.Contains("'colour'", StringComparison.Ordinal) && i.Type == "reference_error");
    }

    [Fact]
    public void A_set_without_parameters_is_rejected()
    {
        const string yaml = "kind: AvatarSchema\nmetadata:\n  name: schema\nspec:\n  tables:\n  - name: iris\n    data:\n      file: iris.csv\n";
        var ex = Assert.Throws<ApiValidationException>(() => ResourceSetService.Parse(Encoding.UTF8.GetBytes(yaml)));
        Assert.Contains(ex.Issues, i => i.Type == "missing" && i.Msg.Contains("no parameters document", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_utf8_and_empty_bodies_are_rejected()
    {
        Assert.Equal("yaml_invalid", Assert.Single(Assert.Throws<ApiValidationException>(() => ResourceSetService.Parse([0xFF, 0xFE, 0x00, 0x41])).Issues).Type);
        Assert.Equal("missing", Assert.Single(Assert.Throws<ApiValidationException>(() => ResourceSetService.Parse("  \n"u8.ToArray())).Issues).Type);
    }

    [Theory]
    [InlineData("iris", true)]
    [InlineData("iris_$*'@!?:;=[]()-_/.&+", true)]
    [InlineData("a_dot.", false)]
    public void Table_name_escaping_round_trips_or_is_rejected(string name, bool roundTrips)
    {
        Assert.Equal(roundTrips, TableNameEscaping.RoundTrips(name));
        if (name == "iris_$*'@!?:;=[]()-_/.&+")
        {
            Assert.Equal("iris_$*'@!?:;=[]()-__slash__dot__ampersand__plus_", TableNameEscaping.Escape(name));
        }
    }
}
