using System.Runtime.CompilerServices;
using Avatars.Config;
using Avatars.Data;
using Microsoft.Extensions.Logging;

namespace Avatars.Client.Tests.Runner;

/// <summary>Runner states of the vendor's examples and access to the YAML golden files of Avatars.Config.Tests.</summary>
internal static class RunnerFixtures
{
    /// <summary>The golden files live in the Config test project (sdk.md §9.6–§9.8); read them from the source tree.</summary>
    public static string ReadGolden(string name, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Avatars.Config.Tests", "Resources", name));

    public static OrderedDictionary<string, ColumnType> IrisTypes() => new()
    {
        ["sepal.length"] = ColumnType.Float, ["sepal.width"] = ColumnType.Float, ["petal.length"] = ColumnType.Float,
        ["petal.width"] = ColumnType.Float, ["variety"] = ColumnType.Category,
    };

    /// <summary>A configuration whose annotations match the golden files (<c>client_version: 1.0.0</c>).</summary>
    public static RunnerConfiguration New(string displayName, int? seed = null, ILogger? logger = null)
    {
        var config = new RunnerConfiguration(displayName, seed, logger);
        config.Config.ClientVersion = "1.0.0";
        return config;
    }

    public static RunnerConfiguration Iris()
    {
        var config = New("iris_k5");
        config.AddTable("iris", "iris.csv", types: IrisTypes());
        return config;
    }

    /// <summary>The calls of sdk.md §9.6.</summary>
    public static TableParameters IrisParameters() => new()
    {
        K = 5,
        Ncp = 4,
        UseCategoricalReduction = true,
        ColumnWeights = new Dictionary<string, double> { ["variety"] = 3.0 },
        ExcludeVariableNames = ["variety"],
        ExcludeReplacementStrategy = ExcludeVariablesMethod.CoordinateSimilarity,
        ImputationMethod = ImputeMethod.Mean,
        KnownVariables = ["sepal.length"],
        Target = "variety",
    };

    /// <summary>The calls of sdk.md §9.7.</summary>
    public static RunnerConfiguration PatientDoctorVisit()
    {
        var config = New("tutorial_multitable");
        config.AddTable("patient", "patient.csv", primaryKey: "p_id", individualLevel: true, types: new OrderedDictionary<string, ColumnType>
        {
            ["p_id"] = ColumnType.Int, ["gender"] = ColumnType.Category, ["height"] = ColumnType.Float,
            ["age"] = ColumnType.Float, ["weight"] = ColumnType.Float,
        });
        config.AddTable("doctor", "doctor.csv", primaryKey: "d_id", individualLevel: true, types: new OrderedDictionary<string, ColumnType>
        {
            ["d_id"] = ColumnType.Int, ["job"] = ColumnType.Category, ["age"] = ColumnType.Float,
        });
        config.AddTable("visit", "visit.csv", primaryKey: "visit_id", foreignKeys: ["patient_id", "doctor_id"], types: new OrderedDictionary<string, ColumnType>
        {
            ["visit_id"] = ColumnType.Int, ["patient_id"] = ColumnType.Int, ["doctor_id"] = ColumnType.Int,
            ["day_visit"] = ColumnType.Category, ["exam"] = ColumnType.Category,
        });
        config.AddLink("patient", "p_id", "visit", "patient_id");
        config.AddLink("doctor", "d_id", "visit", "doctor_id");
        config.SetParameters("patient", new TableParameters { K = 5, KnownVariables = ["gender", "age"] });
        config.SetParameters("doctor", new TableParameters { DpEpsilon = 3, UseCategoricalReduction = true });
        config.SetParameters("visit", new TableParameters { K = 5 });
        return config;
    }

    /// <summary>The C# form of a Python 1.0.8 golden file: no AvatarVolume, <c>results.volume: results</c>, <c>output_format: pdf</c>, a leading AvatarMetadata.</summary>
    public static string DotnetFormOf(string python, string displayName, string? epsilonRepr = null)
    {
        var volumeDoc = python[..(python.IndexOf("---\n", StringComparison.Ordinal) + 4)];
        var volumeName = volumeDoc.Split('\n')[2].Split(": ")[1];
        var body = python.Replace(volumeDoc, string.Empty, StringComparison.Ordinal)
            .Replace(volumeName, "results", StringComparison.Ordinal)
            .Replace("report_type: basic\n", "report_type: basic\n  output_format: pdf\n", StringComparison.Ordinal);
        if (epsilonRepr is not null)
        {
            body = body.Replace("epsilon: 3\n", $"epsilon: {epsilonRepr}\n", StringComparison.Ordinal);
        }

        return $"""
            kind: AvatarMetadata
            metadata:
              name: avatar-metadata-{displayName}
            spec:
              display_name: {displayName}
            annotations:
              client_type: dotnet
              client_version: 1.0.0

            ---

            """ + body;
    }
}
