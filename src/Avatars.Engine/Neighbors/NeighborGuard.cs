using System.Globalization;

namespace Avatars.Engine.Neighbors;

/// <summary>Argument checks shared by the neighbour searches, with precise messages.</summary>
internal static class NeighborGuard
{
    /// <summary>Checks the shape of a row-major point buffer and that every coordinate is finite.</summary>
    public static void Points(ReadOnlySpan<double> points, int count, int dimension, string pointsName, string countName, string dimensionName)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(dimensionName, dimension, F($"The dimension must be at least 1 (got {dimension})."));
        }

        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(countName, count, F($"The number of rows must be non-negative (got {count})."));
        }

        if ((long)count * dimension != points.Length)
        {
            throw new ArgumentOutOfRangeException(pointsName, points.Length, F($"Dimension mismatch: {pointsName} has {points.Length} values but {count} rows × {dimension} dimensions need {(long)count * dimension}."));
        }

        Finite(points, dimension, pointsName);
    }

    /// <summary>Checks that a row-major buffer holds whole rows and returns the number of rows.</summary>
    public static int RowCount(int length, int dimension, string name)
    {
        if (length % dimension != 0)
        {
            throw new ArgumentOutOfRangeException(name, length, F($"Dimension mismatch: {name} has {length} values, which is not a whole number of rows of dimension {dimension}."));
        }

        return length / dimension;
    }

    /// <summary>Checks that every coordinate of a row-major buffer is finite, naming the first bad row.</summary>
    public static void Finite(ReadOnlySpan<double> points, int dimension, string name)
    {
        for (var i = 0; i < points.Length; i++)
        {
            if (!double.IsFinite(points[i]))
            {
                throw new ArgumentOutOfRangeException(name, points[i], F($"Row {i / dimension} of {name} has a non-finite coordinate (column {i % dimension} = {points[i]}); neighbour search needs finite coordinates."));
            }
        }
    }

    /// <summary>Checks a single query point.</summary>
    public static void Point(ReadOnlySpan<double> point, int dimension, string name)
    {
        if (point.Length != dimension)
        {
            throw new ArgumentOutOfRangeException(name, point.Length, F($"Dimension mismatch: {name} has {point.Length} coordinates but the index has dimension {dimension}."));
        }

        for (var j = 0; j < point.Length; j++)
        {
            if (!double.IsFinite(point[j]))
            {
                throw new ArgumentOutOfRangeException(name, point[j], F($"{name} has a non-finite coordinate (column {j} = {point[j]}); neighbour search needs finite coordinates."));
            }
        }
    }

    /// <summary>Checks k against the number of candidate rows.</summary>
    public static void K(int k, int rows, bool excludeSelf, string name)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(name, k, F($"k = {k} must be at least 1."));
        }

        if (excludeSelf && k >= rows)
        {
            throw new ArgumentOutOfRangeException(name, k, F($"k = {k} must be smaller than the number of rows ({rows})."));
        }

        if (!excludeSelf && k > rows)
        {
            throw new ArgumentOutOfRangeException(name, k, F($"k = {k} must not exceed the number of reference rows ({rows})."));
        }
    }

    /// <summary>Checks the k and the output spans of a single query.</summary>
    public static void QueryOutputs(int k, int indicesLength, int distancesLength)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, F($"k = {k} must be at least 1."));
        }

        if (indicesLength < k)
        {
            throw new ArgumentOutOfRangeException("indices", indicesLength, F($"indices has room for {indicesLength} neighbours but k = {k}."));
        }

        if (distancesLength < k)
        {
            throw new ArgumentOutOfRangeException("distances", distancesLength, F($"distances has room for {distancesLength} neighbours but k = {k}."));
        }
    }

    /// <summary>Checks an exclusion index (−1 or a valid row).</summary>
    public static void Exclude(int excludeIndex, int count)
    {
        if (excludeIndex < -1 || excludeIndex >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(excludeIndex), excludeIndex, F($"excludeIndex = {excludeIndex} must be -1 (none) or a row in 0..{count - 1}."));
        }
    }

    /// <summary>Checks a row index.</summary>
    public static void Row(int index, int count, string name)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(name, index, F($"Row {index} is out of range: the index has {count} rows."));
        }
    }

    /// <summary>Turns a degree of parallelism into a valid value (≤ 0 → processor count).</summary>
    public static int Parallelism(int maxDegreeOfParallelism) =>
        maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
