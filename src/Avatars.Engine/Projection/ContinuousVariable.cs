using Avatars.Data;

namespace Avatars.Engine.Projection;

/// <summary>A continuous column as fitted: its type (to restore it) and its standardisation.</summary>
internal sealed class ContinuousVariable
{
    /// <summary>DBL_MIN, the threshold under which saiph replaces a standard deviation by 1.</summary>
    public const double DoubleMinNormal = 2.2250738585072014E-308;

    public ContinuousVariable(string name, ColumnType type, TimeSpan? offset, double mean, double standardDeviation)
    {
        Name = name;
        Type = type;
        Offset = offset;
        Mean = mean;
        StandardDeviation = standardDeviation;
        Scale = standardDeviation <= DoubleMinNormal ? 1.0 : standardDeviation;
    }

    public string Name { get; }

    /// <summary>Float, Int, DateTime or DateTimeTz.</summary>
    public ColumnType Type { get; }

    /// <summary>The display offset of a DateTimeTz column.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>μ, the mean at fit time.</summary>
    public double Mean { get; }

    /// <summary>σ, the population (ddof = 0) standard deviation at fit time, before the DBL_MIN guard.</summary>
    public double StandardDeviation { get; }

    /// <summary>The divisor of the standardisation: σ, or 1 when σ ≤ DBL_MIN.</summary>
    public double Scale { get; }
}
