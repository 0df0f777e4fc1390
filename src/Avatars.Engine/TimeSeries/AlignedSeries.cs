using System.Collections.ObjectModel;
using Avatars.Data;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// The result of <see cref="SeriesAlignment.Align"/>: one row per individual (in order of first appearance in the
/// long table), its curves on the common grid and the features that place the series back in time.
/// </summary>
public sealed class AlignedSeries
{
    internal AlignedSeries(Table ids, string timeColumn, SeriesCurves curves, int[] lengths, double[] starts, double[] durations)
    {
        Ids = ids;
        TimeColumn = timeColumn;
        Curves = curves;
        Lengths = Array.AsReadOnly(lengths);
        Starts = Array.AsReadOnly(starts);
        Durations = Array.AsReadOnly(durations);
    }

    /// <summary>A one-column table: the id of each individual, with the id column's name and type.</summary>
    public Table Ids { get; }

    /// <summary>The name of the time column of the long table.</summary>
    public string TimeColumn { get; }

    /// <summary>The curves on the common grid.</summary>
    public SeriesCurves Curves { get; }

    /// <summary>The number of individuals.</summary>
    public int Count => Curves.Count;

    /// <summary>The number of time stamps of each individual's series.</summary>
    public ReadOnlyCollection<int> Lengths { get; }

    /// <summary>The first time stamp of each series (datetimes as seconds since the epoch).</summary>
    public ReadOnlyCollection<double> Starts { get; }

    /// <summary>Last minus first time stamp of each series (0 for a single-point series).</summary>
    public ReadOnlyCollection<double> Durations { get; }

    /// <summary>
    /// The individual-level features to append to the vanilla table: the id column, then
    /// <c>&lt;prefix&gt;length</c> (int), <c>&lt;prefix&gt;start</c> and <c>&lt;prefix&gt;duration</c> (float).
    /// </summary>
    /// <param name="prefix">Prepended to the feature names, typically <c>"&lt;table&gt;__"</c>.</param>
    public Table Features(string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new Table(
            [
                Ids[0],
                new IntColumn(prefix + "length", Lengths.Select(l => (long)l).ToArray()),
                new FloatColumn(prefix + "start", Starts.ToArray()),
                new FloatColumn(prefix + "duration", Durations.ToArray()),
            ],
            "features");
    }
}
