using Avatars.Config.Builder;
using Avatars.Data;

namespace Avatars.Config.Tests.Builder;

public sealed class GoldenBuildTests
{
    [Fact]
    public void Single_table_calls_of_section_9_6_give_the_dotnet_golden_file_byte_for_byte()
    {
        // single-table-dotnet.yaml = §9.6 without AvatarVolume, results.volume: results, AvatarMetadata, output_format: pdf.
        Assert.Equal(TestResources.Read("single-table-dotnet.yaml"), BuilderFixtures.Iris().GetYaml());
    }

    [Fact]
    public void Single_table_build_matches_the_python_1_0_8_output_except_the_project_api_differences()
    {
        var python = ResourceSetYaml.Parse(TestResources.Read("single-table-1.0.8.yaml"));
        var built = BuilderFixtures.Iris().Build();
        var expected = python.Documents.Where(d => d.Kind != ModelKind.AvatarVolume).ToList();
        foreach (var document in expected)
        {
            if (document is ParametersDocument p)
            {
                p.Spec.Results!.Volume = ResourceSetBuilder.ResultsVolumeName;
            }
            else if (document is AvatarReportParameters r)
            {
                r.Results!.Volume = ResourceSetBuilder.ResultsVolumeName;
                r.OutputFormat = OutputFormat.Pdf;
            }
        }

        Assert.Equal(ModelKind.AvatarMetadata, built.Documents[0].Kind);
        Assert.Equal(expected.Select(ResourceSetYaml.Serialize), built.Documents.Skip(1).Select(ResourceSetYaml.Serialize));
    }

    [Fact]
    public void Multi_table_calls_of_section_9_7_give_the_documents_of_the_example()
    {
        Assert.Equal(BuilderFixtures.PatientDoctorVisitYaml, BuilderFixtures.PatientDoctorVisit().GetYaml());
    }

    [Fact]
    public void Multi_table_build_equals_the_python_output_modulo_volume_metadata_and_epsilon_repr()
    {
        var python = TestResources.Read("multi-table-1.0.8.yaml");
        var volumeDoc = python[..(python.IndexOf("---\n", StringComparison.Ordinal) + 4)];
        var expected = python.Replace(volumeDoc, string.Empty, StringComparison.Ordinal)
            .Replace("user-volume-0b7d6c7e-2f3a-4c61-9a0e-5d7c1f2b8e11", "results", StringComparison.Ordinal)
            .Replace("epsilon: 3\n", "epsilon: 3.0\n", StringComparison.Ordinal)
            .Replace("report_type: basic\n", "report_type: basic\n  output_format: pdf\n", StringComparison.Ordinal);
        var built = BuilderFixtures.PatientDoctorVisit().GetYaml();
        Assert.Equal(expected, built[(built.IndexOf("---\n", StringComparison.Ordinal) + 4)..]);
    }

    [Fact]
    public void Time_series_calls_of_section_9_8_give_the_schema_and_standard_documents_of_the_golden_file()
    {
        var b = new ResourceSetBuilder(seed: 42);
        b.CreateTable(new TableDefinition
        {
            Name = "vanilla", OriginalFile = "vanilla.csv", PrimaryKey = "id", IndividualLevel = true,
            Types = new OrderedDictionary<string, ColumnType> { ["id"] = ColumnType.Int, ["age"] = ColumnType.Float },
        });
        b.CreateTable(new TableDefinition
        {
            Name = "sensor1", OriginalFile = "sensor1.csv", PrimaryKey = "primary_key", ForeignKeys = ["id"], TimeSeriesTime = "t",
            Types = new OrderedDictionary<string, ColumnType>
            {
                ["primary_key"] = ColumnType.Int, ["id"] = ColumnType.Int, ["t"] = ColumnType.Int,
                ["sensor1"] = ColumnType.Float, ["sensor2"] = ColumnType.Float,
            },
        });
        b.CreateLink("vanilla", "sensor1", "id", "id", LinkMethod.TimeSeries);
        b.CreateAvatarizationParameters("vanilla", 5);
        b.CreateTimeSeriesParameters("sensor1", nf: 10, projectionType: ProjectionType.Flatten, nbPoints: 20, method: AlignmentMethod.Mean);

        var golden = ResourceSetYaml.Parse(TestResources.Read("time-series.yaml"));
        var built = b.Build();
        Assert.Equal(
            golden.Documents.Select(ResourceSetYaml.Serialize),
            built.Documents.Where(d => d.Kind is ModelKind.AvatarSchema or ModelKind.AvatarParameters).Select(ResourceSetYaml.Serialize));
        Assert.All(built.OfType<ParametersDocument>(), d => Assert.Equal(42, d.Spec.Seed));
    }
}
