using static Avatars.Data.Generation.WeightedLevels;

namespace Avatars.Data.Generation;

/// <summary>
/// Generates three linked, entirely synthetic tables (seeded, no real data) for multi-table demos and tests:
/// <c>patients</c> (a few columns of <see cref="PatientTableGenerator"/> behind a <c>p_id</c> key), <c>doctors</c>
/// (one per ten patients) and <c>visits</c> (1–6 per patient, about 3 on average, more for older and diabetic
/// patients). Every visit's <c>patient_id</c> and <c>doctor_id</c> is a key of the parent table, every patient has a
/// visit, and every doctor sees at least one patient (each patient's first visit is with their own doctor).
/// </summary>
public static class HospitalTablesGenerator
{
    /// <summary>The fewest patients accepted (ten patients per doctor, at least two doctors).</summary>
    public const int MinimumPatients = 20;

    /// <summary>Patients per doctor.</summary>
    public const int PatientsPerDoctor = 10;

    /// <summary>The patient columns kept from <see cref="PatientTableGenerator"/> (none with missing values).</summary>
    private static readonly string[] PatientColumns = ["age", "sex", "bmi", "systolic_bp", "smoker", "diabetes", "insurance"];

    private static readonly (string Level, double Weight)[] Specialties =
        [("general_practice", 40), ("cardiology", 12), ("pediatrics", 8), ("orthopedics", 10), ("dermatology", 8), ("endocrinology", 8), ("neurology", 7), ("psychiatry", 7)];

    /// <summary>Relative cost of a visit by specialty, in the order of <see cref="Specialties"/>.</summary>
    private static readonly double[] SpecialtyCost = [1.0, 1.8, 1.1, 1.6, 1.3, 1.5, 1.9, 1.7];

    private static readonly (string Level, double Weight)[] Reasons =
        [("routine_check", 30), ("follow_up", 22), ("acute_illness", 18), ("chronic_care", 12), ("test_results", 9), ("injury", 6), ("vaccination", 3)];

    /// <summary>Base cost (currency units) and duration (minutes) by reason, in the order of <see cref="Reasons"/>.</summary>
    private static readonly (double Cost, double Minutes)[] ReasonBase =
        [(45, 20), (40, 15), (60, 25), (70, 30), (30, 10), (90, 35), (25, 10)];

    /// <summary>Weights of 1–6 visits per patient: skewed to the right, mean about 2.9.</summary>
    private static readonly (string Level, double Weight)[] VisitCounts =
        [("1", 22), ("2", 24), ("3", 20), ("4", 15), ("5", 11), ("6", 8)];

    /// <summary>The number of doctors generated for <paramref name="patients"/> patients.</summary>
    /// <param name="patients">Number of patients.</param>
    /// <returns><paramref name="patients"/> / 10.</returns>
    public static int DoctorCount(int patients) => patients / PatientsPerDoctor;

    /// <summary>Generates the three tables.</summary>
    /// <param name="patients">Number of patients (at least <see cref="MinimumPatients"/>); doctors are a tenth of it.</param>
    /// <param name="seed">Seed: the same seed and size give the same tables.</param>
    /// <returns>The patients, doctors and visits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patients"/> is below <see cref="MinimumPatients"/>.</exception>
    public static HospitalTables Generate(int patients, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, MinimumPatients);
        var patientTable = PatientTableGenerator.Generate(patients, seed, "patients").Select(PatientColumns);
        var random = new Random(unchecked(seed * 31 + 7));
        var doctors = GenerateDoctors(random, DoctorCount(patients), out var specialty);
        var visits = GenerateVisits(random, patientTable, specialty);
        return new HospitalTables(
            new Table([new IntColumn(HospitalTables.PatientKey, Keys(patients)), .. patientTable.Columns], "patients"),
            doctors,
            visits);
    }

    private static Table GenerateDoctors(Random random, int count, out int[] specialty)
    {
        specialty = new int[count];
        var age = new double[count];
        var experience = new double[count];
        for (var i = 0; i < count; i++)
        {
            specialty[i] = Pick(random, Specialties);
            age[i] = Math.Round(Math.Clamp(47 + 9 * Normal(random), 28, 70), 1);
            // Medical school and residency end at about 27 to 33; a few career breaks shorten the experience.
            var start = 27 + 6 * random.NextDouble();
            var breaks = random.NextDouble() < 0.15 ? 1 + 4 * random.NextDouble() : 0;
            experience[i] = Math.Round(Math.Max(0, age[i] - start - breaks), 1);
        }

        return new Table(
        [
            new IntColumn(HospitalTables.DoctorKey, Keys(count)),
            new CategoryColumn("specialty", specialty, Levels(Specialties)),
            new FloatColumn("age", age),
            new FloatColumn("years_of_experience", experience),
        ], "doctors");
    }

    private static Table GenerateVisits(Random random, Table patients, int[] specialty)
    {
        var doctorCount = specialty.Length;
        var age = (IntColumn)patients["age"];
        var diabetes = (BoolColumn)patients["diabetes"];
        var patientIds = new List<long>();
        var doctorIds = new List<long>();
        var reasons = new List<int>();
        var costs = new List<double>();
        var durations = new List<double>();
        for (var p = 0; p < patients.RowCount; p++)
        {
            // The first patients are spread over the doctors so that every doctor has at least one patient.
            var ownDoctor = p < doctorCount ? p : random.Next(doctorCount);
            var visits = Pick(random, VisitCounts) + 1;
            if ((age[p] >= 65 || diabetes[p]) && visits < 6 && random.NextDouble() < 0.4)
            {
                visits++;
            }

            for (var v = 0; v < visits; v++)
            {
                var doctor = v == 0 || random.NextDouble() < 0.6 ? ownDoctor : random.Next(doctorCount);
                var reason = diabetes[p] && random.NextDouble() < 0.3 ? 3 : Pick(random, Reasons);
                var (baseCost, baseMinutes) = ReasonBase[reason];
                patientIds.Add(p);
                doctorIds.Add(doctor);
                reasons.Add(reason);
                costs.Add(Math.Round(baseCost * SpecialtyCost[specialty[doctor]] * Math.Exp(0.25 * Normal(random)), 2));
                durations.Add(Math.Round(Math.Max(5, baseMinutes * (1 + 0.004 * (age[p] - 50)) + 6 * Normal(random)), 1));
            }
        }

        return new Table(
        [
            new IntColumn(HospitalTables.VisitKey, Keys(patientIds.Count)),
            new IntColumn(HospitalTables.VisitPatientKey, [.. patientIds]),
            new IntColumn(HospitalTables.VisitDoctorKey, [.. doctorIds]),
            new CategoryColumn("reason", [.. reasons], Levels(Reasons)),
            new FloatColumn("cost", [.. costs]),
            new FloatColumn("duration_min", [.. durations]),
        ], "visits");
    }

    private static long[] Keys(int count)
    {
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = i;
        }

        return keys;
    }
}
