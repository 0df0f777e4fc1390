namespace Avatars.Server.Jobs;

/// <summary>
/// The progress a runner reports, kept in memory: runners may report thousands of times a second, the lease monitor
/// writes the latest value at most once per <see cref="JobTimings.ProgressInterval"/>.
/// </summary>
internal sealed class ThrottledProgress : IProgress<double>
{
    private long bits = BitConverter.DoubleToInt64Bits(double.NaN);

    /// <summary>The latest value reported; null before the first report.</summary>
    public double? Latest
    {
        get
        {
            var value = BitConverter.Int64BitsToDouble(Interlocked.Read(ref bits));
            return double.IsNaN(value) ? null : value;
        }
    }

    /// <inheritdoc />
    public void Report(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        Interlocked.Exchange(ref bits, BitConverter.DoubleToInt64Bits(Math.Clamp(value, 0.0, 1.0)));
    }
}
