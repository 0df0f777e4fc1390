using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.MultiTable.Evaluation;

namespace Avatars.Engine.Tests.MultiTable.Evaluation;

public sealed class ValidationTests
{
    private static PrivacyMetricsOptions Options(string _) => new() { Ncp = 2 };

    [Fact]
    public void UnknownTableInALinkNamesItAndTheKnownTables()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        MultiTableEvaluationLink[] bad = [links[0], new("doctr", "doctor_id", "visit", "doctor_id")];

        var error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy(tables, bad, Options, TestContext.Current.CancellationToken));

        Assert.Contains("unknown table 'doctr'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'patient', 'doctor', 'visit'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluateSignal(tables, bad, _ => new(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void MissingForeignKeyColumnNamesTableAndColumn()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        MultiTableEvaluationLink[] bad = [links[0], new("doctor", "doctor_id", "visit", "physician_id")];

        var error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy(tables, bad, Options, TestContext.Current.CancellationToken));

        Assert.Contains("Table 'visit'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'physician_id' is missing from the original table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredForeignKeyMissingFromTheAvatarsIsAnError()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        tables[2] = tables[2] with { Avatars = tables[2].Avatars.Drop("doctor_id") };

        var error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy(tables, links, Options, TestContext.Current.CancellationToken));

        Assert.Contains("Table 'visit'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'doctor_id' is missing from the avatars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AvatarForeignKeyNotAmongAvatarParentKeysNamesTableColumnAndValue()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        var fk = ((IntColumn)tables[2].Avatars["doctor_id"]).Values.ToArray();
        fk[5] = 99;
        tables[2] = tables[2] with { Avatars = tables[2].Avatars.WithColumn(new IntColumn("doctor_id", fk)) };

        var error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluateSignal(tables, links, _ => new(), TestContext.Current.CancellationToken));

        Assert.Equal(
            "Link 'visit.doctor_id' → 'doctor.doctor_id': avatar table 'visit', foreign key column 'doctor_id': 1 row(s) refer to a key not found among the avatar keys of table 'doctor' (column 'doctor_id'), for example '99'. Avatar foreign keys must hold the new keys of the avatar parents. (Parameter 'tables')",
            error.Message);
    }

    [Fact]
    public void AvatarForeignKeysHoldingTheOriginalKeysAreRejected()
    {
        var (specs, links) = EvaluationTestData.PatientDoctorVisit();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        tables[2] = tables[2] with { Avatars = tables[2].Avatars.WithColumn(specs[2].Original["patient_id"]) };

        var error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy(tables, links, Options, TestContext.Current.CancellationToken));

        Assert.Contains("avatar table 'visit', foreign key column 'patient_id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("for example '101'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OriginalForeignKeyNotFoundAndDuplicateParentKeyAreErrors()
    {
        var (specs, links) = EvaluationTestData.Chain();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);
        var orphan = tables[2] with { Original = tables[2].Original.WithColumn(new IntColumn("patient_id", [.. Enumerable.Range(0, 36).Select(i => i == 0 ? 777L : 10 + (i / 3))])) };
        var error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy([tables[0], tables[1], orphan], links, Options, TestContext.Current.CancellationToken));
        Assert.Contains("original table 'visit', foreign key column 'patient_id': 1 row(s) refer to a key not found among the original keys of table 'patient' (column 'patient_id'), for example '777'", error.Message, StringComparison.Ordinal);

        var duplicate = tables[0] with { Avatars = tables[0].Avatars.WithColumn(new IntColumn("region_id", [1, 2, 2, 4])) };
        error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy([duplicate, tables[1], tables[2]], links, Options, TestContext.Current.CancellationToken));
        Assert.Contains("avatar table 'region', key column 'region_id': the key '2' appears more than once (rows 1 and 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherInputErrors()
    {
        var (specs, links) = EvaluationTestData.Chain();
        var tables = EvaluationTestData.WithRenumberedAvatars(specs, links);

        var error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy([tables[0], tables[0]], [], Options, TestContext.Current.CancellationToken));
        Assert.Contains("Table 'region' appears more than once", error.Message, StringComparison.Ordinal);

        var shorter = tables[2] with { Avatars = tables[2].Avatars.TakeRows([0, 1, 2]) };
        error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy([tables[0], tables[1], shorter], links, Options, TestContext.Current.CancellationToken));
        Assert.Contains("Table 'visit' is paired but has 36 original rows and 3 avatar rows", error.Message, StringComparison.Ordinal);

        var lacking = tables[2] with { Avatars = tables[2].Avatars.Drop("cost") };
        error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy([tables[0], tables[1], lacking], links, Options, TestContext.Current.CancellationToken));
        Assert.Contains("Table 'visit': the avatars have no column 'cost'", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy(tables, [new("visit", "visit_id", "visit", "visit_id")], Options, TestContext.Current.CancellationToken));
        Assert.Contains("cannot be its own parent", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ArgumentException>(() => MultiTableEvaluator.EvaluatePrivacy(tables, [links[0], links[0]], Options, TestContext.Current.CancellationToken));
        Assert.Contains("is listed twice", error.Message, StringComparison.Ordinal);
    }
}
