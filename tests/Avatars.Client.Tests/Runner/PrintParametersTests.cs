namespace Avatars.Client.Tests.Runner;

public sealed class PrintParametersTests
{
    [Fact]
    public void One_table_prints_the_three_sections_as_indented_json_with_nulls()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", RunnerFixtures.IrisParameters());
        var writer = new StringWriter();
        config.PrintParameters("iris", writer);
        Assert.Equal(
            """
            --- Avatarization parameters for iris: ---
            {
              "k": 5,
              "ncp": 4,
              "use_categorical_reduction": true,
              "column_weights": {
                "variety": 3
              },
              "exclude_variables": {
                "variable_names": [
                  "variety"
                ],
                "replacement_strategy": "coordinate_similarity"
              },
              "imputation": {
                "method": "mean",
                "k": null,
                "training_fraction": null
              }
            }

            --- Privacy metrics for iris: ---
            {
              "ncp": 4,
              "use_categorical_reduction": true,
              "known_variables": [
                "sepal.length"
              ],
              "target": "variety",
              "closest_rate_percentage_threshold": null,
              "closest_rate_ratio_threshold": null,
              "categorical_hidden_rate_variables": null,
              "imputation": {
                "method": "mean",
                "k": null,
                "training_fraction": null
              }
            }

            --- Signal metrics for iris: ---
            {
              "ncp": 4,
              "use_categorical_reduction": true,
              "imputation": {
                "method": "mean",
                "k": null,
                "training_fraction": null
              }
            }


            """,
            writer.ToString());
    }

    [Fact]
    public void All_tables_print_in_order_dp_tables_get_their_header_and_missing_sections_print_braces()
    {
        var config = RunnerFixtures.PatientDoctorVisit();
        var writer = new StringWriter();
        config.PrintParameters(writer: writer);
        var text = writer.ToString();
        var headers = text.Split('\n').Where(l => l.StartsWith("---", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "--- Avatarization parameters for patient: ---", "--- Privacy metrics for patient: ---", "--- Signal metrics for patient: ---",
                "--- Avatarization DP parameters for doctor: ---", "--- Privacy metrics for doctor: ---", "--- Signal metrics for doctor: ---",
                "--- Avatarization parameters for visit: ---", "--- Privacy metrics for visit: ---", "--- Signal metrics for visit: ---",
            ],
            headers);
        Assert.Contains("--- Signal metrics for patient: ---\n{}\n", text, StringComparison.Ordinal);
        Assert.Contains("--- Avatarization DP parameters for doctor: ---\n{\n  \"epsilon\": 3,\n  \"preprocess_budget_ratio\": null,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_series_section_is_printed_when_present()
    {
        var config = RunnerFixtures.Iris();
        config.SetParameters("iris", new TableParameters { TimeSeriesNf = 10, TimeSeriesProjectionType = Avatars.Config.ProjectionType.Flatten });
        var writer = new StringWriter();
        config.PrintParameters("iris", writer);
        Assert.Contains(
            "--- Time series parameters for iris: ---\n{\n  \"projection\": {\n    \"projection_type\": \"flatten\",\n    \"nf\": 10\n  },\n  \"alignment\": null\n}\n",
            writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("--- Avatarization parameters for iris: ---\n{}\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_table_is_the_vendor_error()
    {
        var config = RunnerFixtures.Iris();
        var ex = Assert.Throws<ArgumentException>(() => config.PrintParameters("nope", new StringWriter()));
        Assert.Equal("Expected table 'nope' to be created. Try running it first.", ex.Message);
    }
}
