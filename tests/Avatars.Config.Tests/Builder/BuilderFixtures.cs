using Avatars.Config.Builder;
using Avatars.Data;

namespace Avatars.Config.Tests.Builder;

/// <summary>The builder states of the vendor's examples (sdk.md §9.6–§9.8), built from the documented calls.</summary>
internal static class BuilderFixtures
{
    public static ResourceSetBuilder Iris()
    {
        var b = new ResourceSetBuilder("iris_k5") { ClientVersion = "1.0.0" };
        b.CreateTable(new TableDefinition
        {
            Name = "iris",
            OriginalFile = "iris.csv",
            Types = new OrderedDictionary<string, ColumnType>
            {
                ["sepal.length"] = ColumnType.Float, ["sepal.width"] = ColumnType.Float, ["petal.length"] = ColumnType.Float,
                ["petal.width"] = ColumnType.Float, ["variety"] = ColumnType.Category,
            },
        });

        // set_parameters("iris", k=5, ncp=4, use_categorical_reduction=True, column_weights={"variety": 3.0},
        // exclude_variable_names=["variety"], exclude_replacement_strategy=COORDINATE_SIMILARITY,
        // imputation_method=MEAN, known_variables=["sepal.length"], target="variety")
        b.CreateAvatarizationParameters(
            "iris", 5, ncp: 4, useCategoricalReduction: true, columnWeights: new Dictionary<string, double> { ["variety"] = 3.0 },
            excludeVariableNames: ["variety"], excludeReplacementStrategy: ExcludeVariablesMethod.CoordinateSimilarity,
            imputationMethod: ImputeMethod.Mean);
        b.CreatePrivacyMetricsParameters(
            "iris", ncp: 4, useCategoricalReduction: true, imputationMethod: ImputeMethod.Mean,
            knownVariables: ["sepal.length"], target: "variety");
        b.CreateSignalMetricsParameters("iris", ncp: 4, useCategoricalReduction: true, imputationMethod: ImputeMethod.Mean);
        return b;
    }

    public static ResourceSetBuilder PatientDoctorVisit()
    {
        var b = new ResourceSetBuilder("tutorial_multitable") { ClientVersion = "1.0.0" };
        b.CreateTable(new TableDefinition
        {
            Name = "patient", OriginalFile = "patient.csv", PrimaryKey = "p_id", IndividualLevel = true,
            Types = new OrderedDictionary<string, ColumnType>
            {
                ["p_id"] = ColumnType.Int, ["gender"] = ColumnType.Category, ["height"] = ColumnType.Float,
                ["age"] = ColumnType.Float, ["weight"] = ColumnType.Float,
            },
        });
        b.CreateTable(new TableDefinition
        {
            Name = "doctor", OriginalFile = "doctor.csv", PrimaryKey = "d_id", IndividualLevel = true,
            Types = new OrderedDictionary<string, ColumnType>
            {
                ["d_id"] = ColumnType.Int, ["job"] = ColumnType.Category, ["age"] = ColumnType.Float,
            },
        });
        b.CreateTable(new TableDefinition
        {
            Name = "visit", OriginalFile = "visit.csv", PrimaryKey = "visit_id", ForeignKeys = ["patient_id", "doctor_id"],
            Types = new OrderedDictionary<string, ColumnType>
            {
                ["visit_id"] = ColumnType.Int, ["patient_id"] = ColumnType.Int, ["doctor_id"] = ColumnType.Int,
                ["day_visit"] = ColumnType.Category, ["exam"] = ColumnType.Category,
            },
        });
        b.CreateLink("patient", "visit", "p_id", "patient_id");
        b.CreateLink("doctor", "visit", "d_id", "doctor_id");

        // set_parameters("patient", k=5, known_variables=["gender", "age"])
        b.CreateAvatarizationParameters("patient", 5);
        b.CreatePrivacyMetricsParameters("patient", knownVariables: ["gender", "age"]);
        b.CreateSignalMetricsParameters("patient");

        // set_parameters("doctor", dp_epsilon=3, use_categorical_reduction=True)
        b.CreateAvatarizationDpParameters("doctor", 3, useCategoricalReduction: true);
        b.CreatePrivacyMetricsParameters("doctor", useCategoricalReduction: true);
        b.CreateSignalMetricsParameters("doctor", useCategoricalReduction: true);

        // set_parameters("visit", k=5)
        b.CreateAvatarizationParameters("visit", 5);
        b.CreatePrivacyMetricsParameters("visit");
        b.CreateSignalMetricsParameters("visit");
        return b;
    }

    /// <summary>§9.7 as the C# writer emits it: §9.6's three differences, and <c>epsilon: 3.0</c> (a double).</summary>
    public const string PatientDoctorVisitYaml = """
        kind: AvatarMetadata
        metadata:
          name: avatar-metadata-tutorial_multitable
        spec:
          display_name: tutorial_multitable
        annotations:
          client_type: dotnet
          client_version: 1.0.0

        ---
        kind: AvatarSchema
        metadata:
          name: schema
        spec:
          tables:
          - name: patient
            data:
              volume: input
              file: patient.csv
            individual_level: true
            columns:
            - field: p_id
              type: int
              primary_key: true
            - field: gender
              type: category
            - field: height
              type: float
            - field: age
              type: float
            - field: weight
              type: float
            links:
            - field: p_id
              to:
                table: visit
                field: patient_id
              method: linear_sum_assignment
          - name: doctor
            data:
              volume: input
              file: doctor.csv
            individual_level: true
            columns:
            - field: d_id
              type: int
              primary_key: true
            - field: job
              type: category
            - field: age
              type: float
            links:
            - field: d_id
              to:
                table: visit
                field: doctor_id
              method: linear_sum_assignment
          - name: visit
            data:
              volume: input
              file: visit.csv
            columns:
            - field: visit_id
              type: int
              primary_key: true
            - field: patient_id
              type: int
              identifier: true
            - field: doctor_id
              type: int
              identifier: true
            - field: day_visit
              type: category
            - field: exam
              type: category

        ---
        kind: AvatarSchema
        metadata:
          name: schema_avatarized
        spec:
          tables:
          - name: patient
            avatars_data:
              auto: true
          - name: doctor
            avatars_data:
              auto: true
          - name: visit
            avatars_data:
              auto: true
          schema_ref: schema

        ---
        kind: AvatarParameters
        metadata:
          name: standard
        spec:
          schema: schema
          avatarization:
            patient:
              k: 5
            visit:
              k: 5
          avatarization_dp:
            doctor:
              epsilon: 3.0
              use_categorical_reduction: true
          results:
            volume: results
            path: standard

        ---
        kind: AvatarPrivacyMetricsParameters
        metadata:
          name: privacy_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
          privacy_metrics:
            patient:
              known_variables:
              - gender
              - age
            doctor:
              use_categorical_reduction: true
          results:
            volume: results
            path: privacy_metrics

        ---
        kind: AvatarSignalMetricsParameters
        metadata:
          name: signal_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
          signal_metrics:
            doctor:
              use_categorical_reduction: true
          results:
            volume: results
            path: signal_metrics

        ---
        kind: AvatarReportParameters
        metadata:
          name: report
        spec:
          report_type: basic
          output_format: pdf
          results:
            volume: results
            path: report

        """;
}
