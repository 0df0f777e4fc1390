namespace Avatars.Engine.Preprocessing;

/// <summary>How missing values are temporarily filled before projection (the vendor's <c>ImputeMethod</c>).</summary>
public enum ImputationMethod
{
    /// <summary>
    /// k-nearest-neighbour imputation against a random sample of at most
    /// <see cref="ImputationOptions.FastKnnSampleSize"/> complete rows (default; project design: the
    /// vendor's algorithm is not public).
    /// </summary>
    FastKnn,

    /// <summary>Exact k-nearest-neighbour imputation against all complete training rows (quadratic; for small tables).</summary>
    Knn,

    /// <summary>Column mean (mode for categorical and boolean columns).</summary>
    Mean,

    /// <summary>Column median (mode for categorical and boolean columns).</summary>
    Median,

    /// <summary>Most frequent value (ties: the first in category order or the smallest number).</summary>
    Mode,
}
