namespace Avatars.Server.Tests.Jobs;

/// <summary>Resource sets used by the job tests.</summary>
internal static class TestSets
{
    private const string Schemas = """
        kind: AvatarSchema
        metadata:
          name: schema
        spec:
          tables:
          - name: iris
            data:
              volume: input
              file: iris.csv
        ---
        kind: AvatarSchema
        metadata:
          name: schema_avatarized
        spec:
          tables:
          - name: iris
            avatars_data:
              {AVATARS}
          schema_ref: schema
        """;

    private const string Parameters = """
        ---
        kind: AvatarParameters
        metadata:
          name: standard
        spec:
          schema: schema
          avatarization:
            iris:
              k: 5
        ---
        kind: AvatarPrivacyMetricsParameters
        metadata:
          name: privacy_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
          seed: 42
        ---
        kind: AvatarSignalMetricsParameters
        metadata:
          name: signal_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
        ---
        kind: AvatarReportParameters
        metadata:
          name: report
        spec:
          report_type: basic
        ---
        kind: AvatarAdviceParameters
        metadata:
          name: advice
        spec:
          schema: schema
          advice:
            advisor_type:
            - parameters
        """;

    /// <summary>One table <c>iris</c>; avatars computed by a standard job.</summary>
    public static readonly string Iris = Schemas.Replace("{AVATARS}", "auto: true", StringComparison.Ordinal) + "\n" + Parameters;

    /// <summary>One table <c>iris</c> with avatars supplied by the user (metrics need no standard job).</summary>
    public static readonly string IrisWithAvatars = Schemas.Replace("{AVATARS}", "file: iris_avatars.csv", StringComparison.Ordinal) + "\n" + Parameters;

    /// <summary>Two tables: a standard job of <see cref="Iris"/> does not cover <c>extra</c>.</summary>
    public static readonly string TwoTables = Iris
        .Replace(
            "      file: iris.csv\n",
            "      file: iris.csv\n  - name: extra\n    data:\n      volume: input\n      file: extra.csv\n",
            StringComparison.Ordinal)
        .Replace(
            "  - name: iris\n    avatars_data:\n      auto: true\n",
            "  - name: iris\n    avatars_data:\n      auto: true\n  - name: extra\n    avatars_data:\n      auto: true\n",
            StringComparison.Ordinal);
}
