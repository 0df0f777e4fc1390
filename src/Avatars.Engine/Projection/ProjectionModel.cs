using System.Collections.ObjectModel;
using Avatars.Data;

namespace Avatars.Engine.Projection;

/// <summary>
/// A fitted saiph projection (PCA, MCA or FAMD, method.md §3): standardisation of the columns, the retained
/// components V and the singular values of Z = diag(1/n)·Zs·diag(w). Transforms tables to coordinates and back.
/// Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// The fit never materialises the n × P matrix: it accumulates ZᵀZ in one parallel pass (sparse one-hot
/// algebra), eigen-decomposes it (singular values = square roots of the eigenvalues) and applies scikit-learn's
/// svd_flip with U recovered as Z·v/S in a second pass. See <c>docs/projection.md</c>.
/// </remarks>
public sealed class ProjectionModel
{
    private readonly ProjectionLayout layout;
    private readonly Moments moments;
    private readonly Decomposition decomposition;

    /// <summary>V in saiph's scale (Vt/sqrt(w) for FAMD/PCA, Vt for MCA), ComponentCount × P row-major.</summary>
    private readonly double[] components;

    private ProjectionModel(ProjectionLayout layout, Moments moments, Decomposition decomposition, int componentCount)
    {
        this.layout = layout;
        this.moments = moments;
        this.decomposition = decomposition;
        ComponentCount = componentCount;
        var width = layout.Width;
        components = new double[componentCount * width];
        for (var k = 0; k < componentCount; k++)
        {
            for (var l = 0; l < width; l++)
            {
                var value = decomposition.Vt[(k * width) + l];
                components[(k * width) + l] = layout.Kind == ProjectionKind.Mca ? value : value / Math.Sqrt(layout.Weights[l]);
            }
        }

        // explained_var = S²/(n−1); ratio over all the singular values of the thin SVD (NaN when they are all 0).
        var all = decomposition.SingularValues;
        var total = all.Sum(s => s * s);
        var variance = new double[componentCount];
        var ratio = new double[componentCount];
        for (var k = 0; k < componentCount; k++)
        {
            variance[k] = all[k] * all[k] / (layout.RowCount - 1);
            ratio[k] = total != 0 ? all[k] * all[k] / total : double.NaN;
        }

        SingularValues = Array.AsReadOnly(all[..componentCount]);
        AllSingularValues = Array.AsReadOnly(all.ToArray());
        ExplainedVariance = Array.AsReadOnly(variance);
        ExplainedVarianceRatio = Array.AsReadOnly(ratio);
        ColumnNames = Array.AsReadOnly(layout.Order.Select(o => o.Continuous ? layout.Continuous[o.Index].Name : layout.Categorical[o.Index].Name).ToArray());
        ContinuousColumns = Array.AsReadOnly(layout.Continuous.Select(v => v.Name).ToArray());
        CategoricalColumns = Array.AsReadOnly(layout.Categorical.Select(v => v.Name).ToArray());
        DummyNames = Array.AsReadOnly(layout.DummyNames.ToArray());
        ProjectedColumnNames = Array.AsReadOnly(Enumerable.Range(0, width).Select(layout.ProjectedName).ToArray());
        ProjectedColumnWeights = Array.AsReadOnly(layout.Weights.ToArray());
        Means = Array.AsReadOnly(layout.Continuous.Select(v => v.Mean).ToArray());
        StandardDeviations = Array.AsReadOnly(layout.Continuous.Select(v => v.StandardDeviation).ToArray());
        DummyProportions = Array.AsReadOnly(layout.Proportions.ToArray());
    }

    /// <summary>PCA, MCA or FAMD, from the column types.</summary>
    public ProjectionKind Kind => layout.Kind;

    /// <summary>The number of retained components (saiph <c>nf</c>).</summary>
    public int ComponentCount { get; }

    /// <summary>The number of rows the model was fitted on (n).</summary>
    public int RowCount => layout.RowCount;

    /// <summary>The fitted columns, in table order.</summary>
    public ReadOnlyCollection<string> ColumnNames { get; }

    /// <summary>The continuous columns (float, int, datetime as seconds since the epoch), in table order.</summary>
    public ReadOnlyCollection<string> ContinuousColumns { get; }

    /// <summary>The categorical columns (category, bool), in table order.</summary>
    public ReadOnlyCollection<string> CategoricalColumns { get; }

    /// <summary>The dummy names <c>&lt;column&gt;___&lt;modality&gt;</c>: categorical columns in table order, modalities present at fit time in category order.</summary>
    public ReadOnlyCollection<string> DummyNames { get; }

    /// <summary>The P projected columns: the continuous columns, then the dummies.</summary>
    public ReadOnlyCollection<string> ProjectedColumnNames { get; }

    /// <summary>The weight w of each projected column (a dummy carries its column's weight).</summary>
    public ReadOnlyCollection<double> ProjectedColumnWeights { get; }

    /// <summary>The singular values of Z for the retained components.</summary>
    public ReadOnlyCollection<double> SingularValues { get; }

    /// <summary>All min(n, P) singular values of Z, decreasing (the denominator of <see cref="ExplainedVarianceRatio"/>).</summary>
    public ReadOnlyCollection<double> AllSingularValues { get; }

    /// <summary>S²/(n − 1) for the retained components.</summary>
    public ReadOnlyCollection<double> ExplainedVariance { get; }

    /// <summary>S²/ΣS² (sum over all singular values) for the retained components; NaN when every singular value is 0.</summary>
    public ReadOnlyCollection<double> ExplainedVarianceRatio { get; }

    /// <summary>μ of each continuous column.</summary>
    public ReadOnlyCollection<double> Means { get; }

    /// <summary>σ of each continuous column (population, ddof = 0; the standardisation uses 1 where σ ≤ DBL_MIN).</summary>
    public ReadOnlyCollection<double> StandardDeviations { get; }

    /// <summary>p_m, the proportion of rows having each dummy at fit time.</summary>
    public ReadOnlyCollection<double> DummyProportions { get; }

    /// <summary>
    /// Fits the projection on a table without missing values. Float, int and datetime columns are continuous;
    /// category and bool columns are categorical (method.md §3.1).
    /// </summary>
    /// <exception cref="ProjectionException">Invalid options, fewer than 2 rows, no columns, missing or infinite values.</exception>
    public static ProjectionModel Fit(Table table, ProjectionOptions? options = null, CancellationToken cancellationToken = default) =>
        FitCore(table, options, denseSvd: false, cancellationToken);

    /// <summary>The kind of projection a table gets: PCA without categorical columns, MCA without continuous ones, FAMD otherwise.</summary>
    public static ProjectionKind KindFor(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var continuous = table.Columns.Any(c => ColumnValues.IsContinuous(c.Type));
        var categorical = table.Columns.Any(c => ColumnValues.IsCategorical(c.Type));
        return !categorical ? ProjectionKind.Pca : !continuous ? ProjectionKind.Mca : ProjectionKind.Famd;
    }

    /// <summary>
    /// Fits with the Gram path or, when <paramref name="denseSvd"/> is true, with a thin SVD of the dense n × P
    /// matrix Z (the test oracle; small tables only).
    /// </summary>
    internal static ProjectionModel FitCore(Table table, ProjectionOptions? options, bool denseSvd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ProjectionOptions();
        var layout = ProjectionLayout.Create(table, options, cancellationToken);
        var rank = Math.Min(layout.RowCount, layout.Width);
        var componentCount = options.ComponentCount ?? rank;
        if (componentCount < 1 || componentCount > rank)
        {
            throw new ProjectionException(
                $"ComponentCount is {componentCount}; it must be between 1 and min(rows = {layout.RowCount}, projected columns = {layout.Width}) = {rank}.",
                nameof(ProjectionOptions.ComponentCount));
        }

        var encoder = new RowEncoder(layout, table);
        var moments = Moments.Accumulate(layout, encoder, cancellationToken);
        var decomposition = denseSvd
            ? DenseDecomposition(layout, encoder)
            : Decomposition.FromGram(
                GramMatrices.Weighted(layout, moments),
                layout.Width,
                rank,
                (rows, count) => SvdFlipPass.SignedMaxima(layout, encoder, rows, count, cancellationToken));
        return new ProjectionModel(layout, moments, decomposition, componentCount);
    }

    /// <summary>Row <paramref name="component"/> of V (saiph scale: Vt/sqrt(w) for FAMD/PCA), one value per projected column.</summary>
    public ReadOnlySpan<double> Component(int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, ComponentCount);
        return components.AsSpan(component * layout.Width, layout.Width);
    }

    /// <summary>
    /// Projects a table with the fit-time μ, σ, proportions and modalities: <c>Zs·V[:k]ᵀ</c> (FAMD/PCA) or
    /// <c>R·D_c·V[:k]ᵀ</c> with row profiles R (MCA). Columns are matched by name (extra columns are ignored);
    /// category levels are matched by text, and a level unseen at fit time gives all-zero dummies for its
    /// variable. Each row's coordinates depend only on that row.
    /// </summary>
    /// <param name="table">The rows to project; no missing values.</param>
    /// <param name="components">How many leading components to compute (default: all retained). Cost is linear in it.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="ProjectionException">A fitted column is absent, of the wrong kind or has missing values, or <paramref name="components"/> is out of range.</exception>
    public Coordinates Transform(Table table, int? components = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var count = components ?? ComponentCount;
        if (count < 1 || count > ComponentCount)
        {
            throw new ProjectionException($"components is {count}; it must be between 1 and the model's ComponentCount ({ComponentCount}).", nameof(components));
        }

        var encoder = new RowEncoder(layout, table);
        var map = layout.Kind == ProjectionKind.Mca
            ? LinearRowMap.McaProfiles(layout, this.components, count)
            : LinearRowMap.Standardized(layout, this.components, count);
        var n = table.RowCount;
        var output = new double[(long)n * count];
        var (pc, q) = (layout.ContinuousCount, layout.CategoricalCount);
        RowBlocks.ForEach(
            n,
            () => (Z: new double[pc * RowBlocks.BlockSize], Active: new int[q * RowBlocks.BlockSize], Scratch: new double[map.ScratchLength(RowBlocks.BlockSize)]),
            (buffers, start, rows) =>
            {
                var z = buffers.Z.AsSpan(0, pc * rows);
                var active = buffers.Active.AsSpan(0, q * rows);
                encoder.Fill(start, rows, z, active);
                map.Apply(z, active, rows, output.AsSpan(start * count, rows * count), buffers.Scratch);
            },
            cancellationToken);
        return new Coordinates(n, count, output);
    }

    /// <summary>
    /// Maps coordinates back to a table with the fitted columns and types (method.md §3.6): continuous
    /// x̂ = ẑ·σ + μ with ẑ = coords·pinv(V[:k]ᵀ); categorical columns take the modality with the largest
    /// reconstructed indicator (first modality on ties). Values are rounded to 12 decimals; int columns are then
    /// rounded to the nearest integer (half to even), datetimes to the nearest tick.
    /// </summary>
    /// <param name="coordinates">Coordinates with 1 … ComponentCount leading components; exact with all of them.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="ProjectionException">Too many components, or a non-finite coordinate.</exception>
    public Table InverseTransform(Coordinates coordinates, CancellationToken cancellationToken = default) =>
        InverseTransformer.Run(layout, components, ComponentCount, coordinates, cancellationToken);

    /// <summary>
    /// Contributions (%) of the variables to each retained component. FAMD and MCA: 100·Vt², Vt the unit-norm
    /// right singular vectors (FactoMineR's values for unit weights); <paramref name="explode"/> keeps one row per
    /// dummy, otherwise the dummies of a categorical column are summed. PCA: 100·cos²/Σcos².
    /// Rows: continuous columns, then dummies or categorical columns.
    /// </summary>
    public ComponentTable Contributions(bool explode = false) =>
        ProjectionStatistics.Contributions(layout, moments, decomposition, components, ComponentCount, explode);

    /// <summary>
    /// Squared cosines of the variables with each retained component, on the fitted table. FAMD (FactoMineR
    /// <c>var$cos2</c>): corr(x, F)⁴ for continuous columns and η⁴/(m − 1) for categorical ones (rows: continuous
    /// then categorical columns). PCA: corr(x, F)². MCA: corr(dummy, F)² (one row per dummy).
    /// </summary>
    public ComponentTable Cos2() => ProjectionStatistics.Cos2(layout, moments, components, ComponentCount);

    /// <summary>
    /// Pearson correlation of every projected column (continuous column or 0/1 dummy) with each retained
    /// coordinate of the fitted rows (saiph <c>model.correlations</c>). NaN for a constant column.
    /// </summary>
    public ComponentTable Correlations() => ProjectionStatistics.Correlations(layout, moments, components, ComponentCount);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind} of '{layout.TableName}': {RowCount} rows, {layout.Width} projected columns, {ComponentCount} components";

    private static Decomposition DenseDecomposition(ProjectionLayout layout, RowEncoder encoder)
    {
        var z = DenseMatrix.WeightedZ(layout, encoder);
        var (_, s, vt) = Decomposition.ThinSvd(z, layout.RowCount, layout.Width);
        return new Decomposition(s, vt, layout.Width);
    }
}
