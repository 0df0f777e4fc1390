using Avatars.Data;

namespace Avatars.Config.Tests;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData("single-table-1.0.8.yaml")]
    [InlineData("multi-table-1.0.8.yaml")]
    [InlineData("single-table-dotnet.yaml")]
    [InlineData("web-export-1.14.yaml")]
    [InlineData("time-series.yaml")]
    public void Parse_then_serialize_reproduces_the_text_exactly(string resource)
    {
        var text = TestResources.Read(resource);
        var set = ResourceSetYaml.Parse(text);
        Assert.Equal(text, ResourceSetYaml.Serialize(set));
        Assert.Empty(set.Validate());
    }

    [Fact]
    public async Task ParseAsync_reads_a_stream()
    {
        var text = TestResources.Read("multi-table-1.0.8.yaml");
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var set = await ResourceSetYaml.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(7, set.Documents.Count);
    }

    [Fact]
    public async Task Crlf_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var text = TestResources.Read("multi-table-1.0.8.yaml");
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();
        await using var stream = new MemoryStream(bytes);
        var set = await ResourceSetYaml.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(text, ResourceSetYaml.Serialize(set));
    }

    [Fact]
    public void Single_table_example_is_modelled()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("single-table-1.0.8.yaml"));
        Assert.Equal(
            [
                ModelKind.AvatarVolume, ModelKind.AvatarSchema, ModelKind.AvatarSchema, ModelKind.AvatarParameters,
                ModelKind.AvatarPrivacyMetricsParameters, ModelKind.AvatarSignalMetricsParameters, ModelKind.AvatarReportParameters,
            ],
            set.Documents.Select(d => d.Kind));
        var volume = Assert.IsType<AvatarVolume>(set.Documents[0]);
        Assert.StartsWith("s3://avatar-results/", volume.Url, StringComparison.Ordinal);

        var schema = set.FindSchema("schema")!;
        var iris = Assert.Single(schema.Tables);
        Assert.Equal("iris.csv", iris.Data!.File);
        Assert.Equal(ColumnType.Category, iris.Columns![4].Type);
        Assert.Equal("schema", set.FindSchema("schema_avatarized")!.SchemaRef);
        Assert.True(set.FindSchema("schema_avatarized")!.Tables[0].AvatarsData!.Auto);

        var standard = set.OfType<AvatarParameters>().Single();
        var p = standard.Spec.Avatarization!["iris"];
        Assert.Equal(5, p.K);
        Assert.Equal(4, p.Ncp);
        Assert.True(p.UseCategoricalReduction);
        Assert.Equal(new ConfigNumber(3.0, false), p.ColumnWeights!["variety"]);
        Assert.Equal(["variety"], p.ExcludeVariables!.VariableNames!);
        Assert.Equal(ExcludeVariablesMethod.CoordinateSimilarity, p.ExcludeVariables.ReplacementStrategy);
        Assert.Equal(ImputeMethod.Mean, p.Imputation!.Method);
        Assert.Null(p.Imputation.K);
        Assert.Null(p.Imputation.TrainingFraction);
        Assert.Equal("standard", standard.Spec.Results!.Path);

        var privacy = set.OfType<AvatarPrivacyMetricsParameters>().Single();
        Assert.Equal("schema_avatarized", privacy.Spec.Schema);
        Assert.Equal("standard", privacy.Spec.AvatarizationRef);
        Assert.Equal(["sepal.length"], privacy.Spec.PrivacyMetrics!["iris"].KnownVariables!);
        Assert.Equal("variety", privacy.Spec.PrivacyMetrics["iris"].Target);

        var report = set.OfType<AvatarReportParameters>().Single();
        Assert.Equal(ReportType.Basic, report.ReportType);
        Assert.Null(report.OutputFormat);
    }

    [Fact]
    public void Multi_table_example_is_modelled()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("multi-table-1.0.8.yaml"));
        var schema = set.FindSchema("schema")!;
        Assert.Equal(["patient", "doctor", "visit"], schema.Tables.Select(t => t.Name));
        var patient = schema.Tables[0];
        Assert.True(patient.IndividualLevel);
        Assert.True(patient.Columns![0].PrimaryKey);
        var link = Assert.Single(patient.Links!);
        Assert.Equal(("p_id", "visit", "patient_id", LinkMethod.LinearSumAssignment), (link.Field, link.ToTable, link.ToField, link.Method));
        Assert.True(schema.Tables[2].Columns![1].Identifier);
        Assert.Null(schema.Tables[2].IndividualLevel);

        var spec = set.OfType<AvatarParameters>().Single().Spec;
        Assert.Equal(["patient", "visit"], spec.Avatarization!.Keys);
        var dp = spec.AvatarizationDp!["doctor"];
        Assert.Equal(new ConfigNumber(3, true), dp.Epsilon);
        Assert.True(dp.UseCategoricalReduction);
        Assert.Equal(["doctor"], set.OfType<AvatarSignalMetricsParameters>().Single().Spec.SignalMetrics!.Keys);
    }

    [Fact]
    public void Time_series_excerpt_is_modelled()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("time-series.yaml"));
        var sensor = set.FindSchema("schema")!.FindTable("sensor1")!;
        Assert.True(sensor.Columns![0].TimeSeriesTime);
        Assert.Equal(LinkMethod.TimeSeries, set.FindSchema("schema")!.FindTable("vanilla")!.Links![0].Method);
        var spec = set.OfType<AvatarParameters>().Single().Spec;
        var ts = spec.TimeSeries!["sensor1"];
        Assert.Equal(ProjectionType.Flatten, ts.Projection!.ProjectionType);
        Assert.Equal(10, ts.Projection.Nf);
        Assert.Equal(20, ts.Alignment!.NbPoints);
        Assert.Equal(AlignmentMethod.Mean, ts.Alignment.Method);
        Assert.Equal(42, spec.Seed);
    }

    [Fact]
    public void Legacy_projection_key_type_is_read_and_rewritten_as_projection_type()
    {
        const string yaml = """
            kind: AvatarParameters
            metadata:
              name: standard
            spec:
              schema: schema
              time_series:
                s:
                  projection:
                    type: fpca
                    nf: null
            """;
        var set = ResourceSetYaml.Parse(yaml);
        Assert.Equal(ProjectionType.Fpca, set.OfType<AvatarParameters>().Single().Spec.TimeSeries!["s"].Projection!.ProjectionType);
        Assert.Contains("      projection_type: fpca\n        nf: null\n", ResourceSetYaml.Serialize(set), StringComparison.Ordinal);
    }

    [Fact]
    public void Leading_document_marker_empty_documents_and_empty_metric_entries_are_accepted()
    {
        const string yaml = "---\nkind: AvatarSignalMetricsParameters\nmetadata:\n  name: signal_metrics\nspec:\n  schema: schema\n  signal_metrics:\n    visit: {}\n    other:\n---\n";
        var set = ResourceSetYaml.Parse(yaml);
        var doc = Assert.IsType<AvatarSignalMetricsParameters>(Assert.Single(set.Documents));
        Assert.Equal(["visit", "other"], doc.Spec.SignalMetrics!.Keys);
        Assert.Equal(
            "kind: AvatarSignalMetricsParameters\nmetadata:\n  name: signal_metrics\nspec:\n  schema: schema\n  signal_metrics:\n    visit: {}\n    other: {}\n",
            ResourceSetYaml.Serialize(set));
    }

    [Fact]
    public void Float_epsilon_is_written_in_python_repr_and_int_epsilon_stays_int()
    {
        var set = new ResourceSet();
        var p = new AvatarParameters { Name = "standard" };
        p.Spec.Schema = "schema";
        p.Spec.AvatarizationDp = new() { ["a"] = new AvatarizationDpParameters { Epsilon = 3.0, PreprocessBudgetRatio = 0.5 } };
        p.Spec.AvatarizationDp["b"] = new AvatarizationDpParameters { Epsilon = 3 };
        set.Documents.Add(p);
        var text = ResourceSetYaml.Serialize(set);
        Assert.Contains("    a:\n      epsilon: 3.0\n      preprocess_budget_ratio: 0.5\n    b:\n      epsilon: 3\n", text, StringComparison.Ordinal);
    }
}
