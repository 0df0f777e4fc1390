using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>The correlation matrices of the numeric columns shared by the original and the avatars.</summary>
internal sealed record CorrelationPair(IReadOnlyList<string> Names, double[] Original, double[] Avatars)
{
    /// <summary>Numeric columns of the original that are also numeric in the avatars, in the original's order.</summary>
    public static CorrelationPair Compute(Table original, Table avatars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        var names = original.Columns
            .Where(c => NumericValues.IsNumeric(c) && avatars.TryGetColumn(c.Name, out var a) && NumericValues.IsNumeric(a))
            .Select(c => c.Name)
            .ToArray();
        return new CorrelationPair(
            names,
            Correlations.Compute(names.Select(n => original[n]).ToArray(), cancellationToken),
            Correlations.Compute(names.Select(n => avatars[n]).ToArray(), cancellationToken));
    }
}
