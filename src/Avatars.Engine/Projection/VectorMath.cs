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
}
