using Avatars.Data;
using Avatars.Data.Generation;

namespace Avatars.Server.Tests.EndToEnd;

/// <summary>The table and resource set of the end-to-end flow: a seeded patient table, k = 10, all four job kinds.</summary>
internal static class FlowData
{
    public static async Task<byte[]> PatientsCsvAsync(int rows = 300, int seed = 7)
    {
        var table = PatientTableGenerator.Generate(rows, seed, "patients");
        var path = Path.Combine(Path.GetTempPath(), $"flow-{Guid.NewGuid():N}.csv");
        try
        {
            await TableWriter.WriteCsvAsync(table, path, TestContext.Current.CancellationToken);
            return await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string Yaml(string file = "patients.csv", int k = 10, string table = "patients") => $"""
        kind: AvatarSchema
        metadata:
          name: schema
        spec:
          tables:
          - name: {table}
            data:
              file: {file}
        ---
        kind: AvatarSchema
        metadata:
          name: schema_avatarized
        spec:
          tables:
          - name: {table}
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
            {table}:
              k: {k}
          seed: 42
        ---
        kind: AvatarPrivacyMetricsParameters
        metadata:
          name: privacy_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
          privacy_metrics:
            {table}: {"{}"}
        ---
        kind: AvatarSignalMetricsParameters
        metadata:
          name: signal_metrics
        spec:
          schema: schema_avatarized
          avatarization_ref: standard
          signal_metrics:
            {table}: {"{}"}
        ---
        kind: AvatarReportParameters
        metadata:
          name: report
        spec:
          report_type: basic
        """;
}
