using Avatars.Data;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Column direct match protection (method.md §6.6). The vendor formula is unknown (the report says it weighs the
/// share of correct one-variable matches against the variable's number of distinct values, reports the minimum over
/// variables, and 0 signals a surviving direct identifier). <b>Project design, not vendor parity:</b> for column
/// <c>c</c>, paired match rate <c>m_c = (1/n) Σ_i [A_ic == X_ic]</c>, chance level <c>e_c = Σ_v p_X(v)·p_A(v)</c> (the
/// match rate of independent draws from the two marginals), <c>protection_c = 100 · (1 − max(0, m_c − e_c) / (1 − e_c))</c>
/// (100 when <c>e_c = 1</c>); the metric is <c>min_c protection_c</c>. An identifier copied verbatim scores 0; a
/// column matching no more often than chance scores 100. Needs pairing (row i = avatar of original i). O(n·p).
/// Target: above 50 %.
/// </summary>
public static class ColumnDirectMatchProtection
{
    /// <summary>The target of the vendor's report, in percent.</summary>
    public const double Target = 50;

    /// <summary>Computes the protection.</summary>
    /// <param name="original">The original table.</param>
    /// <param name="sensitiveUnshuffled">The avatars in original row order.</param>
    /// <param name="columns">The compared columns (default: every column of the original table).</param>
    /// <exception cref="Avatars.Engine.Avatarization.AvatarizationException">A column is missing or the row counts differ.</exception>
    public static ColumnDirectMatchResult Compute(Table original, Table sensitiveUnshuffled, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(sensitiveUnshuffled);
        PrivacyEvaluator.RequirePairing(original, sensitiveUnshuffled);
        var keys = CellKeys.Build(original, sensitiveUnshuffled, columns ?? original.ColumnNames.ToArray());
        var n = original.RowCount;
        var perColumn = new Dictionary<string, ColumnMatch>(StringComparer.Ordinal);
        for (var c = 0; c < keys.Columns.Count; c++)
        {
            var x = keys.Originals[c];
            var a = keys.Avatars[c];
            var matches = 0;
            var countX = new Dictionary<long, int>();
            var countA = new Dictionary<long, int>();
            for (var i = 0; i < n; i++)
            {
                if (x[i] == a[i])
                {
                    matches++;
                }

                countX[x[i]] = countX.GetValueOrDefault(x[i]) + 1;
                countA[a[i]] = countA.GetValueOrDefault(a[i]) + 1;
            }

            var chance = 0.0;
            foreach (var (key, cx) in countX)
            {
                if (countA.TryGetValue(key, out var ca))
                {
                    chance += (double)cx / n * ((double)ca / n);
                }
            }

            var rate = n == 0 ? double.NaN : (double)matches / n;
            var protection = chance >= 1 ? 100 : 100 * (1 - (Math.Max(0, rate - chance) / (1 - chance)));
            perColumn[keys.Columns[c]] = new ColumnMatch(rate, chance, protection);
        }

        var value = perColumn.Count == 0 ? double.NaN : perColumn.Values.Min(m => m.Protection);
        return new ColumnDirectMatchResult(value, perColumn);
    }
}

/// <summary>One column's paired match statistics.</summary>
/// <param name="MatchRate">Share of individuals whose avatar has the same value (m_c).</param>
/// <param name="ChanceRate">Match rate expected by chance from the two marginals (e_c).</param>
/// <param name="Protection">The column's protection in percent.</param>
public sealed record ColumnMatch(double MatchRate, double ChanceRate, double Protection);

/// <summary>Column direct match protection and its per-column detail.</summary>
/// <param name="Value">The minimum protection over the columns, in percent.</param>
/// <param name="Columns">Per column: match rate, chance rate and protection.</param>
public sealed record ColumnDirectMatchResult(double Value, IReadOnlyDictionary<string, ColumnMatch> Columns);
