using System.CommandLine;
using Avatars.Data.Generation;
using Spectre.Console;

namespace Avatars.Cli.Commands.Demo;

/// <summary>
/// <c>avatars demo [--multi-table]</c>: generate synthetic data (one patient table, or linked patients, doctors and
/// visits), then do what a user of the platform does — start a server (embedded, on a loopback port), and with the
/// SDK upload the tables, set the parameters, run the standard, metrics and report jobs with progress, and download
/// the results.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Rows of the single demo table when <c>--rows</c> is not given.</summary>
    public const int DefaultRows = 2_000;

    /// <summary>Patients of the multi-table demo when <c>--rows</c> is not given.</summary>
    public const int DefaultPatients = 500;

    public static Command Create(IAnsiConsole console)
    {
        var rows = new Option<int?>("--rows") { Description = $"Rows of the generated demo table (default {DefaultRows:N0}); with --multi-table, patients (default {DefaultPatients}), with a tenth as many doctors and about three visits per patient." };
        var k = new Option<int>("--k", "-k") { Description = "Number of neighbours (for every table).", DefaultValueFactory = _ => 20 };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("avatars-demo") };
        var multiTable = new Option<bool>("--multi-table") { Description = "Generate three linked tables (patients, doctors, visits) and avatarize them together, keys and links included." };
        var command = new Command("demo", "Generate realistic synthetic data (no real data), avatarize it on an embedded server through the SDK, print the metrics and write the results.")
        {
            rows, k, output, multiTable,
        };

        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var neighbours = parse.GetValue(k);
            var folder = parse.GetValue(output)!.FullName;
            if (parse.GetValue(multiTable))
            {
                var patients = parse.GetValue(rows) ?? DefaultPatients;
                ValidateMultiTable(patients, neighbours);
                Directory.CreateDirectory(folder);
                return await MultiTableDemo.RunAsync(console, patients, neighbours, folder, cancellationToken);
            }

            var n = parse.GetValue(rows) ?? DefaultRows;
            ValidateSingleTable(n, neighbours);
            Directory.CreateDirectory(folder);
            return await SingleTableDemo.RunAsync(console, n, neighbours, folder, cancellationToken);
        }));
        return command;
    }

    /// <summary>Checks the sizes of the single-table demo.</summary>
    /// <exception cref="CliUsageException">Fewer than 3 rows, or k outside 1 … rows − 1.</exception>
    internal static void ValidateSingleTable(int rows, int k)
    {
        if (rows < 3)
        {
            throw new CliUsageException($"--rows {rows}: the demo needs at least 3 rows.");
        }

        if (k < 1 || k >= rows)
        {
            throw new CliUsageException($"--k {k}: k must be at least 1 and smaller than the number of rows ({rows}).");
        }
    }

    /// <summary>Checks the sizes of the multi-table demo: k applies to every table, so it must fit the doctors, the smallest.</summary>
    /// <exception cref="CliUsageException">Too few patients, or k outside 1 … doctors − 1.</exception>
    internal static void ValidateMultiTable(int patients, int k)
    {
        if (patients < HospitalTablesGenerator.MinimumPatients)
        {
            throw new CliUsageException(
                $"--rows {patients}: --multi-table needs at least {HospitalTablesGenerator.MinimumPatients} patients (one doctor per {HospitalTablesGenerator.PatientsPerDoctor} patients, and at least 2 doctors).");
        }

        var doctors = HospitalTablesGenerator.DoctorCount(patients);
        if (k < 1 || k >= doctors)
        {
            throw new CliUsageException(
                $"--k {k}: k must be at least 1 and smaller than the number of rows of every table; the smallest, doctors, has {doctors} rows (--rows {patients} / {HospitalTablesGenerator.PatientsPerDoctor}). Use --k {doctors - 1} or less, or more --rows.");
        }
    }
}
