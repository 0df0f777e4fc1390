namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>A parent–child link of a multi-table evaluation: <c>ChildTable.ChildField</c> refers to <c>ParentTable.ParentField</c>.</summary>
/// <param name="ParentTable">The parent table's name.</param>
/// <param name="ParentField">The parent's key column (unique values).</param>
/// <param name="ChildTable">The child table's name.</param>
/// <param name="ChildField">The child's foreign-key column holding its parent's key.</param>
public sealed record MultiTableEvaluationLink(string ParentTable, string ParentField, string ChildTable, string ChildField);
