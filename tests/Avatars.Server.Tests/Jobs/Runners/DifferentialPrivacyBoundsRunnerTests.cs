using System.Globalization;
using System.Text.Json;
using Avatars.Config;
using Avatars.Data;
using Avatars.Server.Jobs;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

/// <summary>
/// The project extension <c>avatarization_dp.&lt;t&gt;.bounds</c> reaches the engine as declared public bounds
/// (docs/differential-privacy.md §8): the avatars stay within them and no budget is spent estimating them.
/// </summary>
public sealed class DifferentialPrivacyBoundsRunnerTests
{
    [Fact]
    public async Task Declared_bounds_hold_the_avatars_and_replace_the_estimated_ones()
    {
        var bed = new RunnerTestBed();
        bed.Upload("patients.csv", RunnerTestBed.Csv(RunnerTestBed.Patients(300).Drop("heart_rate")));
        var set = StandardJobRunnerTests.DifferentialPrivacySet("      bounds: {age: [30, 60], bmi: [20.5, 28.5]}\n");
        var (context, results) = bed.Context(set, "standard", JobKind.Standard, seed: 3);
        await new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken);

        var avatars = RunnerTestBed.ReadCsv(results.Bytes("patients.shuffled-0.csv"));
        Assert.Equal(300, avatars.RowCount);
        var ages = Values(avatars["age"]);
        Assert.All(ages, a => Assert.InRange(a, 30, 60));
        Assert.All(Values(avatars["bmi"]), b => Assert.InRange(b, 20.5, 28.5));
        Assert.True(ages.Distinct().Count() > 1);

        var notes = Notes(results.Text("run_metadata.json"), "patients");
        Assert.DoesNotContain(notes, n => n.Contains("'age'", StringComparison.Ordinal) || n.Contains("'bmi'", StringComparison.Ordinal));
        // The undeclared numeric column still gets DP-estimated bounds (and a note).
        Assert.Contains(notes, n => n.Contains("Bounds of 'systolic_bp' estimated with DP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_vendor_multi_table_yaml_with_declared_doctor_ages_keeps_them_in_range()
    {
        var bed = MultiTableRunnerTests.VendorBed();
        const string Doctor = "    doctor:\n      epsilon: 3\n      use_categorical_reduction: true\n";
        var vendor = MultiTableRunnerTests.VendorYaml();
        Assert.Contains(Doctor, vendor, StringComparison.Ordinal);
        var set = ResourceSetYaml.ParseAndValidate(vendor.Replace(Doctor, Doctor + "      bounds: {age: [18, 80]}\n", StringComparison.Ordinal));
        var (context, results) = bed.Context(set, "standard", JobKind.Standard, seed: 11);
        await new StandardJobRunner().RunAsync(context, TestContext.Current.CancellationToken);

        var doctors = RunnerTestBed.ReadCsv(results.Bytes("doctor.shuffled-0.csv"));
        Assert.Equal(50, doctors.RowCount);
        var ages = Values(doctors["age"]).Order().ToArray();
        Assert.All(ages, a => Assert.InRange(a, 18, 80));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"doctor avatar ages: min {ages[0]:F1}, median {(ages[24] + ages[25]) / 2:F1}, max {ages[^1]:F1}"));
        Assert.DoesNotContain(Notes(results.Text("run_metadata.json"), "doctor"), n => n.Contains("Bounds of 'age'", StringComparison.Ordinal));
    }

    private static List<string> Notes(string runMetadata, string table)
    {
        using var metadata = JsonDocument.Parse(runMetadata);
        return [.. metadata.RootElement.GetProperty("tables").GetProperty(table).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)];
    }

    private static double[] Values(Column column) => column switch
    {
        FloatColumn f => f.Values.ToArray(),
        IntColumn i => [.. i.Values.ToArray().Select(v => (double)v)],
        _ => throw new InvalidOperationException($"'{column.Name}' is not numeric"),
    };
}
