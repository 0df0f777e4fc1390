using Avatars.Data;

namespace Avatars.Engine.Privacy;

/// <summary>The checks both DP entries make before spending any budget: ε, its split, the rows, the identifier columns.</summary>
internal static class DifferentialPrivacyChecks
{
    /// <summary>Throws a <see cref="DifferentialPrivacyException"/> naming the parameter or column at fault.</summary>
    public static void Common(Table table, double epsilon, double preprocessBudgetRatio, IReadOnlyList<string> identifierColumns)
    {
        if (!double.IsFinite(epsilon) || epsilon <= 0)
        {
            throw new DifferentialPrivacyException(
                $"dp_epsilon = {epsilon} must be a finite number greater than 0.", table.Name, parameter: "dp_epsilon");
        }

        if (!(preprocessBudgetRatio > 0 && preprocessBudgetRatio < 1))
        {
            throw new DifferentialPrivacyException(
                $"dp_preprocess_budget_ratio = {preprocessBudgetRatio} must be strictly between 0 and 1 (the share of dp_epsilon spent on the projection).",
                table.Name, parameter: "dp_preprocess_budget_ratio");
        }

        if (table.RowCount < 2)
        {
            throw new DifferentialPrivacyException(
                $"Table '{table.Name}' has {table.RowCount} rows: differentially private avatarization needs at least 2.", table.Name);
        }

        foreach (var id in identifierColumns)
        {
            if (!table.Contains(id))
            {
                throw new DifferentialPrivacyException(table.UnknownColumnMessage(id), table.Name, id);
            }
        }
    }
}
