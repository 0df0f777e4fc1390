using System.Globalization;

namespace Avatars.Engine.Reporting.Report;

/// <summary>Formatting and fixed wording shared by the HTML and PDF writers (culture-invariant).</summary>
public static class ReportText
{
    /// <summary>
    /// Formats a metric value: "n/a" for <c>null</c> or non-finite values, two decimals otherwise
    /// (four when the absolute value is below 1 and not zero), followed by the unit with a space.
    /// </summary>
    /// <param name="value">Value or <c>null</c>.</param>
    /// <param name="unit">Unit, e.g. "%" or "".</param>
    /// <returns>The formatted value, e.g. "92.68 %" or "0.0298".</returns>
    public static string FormatValue(double? value, string unit)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "n/a";
        }

        string format = Math.Abs(v) < 1 && v != 0 ? "0.0000" : "0.00";
        string text = v.ToString(format, CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(unit) ? text : text + " " + unit;
    }

    /// <summary>Status label of a metric: "Pass", "Fail" or "No target" / "Not computed".</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The label.</returns>
    public static string Status(ReportMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Passed switch
        {
            true => "Pass",
            false => "Fail",
            null when metric.Value is null => "Not computed",
            null => "Informative",
        };
    }

    /// <summary>Formats a date as "yyyy-MM-dd HH:mm 'UTC'" after conversion to UTC.</summary>
    /// <param name="at">The date.</param>
    /// <returns>The text.</returns>
    public static string FormatDate(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Formats an integer count with thin grouping ("12,345").</summary>
    /// <param name="count">The count.</param>
    /// <returns>The text.</returns>
    public static string FormatCount(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Plain-language description of what avatarization does (method overview).</summary>
    public const string MethodOverview =
        "Avatarization replaces every row of the sensitive table by a synthetic \"avatar\". The table is first " +
        "projected into a factorial space (FAMD, PCA or MCA depending on the variable types). For each individual, " +
        "its k nearest other individuals are found in that space, and the avatar is a randomly weighted " +
        "combination of those neighbours, mapped back to the original variables. The avatar table has the same " +
        "size and columns as the original, and its rows are shuffled so that no avatar is stored next to its source.";

    /// <summary>How to read the summary table.</summary>
    public const string HowToRead =
        "Each metric is compared with the target used in the vendor's avatarization report. \"Pass\" means the " +
        "measured value meets that target on this data set and this run; \"Fail\" means it does not and the " +
        "result needs review before the avatars are shared; \"Informative\" marks metrics without a target. " +
        "Privacy metrics estimate how hard it is to recognise an individual from the avatars; signal metrics " +
        "estimate how faithfully the avatars keep the statistical information of the original data. " +
        "Metrics marked \"project design\" follow this project's own documented formula because the vendor's " +
        "formula is not public; compare them with vendor reports only qualitatively.";

    /// <summary>Paragraphs describing the threat model and the known limits.</summary>
    public static IReadOnlyList<string> ThreatModel { get; } =
    [
        "Worst-case attacker. The privacy metrics assume an attacker who holds both the original data and the " +
        "avatars and tries to link each individual to the most similar synthetic record. Real attackers usually " +
        "know much less, so the metrics are deliberately pessimistic about linkage.",
        "What is measured. The metrics relate to the three risks named by the European data-protection " +
        "authorities for anonymisation: singling out (isolating one person's record), linkability (connecting " +
        "records about the same person) and inference (deducing an attribute of a person). Individuals with " +
        "unusual values (outliers) are the most exposed.",
        "Known limits. The metrics are estimates computed on this data set, not guarantees. Published independent " +
        "research has shown reconstruction and membership-inference attacks succeeding against avatarization with " +
        "a small number of neighbours (for example k = 2) while the hidden rate still looked safe (about 98 %). " +
        "A hidden rate below 90 % does not mean that 10 % of individuals are exposed, and a value above 90 % does " +
        "not mean that no one can be re-identified.",
        "Decision. Passing every target supports, but does not replace, the data-protection impact assessment: " +
        "the data controller remains responsible for judging the residual risk given who will receive the " +
        "avatars, what other data they hold, and which safeguards (contracts, access control) apply.",
    ];
}
