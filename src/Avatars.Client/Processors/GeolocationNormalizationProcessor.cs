using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Normalizes longitudes per band of latitude so that areas without points (lakes, forests, outside a
/// border) stay empty after avatarization. At <c>nReferenceLat</c> reference latitudes, the occupied
/// longitude bins (of <c>nBins</c> equal bins between the band's minimum and maximum) are laid end to end
/// on [0, 1]; each longitude is replaced by its position on that scale, and mapped back afterwards.
/// </summary>
/// <example>
/// lat <c>[49.1,49.2,49.3,49.3]</c>, lon <c>[3.21,3.19,3.11,3.18]</c>, 3 references × 5 bins give
/// lon <c>[0.5,0.5,0,1]</c>; postprocessing gives the original longitudes back.
/// </example>
public sealed class GeolocationNormalizationProcessor : IProcessor
{
    private List<Reference> model = [];

    /// <summary>Creates the processor.</summary>
    /// <param name="latitudeVariable">The latitude column.</param>
    /// <param name="longitudeVariable">The longitude column (the one normalized).</param>
    /// <param name="nReferenceLat">The number of reference latitudes (at least 2); more gives finer latitude bands.</param>
    /// <param name="nBins">The number of longitude bins per reference latitude (at least 1); more gives finer longitudes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nReferenceLat"/> is below 2 or <paramref name="nBins"/> below 1.</exception>
    public GeolocationNormalizationProcessor(string latitudeVariable, string longitudeVariable, int nReferenceLat, int nBins)
    {
        ArgumentException.ThrowIfNullOrEmpty(latitudeVariable);
        ArgumentException.ThrowIfNullOrEmpty(longitudeVariable);

        // One reference would divide by zero when spacing the references (Python gives NaN tolerances).
        ArgumentOutOfRangeException.ThrowIfLessThan(nReferenceLat, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(nBins, 1);
        LatitudeVariable = latitudeVariable;
        LongitudeVariable = longitudeVariable;
        NReferenceLat = nReferenceLat;
        NBins = nBins;
    }

    /// <summary>The latitude column.</summary>
    public string LatitudeVariable { get; }

    /// <summary>The longitude column.</summary>
    public string LongitudeVariable { get; }

    /// <summary>The number of reference latitudes.</summary>
    public int NReferenceLat { get; }

    /// <summary>The number of longitude bins per reference latitude.</summary>
    public int NBins { get; }

    /// <summary>Fits the reference latitudes and bins on <paramref name="data"/> and normalizes its longitudes to [0, 1].</summary>
    /// <exception cref="ArgumentException">A coordinate column is missing, not numeric, has missing values, or the table is empty.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (lat, lon) = Read(data);
        if (lat.Length == 0)
        {
            throw new ArgumentException("Expected at least one row to fit the geolocation normalization.", nameof(data));
        }

        Fit(lat, lon);
        var result = new double[lon.Length];
        for (var r = 0; r < lon.Length; r++)
        {
            var reference = Closest(lat[r]);
            result[r] = Map(lon[r], reference.Ranges, reference.Proportions);
        }

        return data.WithColumn(new FloatColumn(LongitudeVariable, result));
    }

    /// <summary>Maps the normalized longitudes of <paramref name="dest"/> back to longitudes.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Preprocess"/> was not called first.</exception>
    /// <exception cref="ArgumentException">A coordinate column of <paramref name="dest"/> is missing, not numeric, or has missing values.</exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(dest);
        if (model.Count == 0)
        {
            throw new InvalidOperationException("Call Preprocess on the original data before Postprocess.");
        }

        var (lat, lon) = Read(dest);
        var result = new double[lon.Length];
        for (var r = 0; r < lon.Length; r++)
        {
            var reference = Closest(lat[r]);
            result[r] = Map(lon[r], reference.Proportions, reference.Ranges);
        }

        return dest.WithColumn(new FloatColumn(LongitudeVariable, result));
    }

    private (double[] Lat, double[] Lon) Read(Table table)
    {
        var lat = ColumnData.ToDoubles(ColumnData.Require(table, LatitudeVariable, table.UnknownColumnMessage(LatitudeVariable)));
        var lon = ColumnData.ToDoubles(ColumnData.Require(table, LongitudeVariable, table.UnknownColumnMessage(LongitudeVariable)));
        if (lat.Any(double.IsNaN) || lon.Any(double.IsNaN))
        {
            throw new ArgumentException(
                $"Expected no missing values for `{LatitudeVariable}` and `{LongitudeVariable}`, got columns with nulls instead", nameof(table));
        }

        return (lat, lon);
    }

    private void Fit(double[] lat, double[] lon)
    {
        var min = lat.Min();
        var max = lat.Max();

        // A tolerance of half the spacing maps every point to at least one reference (boundary points to two).
        var tolerance = 0.5 * (max - min) / (NReferenceLat - 1);
        var fitted = new List<Reference>();
        for (var i = 0; i < NReferenceLat; i++)
        {
            // numpy.linspace: start + i·step, the last point exactly the stop.
            var referenceLat = i == NReferenceLat - 1 ? max : min + (i * ((max - min) / (NReferenceLat - 1)));
            var points = lon.Where((_, r) => lat[r] >= referenceLat - tolerance && lat[r] <= referenceLat + tolerance).ToArray();
            if (points.Length == 0)
            {
                continue; // a reference without points is not part of the model, as in Python
            }

            if (fitted.Count > 0 && fitted[^1].Latitude == referenceLat)
            {
                continue; // all latitudes equal: the references coincide (Python's dictionary keeps one)
            }

            var ranges = OccupiedBins(points);
            var proportions = Enumerable.Range(0, ranges.Count)
                .Select(k => ((double)k / ranges.Count, ((double)k / ranges.Count) + (1.0 / ranges.Count)))
                .ToList();
            fitted.Add(new Reference(referenceLat, ranges, proportions));
        }

        model = fitted;
    }

    /// <summary>The non-empty bins of numpy's equal-width histogram of the points.</summary>
    private List<(double Start, double End)> OccupiedBins(double[] points)
    {
        var low = points.Min();
        var high = points.Max();
        if (low == high)
        {
            // numpy widens a degenerate range to [a − 0.5, a + 0.5].
            low -= 0.5;
            high += 0.5;
        }

        var edges = new double[NBins + 1];
        for (var i = 0; i <= NBins; i++)
        {
            edges[i] = i == NBins ? high : low + (i * ((high - low) / NBins));
        }

        var counts = new int[NBins];
        foreach (var point in points)
        {
            counts[BinOf(point, edges)]++;
        }

        return Enumerable.Range(0, NBins).Where(i => counts[i] > 0).Select(i => (edges[i], edges[i + 1])).ToList();
    }

    /// <summary>The bin of a value: <c>edge[i] ≤ x &lt; edge[i+1]</c>, the last bin closed on the right.</summary>
    private static int BinOf(double value, double[] edges)
    {
        var bins = edges.Length - 1;
        if (value >= edges[bins])
        {
            return bins - 1;
        }

        var index = (int)Math.Floor((value - edges[0]) / (edges[bins] - edges[0]) * bins);
        index = Math.Clamp(index, 0, bins - 1);

        // Correct the arithmetic guess against the actual edges, as numpy does.
        while (index > 0 && value < edges[index])
        {
            index--;
        }

        while (index < bins - 1 && value >= edges[index + 1])
        {
            index++;
        }

        return index;
    }

    /// <summary>The nearest reference latitude (the first one on ties).</summary>
    private Reference Closest(double latitude)
    {
        var best = model[0];
        foreach (var reference in model)
        {
            if (Math.Abs(reference.Latitude - latitude) < Math.Abs(best.Latitude - latitude))
            {
                best = reference;
            }
        }

        return best;
    }

    /// <summary>
    /// Maps a value from the interval list <paramref name="from"/> to the matching interval of <paramref name="to"/>,
    /// linearly; the interval is the first with <c>start ≤ x &lt; end</c>, else the last one.
    /// </summary>
    private static double Map(double value, List<(double Start, double End)> from, List<(double Start, double End)> to)
    {
        var selected = from.FindIndex(r => r.Start <= value && value < r.End);
        if (selected < 0)
        {
            selected = from.Count - 1;
        }

        var share = (value - from[selected].Start) / (from[selected].End - from[selected].Start);
        return to[selected].Start + (share * (to[selected].End - to[selected].Start));
    }

    private sealed record Reference(double Latitude, List<(double Start, double End)> Ranges, List<(double Start, double End)> Proportions);
}
