using static Avatars.Data.Generation.WeightedLevels;

namespace Avatars.Data.Generation;

/// <summary>
/// Generates a realistic, entirely synthetic patient table (seeded, no real data): 20 mixed columns —
/// skewed and correlated measurements, integers, booleans, categoricals with 2–12 skewed levels,
/// admission dates — with about 5 % missing values in four columns. Used by <c>avatars demo</c>, the
/// tests and the benchmarks.
/// </summary>
public static class PatientTableGenerator
{
    private static readonly DateTime FirstAdmission = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly (string Level, double Weight)[] BloodTypes =
        [("O+", 37), ("A+", 33), ("B+", 9), ("AB+", 3), ("O-", 7), ("A-", 7), ("B-", 2), ("AB-", 2)];

    private static readonly (string Level, double Weight)[] Regions =
        [("North", 22), ("South", 18), ("East", 14), ("West", 12), ("Centre", 9), ("Capital", 8), ("Coast", 5), ("Mountains", 4), ("Islands", 3), ("Lakes", 2), ("Valley", 2), ("Overseas", 1)];

    private static readonly (string Level, double Weight)[] Insurance =
        [("public", 61), ("private", 27), ("mixed", 9), ("none", 3)];

    private static readonly (string Level, double Weight)[] Education =
        [("primary", 12), ("secondary", 41), ("bachelor", 27), ("master", 16), ("doctorate", 4)];

    private static readonly (string Level, double Weight)[] Treatments =
        [("standard", 55), ("intensive", 30), ("experimental", 15)];

    /// <summary>The number of columns generated.</summary>
    public const int ColumnCount = 20;

    /// <summary>Generates <paramref name="rows"/> patients.</summary>
    /// <param name="rows">Number of rows (at least 1).</param>
    /// <param name="seed">Seed: the same seed gives the same table.</param>
    /// <param name="name">The table name.</param>
    public static Table Generate(int rows, int seed = 42, string name = "patients")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var random = new Random(seed);
        var age = new long[rows];
        var sex = new int[rows];
        var height = new double[rows];
        var weight = new double[rows];
        var bmi = new double[rows];
        var systolic = new long[rows];
        var diastolic = new long[rows];
        var cholesterol = new double[rows];
        var glucose = new double[rows];
        var smoker = new bool[rows];
        var diabetes = new bool[rows];
        var bloodType = new int[rows];
        var region = new int[rows];
        var insurance = new int[rows];
        var education = new int[rows];
        var admission = new long[rows];
        var stay = new long[rows];
        var visits = new long[rows];
        var heartRate = new long[rows];
        var heartRateMissing = new bool[rows];
        var treatment = new int[rows];

        for (var i = 0; i < rows; i++)
        {
            var health = Normal(random); // latent frailty: drives age, blood pressure, glucose, stay
            age[i] = Math.Clamp((long)Math.Round(52 + 14 * (0.6 * health + 0.8 * Normal(random))), 18, 97);
            sex[i] = random.NextDouble() < 0.52 ? 0 : 1;
            height[i] = Math.Round((sex[i] == 0 ? 163 : 177) + 7 * Normal(random), 1);
            weight[i] = Math.Round(Math.Max(38, (height[i] - 100) * 0.95 + 9 * health + 11 * Normal(random)), 1);
            bmi[i] = Math.Round(weight[i] / Math.Pow(height[i] / 100, 2), 1);
            systolic[i] = Math.Clamp((long)Math.Round(118 + 0.35 * (age[i] - 52) + 9 * health + 10 * Normal(random)), 85, 220);
            diastolic[i] = Math.Clamp((long)Math.Round(0.45 * systolic[i] + 24 + 6 * Normal(random)), 45, 130);
            cholesterol[i] = random.NextDouble() < 0.05 ? double.NaN : Math.Round(Math.Max(2.5, 5.1 + 0.4 * health + 0.9 * Normal(random)), 2);
            glucose[i] = random.NextDouble() < 0.05 ? double.NaN : Math.Round(Math.Exp(Math.Log(5.4) + 0.12 * health + 0.18 * Normal(random)), 1);
            smoker[i] = random.NextDouble() < (age[i] < 40 ? 0.3 : 0.2);
            diabetes[i] = random.NextDouble() < Logistic(-3 + 0.9 * health + 0.02 * (age[i] - 52));
            bloodType[i] = Pick(random, BloodTypes);
            region[i] = Pick(random, Regions);
            insurance[i] = Pick(random, Insurance);
            education[i] = random.NextDouble() < 0.05 ? -1 : Pick(random, Education);
            admission[i] = FirstAdmission.AddDays(random.Next(0, 5 * 365)).Ticks;
            stay[i] = Math.Max(1, (long)Math.Round(Math.Exp(1.1 + 0.35 * health + 0.6 * Normal(random))));
            visits[i] = Poisson(random, Math.Exp(0.8 + 0.3 * health));
            heartRateMissing[i] = random.NextDouble() < 0.05;
            heartRate[i] = Math.Clamp((long)Math.Round(72 + 4 * health + 9 * Normal(random)), 40, 160);
            treatment[i] = Pick(random, Treatments);
        }

        return new Table(
        [
            new IntColumn("age", age),
            new CategoryColumn("sex", sex, ["F", "M"]),
            new FloatColumn("height_cm", height),
            new FloatColumn("weight_kg", weight),
            new FloatColumn("bmi", bmi),
            new IntColumn("systolic_bp", systolic),
            new IntColumn("diastolic_bp", diastolic),
            new FloatColumn("cholesterol_mmol", cholesterol),
            new FloatColumn("glucose_mmol", glucose),
            new BoolColumn("smoker", smoker),
            new BoolColumn("diabetes", diabetes),
            new CategoryColumn("blood_type", bloodType, Levels(BloodTypes)),
            new CategoryColumn("region", region, Levels(Regions)),
            new CategoryColumn("insurance", insurance, Levels(Insurance)),
            new CategoryColumn("education", education, Levels(Education)),
            new DateTimeColumn("admission_date", admission),
            new IntColumn("length_of_stay", stay),
            new IntColumn("visits_last_year", visits),
            new IntColumn("heart_rate", heartRate, heartRateMissing),
            new CategoryColumn("treatment", treatment, Levels(Treatments)),
        ], name);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static long Poisson(Random random, double mean)
    {
        // Knuth's method: fine for the small means used here.
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        long count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }
}
