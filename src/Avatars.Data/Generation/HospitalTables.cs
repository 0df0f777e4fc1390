namespace Avatars.Data.Generation;

/// <summary>
/// Three linked synthetic tables made by <see cref="HospitalTablesGenerator"/>: patients and doctors (one row per
/// person) and the visits between them.
/// </summary>
/// <param name="Patients">Table <c>patients</c>: primary key <c>p_id</c> and a few patient variables.</param>
/// <param name="Doctors">Table <c>doctors</c>: primary key <c>d_id</c>, specialty, age and years of experience.</param>
/// <param name="Visits">Table <c>visits</c>: primary key <c>visit_id</c>, foreign keys <c>patient_id</c> and <c>doctor_id</c>, reason, cost and duration.</param>
public sealed record HospitalTables(Table Patients, Table Doctors, Table Visits)
{
    /// <summary>The patients' primary key.</summary>
    public const string PatientKey = "p_id";

    /// <summary>The doctors' primary key.</summary>
    public const string DoctorKey = "d_id";

    /// <summary>The visits' primary key.</summary>
    public const string VisitKey = "visit_id";

    /// <summary>The visits' foreign key to <c>patients.p_id</c>.</summary>
    public const string VisitPatientKey = "patient_id";

    /// <summary>The visits' foreign key to <c>doctors.d_id</c>.</summary>
    public const string VisitDoctorKey = "doctor_id";

    /// <summary>The three tables, parents first (patients, doctors, visits).</summary>
    public IReadOnlyList<Table> All => [Patients, Doctors, Visits];
}
