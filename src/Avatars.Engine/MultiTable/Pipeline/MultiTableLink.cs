using Avatars.Engine.MultiTable.Relinking;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>A parent → child link: the child's foreign key <paramref name="ChildField"/> holds the parent's primary key <paramref name="ParentField"/>.</summary>
/// <param name="ParentTable">The parent table.</param>
/// <param name="ParentField">The parent's primary-key column.</param>
/// <param name="ChildTable">The child table.</param>
/// <param name="ChildField">The child's foreign-key column.</param>
/// <param name="Method">How child avatars get a parent avatar.</param>
public sealed record MultiTableLink(
    string ParentTable,
    string ParentField,
    string ChildTable,
    string ChildField,
    RelinkMethod Method = RelinkMethod.LinearSumAssignment)
{
    /// <summary>True for a time-series link.</summary>
    public bool IsTimeSeries => Method == RelinkMethod.TimeSeries;

    /// <inheritdoc/>
    public override string ToString() => $"{ParentTable}.{ParentField} → {ChildTable}.{ChildField} ({Method})";
}
