namespace Avatars.Config.Tests;

public sealed class ValidationTests
{
    private static ResourceSet Multi() => ResourceSetYaml.Parse(TestResources.Read("multi-table-1.0.8.yaml"));

    private static AvatarParameters Standard(ResourceSet set) => set.OfType<AvatarParameters>().Single();

    private static ConfigError SingleError(ResourceSet set) => Assert.Single(set.Validate());

    [Fact]
    public void K_and_dp_epsilon_both_set_gives_the_vendor_message()
    {
        var set = Multi();
        Standard(set).Spec.AvatarizationDp!["patient"] = new AvatarizationDpParameters { Epsilon = 1.0 };
        var error = SingleError(set);
        Assert.Equal("spec.avatarization.patient", error.Path);
        Assert.Equal(
            "Expected either k or dp_epsilon to be set, not both. If you want to use differential privacy, set dp_epsilon and remove k.",
            error.Message);
        Assert.Equal(
            "AvatarParameters 'standard' (document 4) › spec.avatarization.patient: Expected either k or dp_epsilon to be set, not both. If you want to use differential privacy, set dp_epsilon and remove k.",
            error.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void K_below_one(int k)
    {
        var set = Multi();
        Standard(set).Spec.Avatarization!["visit"].K = k;
        var error = SingleError(set);
        Assert.Equal(("spec.avatarization.visit.k", $"k must be at least 1, got {k}"), (error.Path, error.Message));
    }

    [Fact]
    public void K_below_one_from_text()
    {
        var text = TestResources.Read("multi-table-1.0.8.yaml").Replace("    visit:\n      k: 5", "    visit:\n      k: 0", StringComparison.Ordinal);
        var ex = Assert.Throws<ConfigValidationException>(() => ResourceSetYaml.ParseAndValidate(text));
        Assert.Equal("spec.avatarization.visit.k", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Ranges_of_the_other_numbers()
    {
        var set = Multi();
        var dp = Standard(set).Spec.AvatarizationDp!["doctor"];
        dp.Epsilon = 0;
        dp.PreprocessBudgetRatio = 1.5;
        dp.Ncp = 0;
        dp.Imputation = new Imputation { K = 0, TrainingFraction = 0.0 };
        Assert.Equal(
            [
                "spec.avatarization_dp.doctor.epsilon", "spec.avatarization_dp.doctor.preprocess_budget_ratio",
                "spec.avatarization_dp.doctor.ncp", "spec.avatarization_dp.doctor.imputation.k",
                "spec.avatarization_dp.doctor.imputation.training_fraction",
            ],
            set.Validate().Select(e => e.Path));
    }

    [Fact]
    public void Tables_of_parameters_must_exist_in_the_schema()
    {
        var set = Multi();
        Standard(set).Spec.Avatarization!["nurse"] = new AvatarizationParameters { K = 5 };
        set.OfType<AvatarPrivacyMetricsParameters>().Single().Spec.PrivacyMetrics!["ward"] = new PrivacyMetricsParameters { Ncp = 2 };
        var errors = set.Validate();
        Assert.Equal(
            [
                ("AvatarParameters", "spec.avatarization.nurse", "table 'nurse' does not exist in schema 'schema'"),
                ("AvatarPrivacyMetricsParameters", "spec.privacy_metrics.ward", "table 'ward' does not exist in schema 'schema_avatarized'"),
            ],
            errors.Select(e => (e.Kind!, e.Path, e.Message)));
    }

    [Fact]
    public void Time_series_tables_must_exist()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("time-series.yaml"));
        Standard(set).Spec.TimeSeries!["sensor9"] = new TimeSeriesParameters { Projection = new TimeSeriesProjection { Nf = 0 } };
        Standard(set).Spec.TimeSeries!["sensor1"].Projection!.Nf = 0;
        Assert.Equal(["spec.time_series.sensor1.projection.nf", "spec.time_series.sensor9"], set.Validate().Select(e => e.Path).Order());
    }

    [Fact]
    public void Referenced_documents_must_exist()
    {
        var set = Multi();
        Standard(set).Spec.Schema = "nope";
        set.OfType<AvatarSignalMetricsParameters>().Single().Spec.AvatarizationRef = "missing";
        set.FindSchema("schema_avatarized")!.SchemaRef = "gone";
        var errors = set.Validate();
        Assert.Contains(errors, e => e.Path == "spec.schema" && e.Message == "schema 'nope' does not exist in the resource set");
        Assert.Contains(errors, e => e.Path == "spec.avatarization_ref" && e.Kind == "AvatarSignalMetricsParameters");
        Assert.Contains(errors, e => e.Path == "spec.schema_ref" && e.Name == "schema_avatarized");
    }

    [Fact]
    public void Link_targets_must_exist()
    {
        var set = Multi();
        var patient = set.FindSchema("schema")!.FindTable("patient")!;
        patient.Links![0].ToField = "pid";
        patient.Links.Add(new TableLinkInfo { Field = "x", ToTable = "ward", ToField = "y" });
        Assert.Equal(
            [
                ("spec.tables[patient].links[0].to.field", "column 'pid' does not exist in table 'visit'"),
                ("spec.tables[patient].links[1].field", "column 'x' does not exist in table 'patient'"),
                ("spec.tables[patient].links[1].to.table", "table 'ward' does not exist in schema 'schema'"),
            ],
            set.Validate().Select(e => (e.Path, e.Message)));
    }

    [Fact]
    public void Columns_named_by_parameters_must_exist_when_the_schema_lists_columns()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("single-table-1.0.8.yaml"));
        var iris = Standard(set).Spec.Avatarization!["iris"];
        iris.ColumnWeights!["colour"] = 2.0;
        iris.ExcludeVariables!.VariableNames!.Add("petal.size");
        var privacy = set.OfType<AvatarPrivacyMetricsParameters>().Single().Spec.PrivacyMetrics!["iris"];
        privacy.KnownVariables!.Add("sepal.size");
        privacy.Target = "kind";
        Assert.Equal(
            [
                ("spec.avatarization.iris.column_weights", "column 'colour' does not exist in table 'iris'"),
                ("spec.avatarization.iris.exclude_variables.variable_names", "column 'petal.size' does not exist in table 'iris'"),
                ("spec.privacy_metrics.iris.known_variables", "column 'sepal.size' does not exist in table 'iris'"),
                ("spec.privacy_metrics.iris.target", "column 'kind' does not exist in table 'iris'"),
            ],
            set.Validate().Select(e => (e.Path, e.Message)));
    }

    [Fact]
    public void Column_names_are_not_checked_when_the_schema_lists_no_columns()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("single-table-1.0.8.yaml"));
        set.FindSchema("schema")!.Tables[0].Columns = null;
        Standard(set).Spec.Avatarization!["iris"].ColumnWeights!["anything"] = 1.0;
        Assert.Empty(set.Validate());
    }

    [Fact]
    public void Negative_column_weight()
    {
        var set = ResourceSetYaml.Parse(TestResources.Read("single-table-1.0.8.yaml"));
        Standard(set).Spec.Avatarization!["iris"].ColumnWeights!["variety"] = -1.0;
        Assert.Equal("spec.avatarization.iris.column_weights.variety", SingleError(set).Path);
    }

    [Fact]
    public void Schema_structure()
    {
        var set = Multi();
        var schema = set.FindSchema("schema")!;
        var visit = schema.FindTable("visit")!;
        visit.Columns![1].PrimaryKey = true; // patient_id: primary key and identifier
        visit.Columns.Add(new ColumnInfo { Field = "exam" });
        schema.Tables.Add(new TableInfo { Name = "doctor" });
        var errors = set.Validate().Select(e => (e.Path, e.Message)).ToList();
        Assert.Contains(("spec.tables[visit].columns[exam]", "duplicate column 'exam'"), errors);
        Assert.Contains(("spec.tables[visit].columns", "a table has at most one primary key, got 'visit_id', 'patient_id'"), errors);
        Assert.Contains(("spec.tables[visit].columns[patient_id]", "Expected primary_key and foreign_keys to be different fields, got primary_key='patient_id'"), errors);
        Assert.Contains(("spec.tables[doctor]", "duplicate table 'doctor'"), errors);
    }

    [Fact]
    public void Duplicate_documents_and_empty_names()
    {
        var set = Multi();
        set.Documents.Add(new AvatarReportParameters { Name = "report" });
        set.Documents.Add(new AvatarVolume { Name = string.Empty, Url = "u" });
        Assert.Equal(
            [(7, "duplicate AvatarReportParameters document named 'report'"), (8, "must not be empty")],
            set.Validate().Select(e => (e.DocumentIndex, e.Message)));
    }

    [Fact]
    public void Advice_schema_must_exist()
    {
        var set = Multi();
        set.Documents.Add(new AvatarAdviceParameters { Name = "advice_parameters", Schema = "other", AdvisorType = [AdviceType.Variables] });
        Assert.Equal("schema 'other' does not exist in the resource set", SingleError(set).Message);
    }

    [Fact]
    public void EnsureValid_throws_every_error()
    {
        var set = Multi();
        Standard(set).Spec.Avatarization!["visit"].K = 0;
        Standard(set).Spec.Avatarization!["patient"].K = 0;
        var ex = Assert.Throws<ConfigValidationException>(set.EnsureValid);
        Assert.Equal(2, ex.Errors.Count);
    }
}
