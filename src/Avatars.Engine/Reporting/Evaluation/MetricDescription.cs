namespace Avatars.Engine.Reporting.Evaluation;

/// <summary>What a metric is, for people: its name, unit, target and a plain-language explanation.</summary>
/// <param name="Key">The JSON key (e.g. <c>hidden_rate</c>).</param>
/// <param name="Group">"Privacy" or "Signal".</param>
/// <param name="DisplayName">The name shown in tables.</param>
/// <param name="Unit">"%" or empty.</param>
/// <param name="Target">The target as the vendor writes it (e.g. <c>&gt; 90</c>), or null when there is none.</param>
/// <param name="Explanation">What the value means and how to read it.</param>
/// <param name="Design">"vendor parity" when the formula is the published one, else "project design".</param>
public sealed record MetricDescription(string Key, string Group, string DisplayName, string Unit, string? Target, string Explanation, string Design)
{
    /// <summary>Whether a value meets the target (null when there is no target or no value).</summary>
    public bool? Meets(double? value)
    {
        if (Target is null || value is null || double.IsNaN(value.Value))
        {
            return null;
        }

        var parts = Target.Split(' ', 2, StringSplitOptions.TrimEntries);
        var threshold = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return parts[0] switch
        {
            ">" => value > threshold,
            ">=" => value >= threshold,
            "<" => value < threshold,
            "<=" => value <= threshold,
            _ => null,
        };
    }

    /// <summary>The target with its unit, e.g. "&gt; 90 %".</summary>
    public string TargetText => Target is null ? "—" : Unit.Length > 0 ? $"{Target} {Unit}" : Target;
}
