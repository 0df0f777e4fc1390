using System.Globalization;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>A piecewise-linear colour scale between RGB stops.</summary>
internal sealed class ColorScale
{
    private readonly (double Value, int R, int G, int B)[] stops;

    private ColorScale(params (double Value, string Color)[] stops)
    {
        this.stops = stops.Select(s => (s.Value,
            int.Parse(s.Color.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(s.Color.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(s.Color.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToArray();
    }

    /// <summary>Blue (−1) – white (0) – red (+1), for correlations.</summary>
    public static ColorScale Diverging { get; } = new((-1, "#2166AC"), (-0.5, "#92C5DE"), (0, "#F7F7F7"), (0.5, "#F4A582"), (1, "#B2182B"));

    /// <summary>White (0) to dark red (1), stretched at small values, for absolute differences.</summary>
    public static ColorScale Sequential { get; } = new((0, "#F7F7F7"), (0.1, "#FDD49E"), (0.25, "#FC8D59"), (0.5, "#D7301F"), (1, "#7F0000"));

    /// <summary>The colour of missing / undefined values.</summary>
    public const string Undefined = "#D9D9D9";

    /// <summary>The smallest value of the scale.</summary>
    public double Min => stops[0].Value;

    /// <summary>The largest value of the scale.</summary>
    public double Max => stops[^1].Value;

    /// <summary>The stop values (for legend ticks).</summary>
    public IEnumerable<double> StopValues => stops.Select(s => s.Value);

    /// <summary>The colour of a value (clamped to the scale); <see cref="Undefined"/> for NaN.</summary>
    public string ColorOf(double value)
    {
        if (double.IsNaN(value))
        {
            return Undefined;
        }

        value = Math.Clamp(value, Min, Max);
        for (var i = 1; i < stops.Length; i++)
        {
            if (value <= stops[i].Value)
            {
                var (v0, r0, g0, b0) = stops[i - 1];
                var (v1, r1, g1, b1) = stops[i];
                var t = v1 > v0 ? (value - v0) / (v1 - v0) : 0;
                return string.Create(CultureInfo.InvariantCulture, $"#{Lerp(r0, r1, t):X2}{Lerp(g0, g1, t):X2}{Lerp(b0, b1, t):X2}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"#{stops[^1].R:X2}{stops[^1].G:X2}{stops[^1].B:X2}");
    }

    /// <summary>The position (0 = min, 1 = max) of a value on a legend in which the stops are equally spaced.</summary>
    public double LegendPosition(double value)
    {
        for (var i = 1; i < stops.Length; i++)
        {
            if (value <= stops[i].Value)
            {
                var t = (value - stops[i - 1].Value) / (stops[i].Value - stops[i - 1].Value);
                return (i - 1 + Math.Clamp(t, 0, 1)) / (stops.Length - 1);
            }
        }

        return 1;
    }

    /// <summary>The value at a legend position (inverse of <see cref="LegendPosition"/>).</summary>
    public double ValueAt(double position)
    {
        var scaled = Math.Clamp(position, 0, 1) * (stops.Length - 1);
        var i = Math.Min((int)scaled, stops.Length - 2);
        return stops[i].Value + ((scaled - i) * (stops[i + 1].Value - stops[i].Value));
    }

    private static int Lerp(int a, int b, double t) => (int)Math.Round(a + ((b - a) * t));
}
