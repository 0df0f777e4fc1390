using Avatars.Client.Lib;
using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Turns low-cardinality non-categorical columns (ints, floats, booleans, timestamps with at most a
/// threshold of distinct values) into categorical columns before avatarization, and casts them back
/// to their original type afterwards.
/// </summary>
public sealed class ToCategoricalProcessor : IProcessor
{
    private IReadOnlyList<string> variables = [];

    /// <summary>Creates the processor.</summary>
    /// <param name="toCategoricalThreshold">Columns with at most this many distinct values become categorical.</param>
    /// <param name="keepContinuous">Also keep a continuous copy of each converted column, named <c>&lt;column&gt;&lt;continuousSuffix&gt;</c>.</param>
    /// <param name="continuousSuffix">The suffix of the continuous copies.</param>
    /// <param name="category">
    /// The modality that, in the avatarized data, means "take the continuous copy" (e.g. the category made by
    /// <see cref="GroupModalitiesProcessor"/>); used only with <paramref name="keepContinuous"/>.
    /// </param>
    public ToCategoricalProcessor(int toCategoricalThreshold, bool keepContinuous = false, string continuousSuffix = "__cont", string category = "other")
    {
        ArgumentException.ThrowIfNullOrEmpty(continuousSuffix);
        ArgumentNullException.ThrowIfNull(category);
        ToCategoricalThreshold = toCategoricalThreshold;
        KeepContinuous = keepContinuous;
        ContinuousSuffix = continuousSuffix;
        Category = category;
    }

    /// <summary>Columns with at most this many distinct values become categorical.</summary>
    public int ToCategoricalThreshold { get; }

    /// <summary>Whether a continuous copy of each converted column is kept.</summary>
    public bool KeepContinuous { get; }

    /// <summary>The suffix of the continuous copies.</summary>
    public string ContinuousSuffix { get; }

    /// <summary>The modality replaced by the continuous copy in <see cref="Postprocess"/>.</summary>
    public string Category { get; }

    /// <summary>The columns converted by the last <see cref="Preprocess"/> call.</summary>
    public IReadOnlyList<string> Variables => variables;

    /// <inheritdoc />
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        variables = ColumnTypes.GetContinuousUnderThreshold(data, ToCategoricalThreshold);
        var result = data;
        if (KeepContinuous)
        {
            foreach (var name in variables)
            {
                result = result.WithColumn(data[name].WithName(name + ContinuousSuffix));
            }
        }

        foreach (var name in variables)
        {
            result = result.WithColumn(ColumnData.AsText(data[name]));
        }

        return result;
    }

    /// <inheritdoc />
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dest);
        var result = dest;
        foreach (var name in variables)
        {
            var original = ColumnData.Require(source, name, source.UnknownColumnMessage(name));
            var avatar = ColumnData.Require(dest, name, dest.UnknownColumnMessage(name));
            if (KeepContinuous)
            {
                var continuousName = name + ContinuousSuffix;
                var continuous = ColumnData.Require(dest, continuousName, dest.UnknownColumnMessage(continuousName));

                // Rows where the avatar holds the placeholder modality take the continuous copy's value.
                var values = ColumnData.Values(avatar);
                for (var r = 0; r < values.Length; r++)
                {
                    if (avatar.FormatValue(r) == Category)
                    {
                        values[r] = continuous.GetValue(r);
                    }
                }

                result = result.WithColumn(ColumnData.FromObjects(name, original.Type, values, (original as DateTimeColumn)?.Offset))
                    .Drop(continuousName);
            }
            else
            {
                result = result.WithColumn(ColumnData.ConvertLike(avatar, original));
            }
        }

        return result;
    }
}
