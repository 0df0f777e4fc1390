using Avatars.Data;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Row direct match protection (method.md §6.5, DOC): the share of original individuals <b>not</b> present verbatim
/// in the anonymized set, <c>RDMP = 100 · (1 − (1/n) Σ_i [∃ s : A_s == X_i on all columns])</c>, NaN equal to NaN.
/// Needs no pairing; exact-equality hashing, O(n·p) expected time. Target: above 90 %. Duplicate-heavy data score
/// low by construction (an original with an identical twin is often reproduced exactly): the published WBCD avatars
/// give 52.42 %.
/// </summary>
public static class RowDirectMatchProtection
{
    /// <summary>The target of the vendor's report, in percent.</summary>
    public const double Target = 90;

    /// <summary>Computes the protection.</summary>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars (any row order and count).</param>
    /// <param name="columns">The compared columns (default: every column of the original table).</param>
    /// <returns>The protection in percent and the per-original match flags.</returns>
    /// <exception cref="Avatars.Engine.Avatarization.AvatarizationException">A compared column is missing from a table.</exception>
    public static RowDirectMatchResult Compute(Table original, Table avatars, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        var keys = CellKeys.Build(original, avatars, columns ?? original.ColumnNames.ToArray());
        var present = new HashSet<int>(avatars.RowCount, keys.RowComparer);
        for (var s = 0; s < avatars.RowCount; s++)
        {
            present.Add(s);
        }

        var matched = new bool[original.RowCount];
        var count = 0;
        for (var i = 0; i < matched.Length; i++)
        {
            if (present.Contains(~i))
            {
                matched[i] = true;
                count++;
            }
        }

        return new RowDirectMatchResult(matched.Length == 0 ? double.NaN : 100.0 * (1 - ((double)count / matched.Length)), count, matched);
    }
}

/// <summary>Row direct match protection and its detail.</summary>
/// <param name="Value">Protection in percent.</param>
/// <param name="MatchedCount">Originals found verbatim among the avatars.</param>
/// <param name="Matched">Per original: true when an identical avatar exists.</param>
public sealed record RowDirectMatchResult(double Value, int MatchedCount, IReadOnlyList<bool> Matched);
