using System.Globalization;
using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Brings avatarized values back towards the original ones, column by column: a level of 0 restores
/// the original values, 1 keeps the avatars. Numeric columns are interpolated
/// (<c>source + (dest − source) × level</c>); other columns take, row by row, the avatar value with
/// probability <c>level</c> and the original value otherwise. Rows are matched by position, so
/// <c>dest</c> must be the unshuffled avatars of <c>source</c>.
/// </summary>
public sealed class PerturbationProcessor : IProcessor
{
    private readonly Random random;

    /// <summary>Creates the processor.</summary>
    /// <param name="perturbationLevel">The level per column, in [0, 1]; columns not listed (or at 1.0) keep their avatar values.</param>
    /// <param name="seed">Seeds the draws of non-numeric columns; null for a random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside [0, 1].</exception>
    public PerturbationProcessor(IReadOnlyDictionary<string, double>? perturbationLevel = null, int? seed = null)
    {
        var levels = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, level) in perturbationLevel ?? new Dictionary<string, double>())
        {
            if (!(level >= 0 && level <= 1))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(perturbationLevel), level, $"Expected a perturbation level between 0 and 1 for variable '{name}'.");
            }

            levels.Add(name, level);
        }

        PerturbationLevel = levels;
        Seed = seed;
        random = seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>The perturbation level per column.</summary>
    public IReadOnlyDictionary<string, double> PerturbationLevel { get; }

    /// <summary>The seed of the draws (null = random).</summary>
    public int? Seed { get; }

    /// <summary>Returns <paramref name="data"/> unchanged: the perturbation only acts after avatarization.</summary>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// A perturbed column is missing from <paramref name="source"/> or <paramref name="dest"/>, or the tables
    /// have different row counts.
    /// </exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dest);
        var perturbed = PerturbationLevel.Where(p => p.Value != 1.0).ToArray();
        if (perturbed.Length == 0)
        {
            return dest;
        }

        var missing = perturbed.Select(p => p.Key).Where(n => !source.Contains(n) || !dest.Contains(n)).ToArray();
        if (missing.Length > 0)
        {
            var set = "{" + string.Join(", ", missing.Select(m => $"'{m}'")) + "}";
            throw new ArgumentException($"perturbation_level: variables {set} cannot be found in the dataframe", nameof(PerturbationLevel));
        }

        if (source.RowCount != dest.RowCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected source and dest to have the same number of rows (rows are matched by position), got {source.RowCount} and {dest.RowCount} instead."),
                nameof(dest));
        }

        var result = dest;
        foreach (var (name, level) in perturbed)
        {
            var original = source[name];
            var avatar = dest[name];
            if (ColumnData.IsNumeric(original) && ColumnData.IsNumeric(avatar))
            {
                var s = ColumnData.ToDoubles(original);
                var d = ColumnData.ToDoubles(avatar);
                var values = new double[s.Length];
                for (var r = 0; r < values.Length; r++)
                {
                    values[r] = s[r] + ((d[r] - s[r]) * level);
                }

                result = result.WithColumn(new FloatColumn(name, values));
            }
            else
            {
                // One Bernoulli(level) draw per row: 1 keeps the avatar value, 0 restores the original one.
                var avatarValues = ColumnData.Values(avatar);
                var originalAligned = ColumnData.ConvertLike(original, avatar);
                var values = new object?[avatarValues.Length];
                for (var r = 0; r < values.Length; r++)
                {
                    values[r] = random.NextDouble() < level ? avatarValues[r] : originalAligned.GetValue(r);
                }

                result = result.WithColumn(ColumnData.FromObjects(name, avatar.Type, values, (avatar as DateTimeColumn)?.Offset));
            }
        }

        return result;
    }
}
