using Avatars.Data;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class InputTablesTests
{
    [Fact]
    public async Task Parquet_uploads_are_read_with_the_schema_types()
    {
        var bed = new RunnerTestBed();
        var original = RunnerTestBed.Patients(80);
        using (var parquet = new MemoryStream())
        {
            await TableWriter.WriteParquetAsync(original, parquet, TestContext.Current.CancellationToken);
            bed.Upload("patients.parquet", parquet.ToArray());
        }

        var set = RunnerTestBed.Set(file: "patients.parquet");
        var (context, _) = bed.Context(set, "standard", JobKind.Standard);
        var table = set.FindSchema("schema")!.Tables[0];
        var read = await InputTables.ReadOriginalAsync(context, table, TestContext.Current.CancellationToken);
        Assert.Equal(original.ColumnNames, read.ColumnNames);
        Assert.Equal(80, read.RowCount);
        Assert.Equal("patients", read.Name);
        Assert.Equal(ColumnType.Category, read["region"].Type);
    }

    [Fact]
    public async Task A_declared_column_missing_from_the_file_is_named()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(30).Drop("region")));
        var set = RunnerTestBed.Set();
        var (context, _) = bed.Context(set, "standard", JobKind.Standard);
        var error = await Assert.ThrowsAsync<JobFailedException>(() => InputTables.ReadOriginalAsync(context, set.FindSchema("schema")!.Tables[0], TestContext.Current.CancellationToken));
        Assert.Contains("region", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"patients.csv\"", error.Message, StringComparison.Ordinal);
    }
}
