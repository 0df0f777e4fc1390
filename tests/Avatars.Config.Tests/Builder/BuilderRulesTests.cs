using Avatars.Config.Builder;
using Avatars.Data;

namespace Avatars.Config.Tests.Builder;

public sealed class BuilderRulesTests
{
    [Fact]
    public void Built_sets_pass_the_resource_set_validation()
    {
        Assert.Empty(BuilderFixtures.Iris().Build().Validate());
        Assert.Empty(BuilderFixtures.PatientDoctorVisit().Build().Validate());
        Assert.Empty(BuilderFixtures.Iris().Build(includeAdvice: true).Validate());
    }

    [Fact]
    public void An_empty_builder_writes_the_schemas_and_the_report_only()
    {
        var set = new ResourceSetBuilder().Build();
        Assert.Equal(
            [ModelKind.AvatarSchema, ModelKind.AvatarSchema, ModelKind.AvatarReportParameters],
            set.Documents.Select(d => d.Kind));
        Assert.Equal(set.Documents.Count, ResourceSetYaml.Parse(ResourceSetYaml.Serialize(set)).Documents.Count);
    }

    [Fact]
    public void Build_returns_a_copy_that_does_not_alias_the_builder_state()
    {
        var builder = BuilderFixtures.Iris();
        var set = builder.Build();
        set.OfType<AvatarParameters>().Single().Spec.Avatarization!["iris"].K = 99;
        set.FindSchema("schema")!.Tables[0].Name = "changed";
        builder.GetAvatarization("iris")!.Ncp = 1;
        Assert.Equal(TestResources.Read("single-table-dotnet.yaml"), builder.GetYaml());
    }

    [Fact]
    public void Metrics_entries_need_a_truthy_value()
    {
        var builder = BuilderFixtures.Iris();
        builder.CreatePrivacyMetricsParameters("iris", ncp: 0, useCategoricalReduction: false, knownVariables: [], target: "");
        builder.CreateSignalMetricsParameters("iris", ncp: 0, useCategoricalReduction: false);
        Assert.Null(builder.GetPrivacyMetrics("iris"));
        Assert.Null(builder.GetSignalMetrics("iris"));
        builder.CreateTimeSeriesParameters("iris", nf: 0, nbPoints: 0);
        Assert.Null(builder.GetTimeSeries("iris"));
    }

    [Fact]
    public void Every_create_method_checks_the_table()
    {
        var builder = new ResourceSetBuilder();
        const string Message = "Expected table `t` to be created before setting parameters";
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => builder.CreateAvatarizationParameters("t", 5)).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => builder.CreateAvatarizationDpParameters("t", 1)).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => builder.CreateTimeSeriesParameters("t", nf: 3)).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => builder.CreatePrivacyMetricsParameters("t")).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => builder.CreateSignalMetricsParameters("t")).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => builder.DeleteParameterFields("t", ["k"])).Message);
        Assert.Equal(Message, Assert.Throws<ArgumentException>(() => builder.CreateLink("t", "u", "id", "t_id")).Message);
    }

    [Fact]
    public void Pia_report_is_named_report_pia_and_the_output_format_is_configurable()
    {
        var builder = BuilderFixtures.Iris();
        builder.OutputFormat = OutputFormat.Html;
        var report = builder.Build().OfType<AvatarReportParameters>().Single();
        Assert.Equal(("report", OutputFormat.Html, "report"), (report.Name, report.OutputFormat!.Value, report.Results!.Path!));
        builder.ReportType = ReportType.Pia;
        report = builder.Build().OfType<AvatarReportParameters>().Single();
        Assert.Equal(("report_pia", "report_pia"), (report.Name, report.Results!.Path!));
    }

    [Fact]
    public void Max_distribution_plots_goes_to_the_standard_results_only()
    {
        var builder = BuilderFixtures.Iris();
        builder.MaxDistributionPlots = 10;
        var set = builder.Build();
        Assert.Equal(10, set.OfType<AvatarParameters>().Single().Spec.Results!.MaxDistributionPlots);
        Assert.Null(set.OfType<AvatarPrivacyMetricsParameters>().Single().Spec.Results!.MaxDistributionPlots);
    }

    [Fact]
    public void Pia_metadata_is_written_in_the_metadata_document()
    {
        var builder = BuilderFixtures.Iris();
        builder.PiaMetadata = new PiaMetadata { DataRecipient = "internal" };
        Assert.Contains("spec:\n  display_name: iris_k5\n  pia_metadata:\n    datarecipient: internal\n", builder.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_fields_by_name_rejects_unknown_names()
    {
        var builder = BuilderFixtures.Iris();
        var ex = Assert.Throws<ArgumentException>(() => builder.DeleteParameterFields("iris", ["kk"]));
        Assert.StartsWith("Unknown parameter 'kk'.", ex.Message, StringComparison.Ordinal);
        builder.DeleteParameterFields("iris", ["column_weights", "exclude_variables"]);
        Assert.Null(builder.GetAvatarization("iris")!.ColumnWeights);
        Assert.Null(builder.GetAvatarization("iris")!.ExcludeVariables);
    }

    [Theory]
    [InlineData("x", "'x'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a'b\"c", "'a\\'b\"c'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    public void Python_repr_of_strings(string value, string repr) => Assert.Equal(repr, PythonRepr.Str(value));

    [Fact]
    public void Load_returns_the_files_that_were_not_on_the_input_volume()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("multi-table-1.0.8.yaml"));
        set.FindSchema("schema")!.Tables[1].Data!.Volume = "user-volume-x";
        var builder = new ResourceSetBuilder("m");
        var relocated = builder.Load(set);
        Assert.Equal([new RelocatedFile("doctor", "doctor.csv", "user-volume-x", false)], relocated);
        Assert.Equal(ResourceSetBuilder.InputVolumeName, builder.GetTable("doctor")!.Data!.Volume);
    }

    [Theory]
    [InlineData("single-table-dotnet.yaml")]
    [InlineData("web-export-1.14.yaml")]
    public void Loading_a_dotnet_shaped_file_then_building_reproduces_it_apart_from_annotations_and_volume(string resource)
    {
        var text = TestResources.Read(resource);
        var set = ResourceSetYaml.Parse(text);
        var metadata = set.OfType<AvatarMetadata>().Single();
        var builder = new ResourceSetBuilder(metadata.DisplayName) { ClientVersion = metadata.Annotations!["client_version"], ClientType = metadata.Annotations["client_type"] };
        builder.Load(set);
        Assert.Equal(text.Replace("volume: output\n", "volume: results\n", StringComparison.Ordinal), builder.GetYaml());
    }

    [Fact]
    public void Types_not_matching_key_columns_follow_the_keys_in_their_own_order()
    {
        var builder = new ResourceSetBuilder();
        builder.CreateTable(new TableDefinition
        {
            Name = "t", OriginalFile = "t.csv", PrimaryKey = "id",
            Types = new OrderedDictionary<string, ColumnType> { ["b"] = ColumnType.Bool, ["id"] = ColumnType.Int, ["a"] = ColumnType.DateTime },
        });
        Assert.Equal(["id", "b", "a"], builder.GetTable("t")!.Columns!.Select(c => c.Field));
    }
}
