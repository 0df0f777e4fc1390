using Avatars.Data;
using Avatars.Engine.TimeSeries;
using MathStatistics = MathNet.Numerics.Statistics.Statistics;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// The time-series children of one parent table (docs/time-series.md): each is encoded before the parent's
/// avatarization (its features appended to the parent, by parent key) and rebuilt afterwards from the parent avatars'
/// features, with the spread of the scores restored and the residual noise added (<see cref="TimeSeriesDecodeOptions"/>).
/// </summary>
internal sealed class SeriesEncodings
{
    private readonly Dictionary<string, (TimeSeriesEncoding Encoding, MultiTableLink Link)> byChild = new(StringComparer.Ordinal);

    /// <summary>The encodings, by child table.</summary>
    public IReadOnlyDictionary<string, TimeSeriesEncoding> Encodings => byChild.ToDictionary(e => e.Key, e => e.Value.Encoding, StringComparer.Ordinal);

    /// <summary>The prefix of a child's feature columns in its parent's enriched table.</summary>
    public static string Prefix(string child) => child + "__";

    /// <summary>Encodes a time-series child and appends its features to the parent's enriched table (parents without a series get the mean features).</summary>
    public Table Append(Table enriched, MultiTableSource parent, MultiTableSource child, MultiTableLink link)
    {
        var excluded = child.KeyColumns.Where(k => k != link.ChildField).ToList();
        TimeSeriesEncoding encoding;
        try
        {
            encoding = TimeSeriesEncoder.Encode(child.Data.WithName(child.Name), link.ChildField, child.TimeColumn!, excluded, Prefix(child.Name), child.TimeSeries ?? new TimeSeriesSettings());
        }
        catch (TimeSeriesException ex)
        {
            throw new MultiTableException(ex.Message, child.Name, innerException: ex);
        }

        var features = encoding.FeaturesFor(parent.Data[link.ParentField]);
        foreach (var name in encoding.FeatureColumns)
        {
            if (enriched.Contains(name))
            {
                throw new MultiTableException($"Table '{parent.Name}' already has a column '{name}', the name of a feature of its time series '{child.Name}': rename the column.", parent.Name, name);
            }

            enriched = enriched.WithColumn(features[name]);
        }

        byChild[child.Name] = (encoding, link);
        return enriched;
    }

    /// <summary>
    /// Column weights for the parent's avatarization: each FPCA score column gets
    /// <c>ScoreWeight · sqrt(σ_j / σ_max)</c> (σ_j its standard deviation, σ_max the largest of the same series
    /// variable). The avatarization standardises every column, so without weights the tenth component — mostly
    /// noise — would count as much as the first in the neighbour search, and the series as a whole little against the
    /// parent's own variables; these weights bring the neighbours' curves closer (docs/time-series.md, measured).
    /// FLATTEN columns, length, start and duration keep weight 1.
    /// </summary>
    public IReadOnlyDictionary<string, double> Weights()
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (encoding, _) in byChild.Values)
        {
            if (encoding.Settings.ProjectionType != SeriesProjectionType.Fpca)
            {
                continue;
            }

            var scores = encoding.Projection.ScoreColumns.Select(s => Prefix(encoding.TableName) + s).ToList();
            var spreads = scores.ToDictionary(s => s, s => MathStatistics.StandardDeviation(((FloatColumn)encoding.Features[s]).Values.ToArray()), StringComparer.Ordinal);
            foreach (var variable in encoding.Aligned.Curves.VariableNames)
            {
                var own = scores.Where(s => s.StartsWith(Prefix(encoding.TableName) + variable + "_fpca_", StringComparison.Ordinal)).ToList();
                var largest = own.Count == 0 ? 0 : own.Max(s => spreads[s]);
                foreach (var score in own)
                {
                    weights[score] = largest > 0 ? ScoreWeight * Math.Sqrt(spreads[score] / largest) : ScoreWeight;
                }
            }
        }

        return weights;
    }

    /// <summary>The weight of a series' first FPCA component in its parent's avatarization.</summary>
    public const double ScoreWeight = 2.0;

    /// <summary>Rebuilds a child from the parent avatars (shuffled rows) and their new keys.</summary>
    public Table Decode(string child, Table parentAvatars, Column keys, ulong seed)
    {
        var (encoding, _) = byChild[child];
        try
        {
            var options = new TimeSeriesDecodeOptions { RestoreScoreSpread = true, AddResidualNoise = true, RestorePointSpread = true, NoiseSeed = seed, TableName = child };
            return encoding.Decode(parentAvatars, keys, options);
        }
        catch (TimeSeriesException ex)
        {
            throw new MultiTableException(ex.Message, child, innerException: ex);
        }
    }

    /// <summary>What the encoding of a child used.</summary>
    public IReadOnlyList<string> Notes(string child)
    {
        var (encoding, link) = byChild[child];
        var settings = encoding.Settings;
        return
        [
            $"Time series of '{link.ParentTable}' (project design): {settings.ProjectionType.ToString().ToLowerInvariant()} projection, nf = {settings.Nf}, "
            + $"{settings.Method.ToString().ToLowerInvariant()} alignment on {encoding.Aligned.Curves.GridSize} points; {encoding.FeatureColumns.Count} features appended to '{link.ParentTable}'; "
            + "score spread restored, residual noise added, per-point spread restored; lengths and spans kept within the original ranges.",
        ];
    }
}
