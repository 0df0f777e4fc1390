using Avatars.Config;
using Avatars.Data;

namespace Avatars.Client.Tests.Runner;

public sealed class TablesAndLinksTests
{
    [Fact]
    public void Add_link_appends_one_link_to_the_parent()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        var link = Assert.Single(config.Config.GetTable("patient")!.Links!);
        Assert.Equal("p_id", link.Field);
        Assert.Equal("visit", link.ToTable);
        Assert.Equal("patient_id", link.ToField);
        Assert.Equal(LinkMethod.LinearSumAssignment, link.Method);
        Assert.Null(config.Config.GetTable("visit")!.Links);
    }

    [Fact]
    public void Link_errors_use_the_vendor_messages()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        Assert.Equal(
            "Expected table `nope` to be created before setting parameters",
            Assert.Throws<ArgumentException>(() => config.AddLink("nope", "p_id", "visit", "patient_id")).Message);
        Assert.Equal(
            "Expected table `nope` to be created before setting parameters",
            Assert.Throws<ArgumentException>(() => config.AddLink("patient", "p_id", "nope", "patient_id")).Message);
        Assert.Equal(
            "Expected field `gender` to be the primary key of the table `patient`",
            Assert.Throws<ArgumentException>(() => config.AddLink("patient", "gender", "visit", "patient_id")).Message);
        Assert.Equal(
            "Expected field `exam` to be an identifier in table `visit`",
            Assert.Throws<ArgumentException>(() => config.AddLink("patient", "p_id", "visit", "exam")).Message);
    }

    [Fact]
    public void Linking_a_table_without_columns_reports_the_primary_key_message()
    {
        var config = RunnerFixtures.New("files");
        config.AddTable("parent", "parent.csv");
        config.AddTable("child", "child.csv", primaryKey: "id", foreignKeys: ["parent_id"]);
        Assert.Equal(
            "Expected field `id` to be the primary key of the table `parent`",
            Assert.Throws<ArgumentException>(() => config.AddLink("parent", "id", "child", "parent_id")).Message);
    }

    [Fact]
    public void Key_overlaps_use_the_avatar_yaml_messages_and_are_checked_before_anything_is_recorded()
    {
        var config = RunnerFixtures.New("keys");
        Assert.Equal(
            "Expected primary_key and time_series_time to be different fields, got primary_key='t' and time_series_time='t'",
            Assert.Throws<ArgumentException>(() => config.AddTable("s", "s.csv", primaryKey: "t", timeSeriesTime: "t")).Message);
        Assert.Equal(
            "Expected a primary_key and foreign_keys to be different fields, got primary_key='id' in foreign_keys=['id', 'other']",
            Assert.Throws<ArgumentException>(() => RunnerConfiguration.ValidateTableKeys("s", "id", ["id", "other"], null)).Message);
        Assert.Equal(
            "Expected time_series time and foreign_keys to be different fields, got time_series_time='t' in foreign_keys=['id', 't']",
            Assert.Throws<ArgumentException>(() => config.AddTable("s", "s.csv", foreignKeys: ["id", "t"], timeSeriesTime: "t")).Message);
        Assert.Empty(config.TableNames);
    }

    [Fact]
    public void Key_columns_come_first_with_their_types_then_the_other_typed_columns()
    {
        var config = RunnerFixtures.New("ts");
        config.AddTable("sensor", "sensor.csv", primaryKey: "pk", foreignKeys: ["id"], timeSeriesTime: "t",
            types: new OrderedDictionary<string, ColumnType> { ["value"] = ColumnType.Float, ["id"] = ColumnType.Int, ["pk"] = ColumnType.Int });
        var columns = config.Config.GetTable("sensor")!.Columns!;
        Assert.Equal(["t", "pk", "id", "value"], columns.Select(c => c.Field));
        Assert.True(columns[0].TimeSeriesTime);
        Assert.Null(columns[0].Type);
        Assert.True(columns[1].PrimaryKey);
        Assert.Equal(ColumnType.Int, columns[1].Type);
        Assert.True(columns[2].Identifier);
        Assert.Null(columns[3].PrimaryKey);
    }

    [Fact]
    public void A_table_added_from_a_file_without_types_has_no_columns_and_an_avatar_file_replaces_auto()
    {
        var config = RunnerFixtures.New("files");
        config.AddTable("iris", "iris.csv", avatarFile: "iris_avatars.parquet");
        var yaml = config.GetYaml();
        Assert.Contains("  - name: iris\n    data:\n      volume: input\n      file: iris.csv\n\n---", yaml, StringComparison.Ordinal);
        Assert.Contains("  - name: iris\n    avatars_data:\n      volume: input\n      file: iris_avatars.parquet\n  schema_ref: schema\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_added_after_a_first_get_yaml_appear_in_later_yamls()
    {
        var config = RunnerFixtures.Iris();
        _ = config.GetYaml();
        config.AddTable("other", "other.csv");
        Assert.Equal(2, config.GetYaml().Split("  - name: other\n").Length - 1);
    }

    [Fact]
    public void Re_adding_a_table_replaces_its_entry_in_place()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.AddTable("patient", "patient.parquet", primaryKey: "p_id");
        Assert.Equal(["patient", "doctor", "visit"], config.TableNames);
        Assert.Equal("patient.parquet", config.Config.GetTable("patient")!.Data!.File);
    }

    [Fact]
    public void Delete_link_removes_the_first_link_to_the_child_and_ignores_a_missing_one()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.DeleteLink("patient", "visit");
        config.DeleteLink("patient", "visit");
        Assert.DoesNotContain("patient_id\n      method", config.GetYaml(), StringComparison.Ordinal);
        Assert.DoesNotContain("links: []", config.GetYaml(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => config.DeleteLink("nope", "visit"));
    }

    [Fact]
    public void Delete_table_removes_its_entries_its_avatar_table_and_the_links_to_it()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.DeleteTable("visit");
        var yaml = config.GetYaml();
        Assert.DoesNotContain("visit", yaml, StringComparison.Ordinal);
        Assert.Equal(["patient", "doctor"], config.TableNames);
        Assert.Throws<ArgumentException>(() => config.DeleteTable("visit"));
    }

    [Fact]
    public void Delete_parameters_without_names_removes_all_five_sections_dp_included()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.DeleteParameters("doctor");
        Assert.Null(config.Config.GetAvatarizationDp("doctor"));
        Assert.Null(config.Config.GetPrivacyMetrics("doctor"));
        Assert.Null(config.Config.GetSignalMetrics("doctor"));
        Assert.DoesNotContain("avatarization_dp", config.GetYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_parameters_with_names_clears_them_on_the_entry_that_carries_them()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        config.SetParameters("patient", new TableParameters { K = 5, Ncp = 3, ImputationMethod = ImputeMethod.Knn });
        config.DeleteParameters("patient", ["ncp", "imputation"]);
        var a = config.Config.GetAvatarization("patient")!;
        Assert.Equal(5, a.K);
        Assert.Null(a.Ncp);
        Assert.Null(a.Imputation);
        Assert.Equal(3, config.Config.GetPrivacyMetrics("patient")!.Ncp);

        config.DeleteParameters("doctor", ["use_categorical_reduction"]);
        Assert.Null(config.Config.GetAvatarizationDp("doctor")!.UseCategoricalReduction);
        Assert.Equal(3.0, config.Config.GetAvatarizationDp("doctor")!.Epsilon!.Value.Value);
    }

    [Fact]
    public void Delete_parameters_with_an_unknown_name_changes_nothing()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        var before = config.GetYaml();
        Assert.Throws<ArgumentException>(() => config.DeleteParameters("patient", ["k", "bogus"]));
        Assert.Equal(before, config.GetYaml());
        Assert.Throws<ArgumentException>(() => config.DeleteParameters("nope"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("tab\there")]
    public void Invalid_display_names_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => new RunnerConfiguration(name));

    [Fact]
    public void Display_name_of_255_characters_is_accepted_and_256_rejected()
    {
        _ = new RunnerConfiguration(new string('a', 255));
        Assert.Throws<ArgumentException>(() => new RunnerConfiguration(new string('a', 256)));
    }

    [Fact]
    public void The_client_version_annotation_is_the_sdk_version()
    {
        var config = new RunnerConfiguration("iris");
        Assert.Contains($"  client_type: dotnet\n  client_version: {RunnerConfiguration.ClientVersion}\n", config.GetYaml(), StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+", RunnerConfiguration.ClientVersion);
    }
}
