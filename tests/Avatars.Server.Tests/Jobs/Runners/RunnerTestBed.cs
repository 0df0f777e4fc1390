using Avatars.Server.Tests.Infrastructure;
using Avatars.Config;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Server.Hosting;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;

namespace Avatars.Server.Tests.Jobs.Runners;

/// <summary>Builds job contexts over an in-memory store: uploads, resource sets parsed from YAML, parents.</summary>
internal sealed class RunnerTestBed
{
    public static readonly string[] PatientColumns = ["age", "sex", "bmi", "systolic_bp", "smoker", "region", "treatment", "heart_rate"];

    public Guid UserId { get; } = Guid.NewGuid();

    public InMemoryObjectStore Store { get; } = new();

    public LimitsOptions Limits { get; set; } = new();

    public List<double> ProgressReports { get; } = [];

    /// <summary>A small patients table (with an <c>id</c> identifier column first).</summary>
    public static Table Patients(int rows, int seed = 7, string name = "patients")
    {
        var generated = PatientTableGenerator.Generate(rows, seed, name).Select(PatientColumns);
        var ids = new IntColumn("id", [.. Enumerable.Range(1, rows).Select(i => (long)i)]);
        return new Table([ids, .. generated.Columns], name);
    }

    /// <summary>Stand-in for avatars from another generator: some original rows in another order, without the identifier.</summary>
    public static Table Synthetic(Table original, int rows) =>
        original.Drop("id").TakeRows([.. Enumerable.Range(0, rows).Select(i => (i * 7) % original.RowCount)]);

    public static byte[] Csv(Table table)
    {
        using var stream = new MemoryStream();
        TableWriter.WriteCsvAsync(table, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    public static Table ReadCsv(byte[] content) => TableReader.ReadCsv(new MemoryStream(content));

    public void Upload(string fileName, byte[] content) => Store.Put(StorageKeys.Input(UserId, fileName), content);

    /// <summary>A resource set for one table with every parameters kind.</summary>
    public static ResourceSet Set(
        string avatarization = "k: 5",
        string table = "patients",
        string file = "patients.csv",
        string privacy = "known_variables: [age, sex]\ntarget: treatment",
        string? avatarsFile = null,
        string seed = "42",
        string results = "",
        string outputFormat = "pdf")
    {
        var avatarsData = avatarsFile is null ? "auto: true" : $"file: {avatarsFile}";
        var yaml = $$"""
            kind: AvatarSchema
            metadata:
              name: schema
            spec:
              tables:
              - name: "{{table}}"
                data:
                  file: {{file}}
                columns:
                - field: id
                  type: int
                  identifier: true
                - field: region
                  type: category
            ---
            kind: AvatarSchema
            metadata:
              name: schema_avatarized
            spec:
              schema_ref: schema
              tables:
              - name: "{{table}}"
                avatars_data:
                  {{avatarsData}}
            ---
            kind: AvatarParameters
            metadata:
              name: standard
            spec:
              schema: schema
              seed: {{seed}}
              avatarization:
                "{{table}}":
                  {{avatarization.Replace("\n", "\n      ", StringComparison.Ordinal)}}
            {{results}}
            ---
            kind: AvatarPrivacyMetricsParameters
            metadata:
              name: privacy_metrics
            spec:
              schema: schema_avatarized
              avatarization_ref: standard
              privacy_metrics:
                "{{table}}":
                  {{privacy.Replace("\n", "\n      ", StringComparison.Ordinal)}}
            ---
            kind: AvatarSignalMetricsParameters
            metadata:
              name: signal_metrics
            spec:
              schema: schema_avatarized
              avatarization_ref: standard
              signal_metrics:
                "{{table}}":
                  ncp: 3
            ---
            kind: AvatarReportParameters
            metadata:
              name: report
            spec:
              report_type: basic
              output_format: {{outputFormat}}
            ---
            kind: AvatarAdviceParameters
            metadata:
              name: advice
            spec:
              schema: schema
              advice:
                advisor_type: [parameters]
            """;
        return ResourceSetYaml.Parse(yaml);
    }

    public (JobRunContext Context, InMemoryResultWriter Results) Context(ResourceSet set, string parametersName, JobKind kind, IReadOnlyList<ParentJob>? parents = null, long? seed = null)
    {
        var job = new JobEntity
        {
            Name = Guid.NewGuid(),
            UserId = UserId,
            Kind = kind.ToWire(),
            ParametersName = parametersName,
            CreatedAt = new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc),
            StartedAt = new DateTime(2026, 1, 5, 10, 0, 2, DateTimeKind.Utc),
            Seed = seed,
        };
        var results = new InMemoryResultWriter(Store, UserId, job.Name);
        var context = new JobRunContext
        {
            Job = job,
            Kind = kind,
            ResourceSet = set,
            Parameters = set.Documents.Single(d => d.Name == parametersName),
            Parents = parents ?? [],
            Storage = Store,
            Results = results,
            Progress = new SyncProgress(ProgressReports),
            Limits = Limits,
        };
        return (context, results);
    }

    /// <summary>Runs a standard job and returns it as a finished parent.</summary>
    public async Task<ParentJob> RunStandardAsync(ResourceSet set)
    {
        var (context, results) = Context(set, "standard", JobKind.Standard);
        await new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken);
        return new ParentJob(context.Job, JobKind.Standard, set, context.Parameters, results.Files);
    }

    /// <summary>Runs a metrics job and returns it as a finished parent.</summary>
    public async Task<ParentJob> RunMetricsAsync(ResourceSet set, JobKind kind, ParentJob? standard)
    {
        var (context, results) = Context(set, kind == JobKind.PrivacyMetrics ? "privacy_metrics" : "signal_metrics", kind, standard is null ? [] : [standard]);
        if (standard is not null)
        {
            context.Job.DependsOn.Add(new JobDependencyEntity { JobName = context.Job.Name, ParentName = standard.Job.Name, Position = 0 });
        }

        await new MetricsJobRunner(kind).RunAsync(context, TestContext.Current.CancellationToken);
        return new ParentJob(context.Job, kind, set, context.Parameters, results.Files);
    }

    private sealed class SyncProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
