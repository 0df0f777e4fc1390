using System.Numerics;
using System.Runtime.InteropServices;

namespace Avatars.Engine.Projection;

/// <summary>Small SIMD kernels. Multiply then add (no fused multiply-add) so results do not depend on FMA support.</summary>
internal static class VectorMath
{
    /// <summary>Σ x[i]·y[i].</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var acc = Vector<double>.Zero;
            for (var k = 0; k < xv.Length; k++)
            {
                acc += xv[k] * yv[k];
            }

            sum = Vector.Sum(acc);
            i = xv.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>Σ x[i].</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var acc = Vector<double>.Zero;
            for (var k = 0; k < xv.Length; k++)
            {
                acc += xv[k];
            }

            sum = Vector.Sum(acc);
            i = xv.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    /// <summary>y += a·x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var av = new Vector<double>(a);
            for (var k = 0; k < xv.Length; k++)
            {
                yv[k] += av * xv[k];
            }

            i = xv.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>y += x.</summary>
    public static void Add(ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            for (var k = 0; k < xv.Length; k++)
            {
                yv[k] += xv[k];
            }

            i = xv.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] += x[i];
        }
    }

    /// <summary>Minimum, maximum and sum in one pass; the sum is NaN when a value is not finite.</summary>
    public static (double Min, double Max, double Sum) Summary(ReadOnlySpan<double> x)
    {
        var i = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0, check = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vmin = new Vector<double>(double.PositiveInfinity);
            var vmax = new Vector<double>(double.NegativeInfinity);
            var vsum = Vector<double>.Zero;
            var vcheck = Vector<double>.Zero;
            for (var k = 0; k < xv.Length; k++)
            {
                var v = xv[k];
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
                vsum += v;
                vcheck += v - v; // NaN for ±∞ and NaN
            }

            for (var k = 0; k < Vector<double>.Count; k++)
            {
                min = Math.Min(min, vmin[k]);
                max = Math.Max(max, vmax[k]);
            }

            sum = Vector.Sum(vsum);
            check = Vector.Sum(vcheck);
            i = xv.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            min = Math.Min(min, x[i]);
            max = Math.Max(max, x[i]);
            sum += x[i];
            check += x[i] - x[i];
        }

        return (min, max, sum + check);
    }

    /// <summary>Σ (x[i] − c) and Σ (x[i] − c)².</summary>
    public static (double Sum, double Squares) Deviations(ReadOnlySpan<double> x, double c)
    {
        var i = 0;
        double sum = 0, squares = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vc = new Vector<double>(c);
            var vsum = Vector<double>.Zero;
            var vsquares = Vector<double>.Zero;
            for (var k = 0; k < xv.Length; k++)
            {
                var d = xv[k] - vc;
                vsum += d;
                vsquares += d * d;
            }

            sum = Vector.Sum(vsum);
            squares = Vector.Sum(vsquares);
            i = xv.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            var d = x[i] - c;
            sum += d;
            squares += d * d;
        }

        return (sum, squares);
    }
}
