using Avatars.Data;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// The tables the privacy metrics of a time-series child compare (method.md §5.3: the tabular metrics on the projected
/// series): the original individuals' features and their avatars' features, paired through the parent — row i is
/// original parent i and its avatar (the parent avatarization is paired).
/// </summary>
public static class SeriesPrivacyPairs
{
    /// <summary>Builds the paired feature tables (id columns dropped).</summary>
    /// <param name="encoding">The encoding of the original series.</param>
    /// <param name="originalParentIds">The original parent keys, in the parent's row order.</param>
    /// <param name="avatarSeries">The avatar series (ids = the parent avatars' keys).</param>
    /// <param name="avatarParentIds">The key of the avatar of each original parent row (the unshuffled parent avatars' keys).</param>
    /// <returns>The original and avatar features, one row per parent, same columns.</returns>
    /// <exception cref="TimeSeriesException">An avatar parent has no series in <paramref name="avatarSeries"/>, or the key columns differ in length.</exception>
    public static (Table Original, Table Avatars) Pair(TimeSeriesEncoding encoding, Column originalParentIds, Table avatarSeries, Column avatarParentIds)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(originalParentIds);
        ArgumentNullException.ThrowIfNull(avatarSeries);
        ArgumentNullException.ThrowIfNull(avatarParentIds);
        if (originalParentIds.Length != avatarParentIds.Length)
        {
            throw new TimeSeriesException(
                $"Table '{encoding.TableName}': {originalParentIds.Length} original parents but {avatarParentIds.Length} parent avatars; the parent avatarization must be paired.");
        }

        var original = encoding.FeaturesFor(originalParentIds).Drop(originalParentIds.Name);
        var avatarFeatures = encoding.FeaturesOf(avatarSeries);
        var rowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < avatarFeatures.RowCount; row++)
        {
            rowOfId[avatarFeatures[0].FormatValue(row) ?? string.Empty] = row;
        }

        var rows = new int[avatarParentIds.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var key = avatarParentIds.FormatValue(i) ?? string.Empty;
            rows[i] = rowOfId.TryGetValue(key, out var row)
                ? row
                : throw new TimeSeriesException($"Table '{encoding.TableName}': the parent avatar with key '{key}' has no series among the avatars.");
        }

        var avatars = avatarFeatures.TakeRows(rows).Drop(avatarFeatures[0].Name).WithName(original.Name);
        return (original, avatars);
    }
}
