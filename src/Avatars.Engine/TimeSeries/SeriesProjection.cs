using System.Collections.ObjectModel;
using System.Globalization;
using Avatars.Data;
using Avatars.Engine.Projection;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// Turns aligned curves into individual-level columns and back (method.md §5.3, project design).
/// <see cref="SeriesProjectionType.Fpca"/> fits, per series variable, a PCA of the discretised curves (the engine's
/// <see cref="ProjectionModel"/>, each grid point a continuous column) and keeps <see cref="ComponentCounts"/> scores
/// named <c>&lt;variable&gt;_fpca_&lt;k&gt;</c> (k from 1); <see cref="Reconstruct"/> rebuilds mean curve + Σ scores ·
/// eigenfunctions. <see cref="SeriesProjectionType.Flatten"/> uses the grid values as columns
/// <c>&lt;variable&gt;_t&lt;k&gt;</c> (k from 0) and reconstructs them verbatim.
/// </summary>
/// <remarks>
/// The PCA is saiph's: each grid point is standardised (σ ≤ DBL_MIN → 1) before the decomposition, so the
/// eigenfunctions are in standardised units and the reconstruction is x̂(t_k) = μ_k + σ_k · Σ_j s_j · V_jk. With
/// all components (nf = min(individuals, grid size)) the reconstruction equals the aligned curves up to rounding
/// (12 decimals); fewer components give the least-squares projection onto the leading eigenfunctions.
/// </remarks>
public sealed class SeriesProjection
{
    private readonly ProjectionModel[] models;

    private SeriesProjection(SeriesProjectionType type, ReadOnlyCollection<string> variables, int gridSize, ProjectionModel[] models, int[] counts)
    {
        Type = type;
        VariableNames = variables;
        GridSize = gridSize;
        this.models = models;
        ComponentCounts = Array.AsReadOnly(counts);
        ScoreColumns = Array.AsReadOnly(Enumerable.Range(0, variables.Count).SelectMany(v => Enumerable.Range(0, counts[v]).Select(k => ScoreName(type, variables[v], k))).ToArray());
    }

    /// <summary>FPCA or flatten.</summary>
    public SeriesProjectionType Type { get; }

    /// <summary>The series variables, in order.</summary>
    public ReadOnlyCollection<string> VariableNames { get; }

    /// <summary>The grid size of the curves the projection was fitted on.</summary>
    public int GridSize { get; }

    /// <summary>
    /// The columns per variable: for FPCA the retained components, min(nf, individuals, grid size); for flatten the grid size.
    /// </summary>
    public ReadOnlyCollection<int> ComponentCounts { get; }

    /// <summary>The names of the score columns, variable by variable.</summary>
    public ReadOnlyCollection<string> ScoreColumns { get; }

    /// <summary>Fits the projection on aligned curves.</summary>
    /// <param name="curves">The aligned curves (at least 2 individuals for FPCA).</param>
    /// <param name="type">FPCA or flatten.</param>
    /// <param name="nf">Components per variable for FPCA (at least 1; capped at min(individuals, grid size)); ignored by flatten.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <exception cref="TimeSeriesException">nf &lt; 1, or fewer than 2 individuals for FPCA.</exception>
    public static SeriesProjection Fit(SeriesCurves curves, SeriesProjectionType type = SeriesProjectionType.Fpca, int nf = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var variables = curves.VariableNames;
        if (type == SeriesProjectionType.Flatten)
        {
            return new SeriesProjection(type, variables, curves.GridSize, [], variables.Select(_ => curves.GridSize).ToArray());
        }

        if (nf < 1)
        {
            throw new TimeSeriesException($"time_series_nf is {nf}; FPCA needs at least one component per series variable.");
        }

        if (curves.Count < 2)
        {
            throw new TimeSeriesException($"FPCA needs at least 2 individuals; there are {curves.Count}.");
        }

        var count = Math.Min(nf, Math.Min(curves.Count, curves.GridSize));
        var models = new ProjectionModel[variables.Count];
        for (var v = 0; v < variables.Count; v++)
        {
            models[v] = ProjectionModel.Fit(GridTable(curves, v), new ProjectionOptions { ComponentCount = count }, cancellationToken);
        }

        return new SeriesProjection(type, variables, curves.GridSize, models, variables.Select(_ => count).ToArray());
    }

    /// <summary>The fitted PCA of a variable (FPCA only): grid-point means, standard deviations and components.</summary>
    /// <param name="variable">The variable index.</param>
    /// <exception cref="InvalidOperationException">The projection is a flatten.</exception>
    public ProjectionModel Model(int variable) =>
        Type == SeriesProjectionType.Fpca ? models[variable] : throw new InvalidOperationException("A flatten projection has no PCA model.");

    /// <summary>The mean curve of a variable (FPCA: grid-point means; undefined for flatten).</summary>
    /// <param name="variable">The variable index.</param>
    public IReadOnlyList<double> MeanCurve(int variable) => Model(variable).Means;

    /// <summary>
    /// Eigenfunction <paramref name="component"/> of a variable in data units: σ_k · V_jk at each grid point, so that
    /// a curve is the mean curve plus Σ_j score_j · eigenfunction_j.
    /// </summary>
    /// <param name="variable">The variable index.</param>
    /// <param name="component">The component index (0-based).</param>
    public double[] Eigenfunction(int variable, int component)
    {
        var model = Model(variable);
        var v = model.Component(component);
        var result = new double[GridSize];
        for (var k = 0; k < GridSize; k++)
        {
            var sigma = model.StandardDeviations[k];
            result[k] = (sigma <= 2.2250738585072014E-308 ? 1 : sigma) * v[k];
        }

        return result;
    }

    /// <summary>The scores of curves: one row per individual, the <see cref="ScoreColumns"/> as float columns.</summary>
    /// <param name="curves">Curves on the same grid and variables as the fit.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="TimeSeriesException">The grid size or variables differ from the fit.</exception>
    public Table Scores(SeriesCurves curves, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.GridSize != GridSize || !curves.VariableNames.SequenceEqual(VariableNames))
        {
            throw new TimeSeriesException(
                $"The curves have grid size {curves.GridSize} and variables [{string.Join(", ", curves.VariableNames)}]; the projection was fitted on {GridSize} and [{string.Join(", ", VariableNames)}].");
        }

        var columns = new List<Column>();
        for (var v = 0; v < VariableNames.Count; v++)
        {
            var grid = GridTable(curves, v);
            if (Type == SeriesProjectionType.Flatten)
            {
                columns.AddRange(grid.Columns.Select((c, k) => c.WithName(ScoreName(Type, VariableNames[v], k))));
                continue;
            }

            var coordinates = models[v].Transform(grid, cancellationToken: cancellationToken);
            for (var k = 0; k < ComponentCounts[v]; k++)
            {
                var scores = new double[curves.Count];
                for (var i = 0; i < scores.Length; i++)
                {
                    scores[i] = coordinates[i, k];
                }

                columns.Add(new FloatColumn(ScoreName(Type, VariableNames[v], k), scores));
            }
        }

        return new Table(columns, "scores");
    }

    /// <summary>Rebuilds grid curves from scores (e.g. the avatars' score columns).</summary>
    /// <param name="scores">A table holding every column of <see cref="ScoreColumns"/> (numeric, no missing values); other columns are ignored.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="TimeSeriesException">A score column is absent, not numeric or has missing values.</exception>
    public SeriesCurves Reconstruct(Table scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var n = scores.RowCount;
        var result = new double[VariableNames.Count][];
        for (var v = 0; v < VariableNames.Count; v++)
        {
            var width = ComponentCounts[v];
            var data = new double[n * width];
            for (var k = 0; k < width; k++)
            {
                var name = ScoreName(Type, VariableNames[v], k);
                if (!scores.TryGetColumn(name, out var column))
                {
                    throw new TimeSeriesException(scores.UnknownColumnMessage(name));
                }

                if (!column.Type.IsNumeric())
                {
                    throw new TimeSeriesException($"Score column '{name}' is {column.Type.ToYamlName()}; it must be numeric.");
                }

                var values = Metrics.Signal.ContinuousValues.Read(column);
                for (var i = 0; i < n; i++)
                {
                    data[(i * width) + k] = double.IsNaN(values[i])
                        ? throw new TimeSeriesException($"Score column '{name}' has a missing or non-finite value at row {i}.")
                        : values[i];
                }
            }

            if (Type == SeriesProjectionType.Flatten)
            {
                result[v] = data;
                continue;
            }

            var table = models[v].InverseTransform(new Coordinates(n, width, data), cancellationToken);
            var curve = new double[n * GridSize];
            for (var k = 0; k < GridSize; k++)
            {
                var column = ((FloatColumn)table[k]).Values;
                for (var i = 0; i < n; i++)
                {
                    curve[(i * GridSize) + k] = column[i];
                }
            }

            result[v] = curve;
        }

        return new SeriesCurves(VariableNames, n, GridSize, result);
    }

    private static string ScoreName(SeriesProjectionType type, string variable, int k) =>
        type == SeriesProjectionType.Fpca
            ? string.Create(CultureInfo.InvariantCulture, $"{variable}_fpca_{k + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"{variable}_t{k}");

    /// <summary>One float column per grid point (named g0, g1, …) for one variable.</summary>
    private static Table GridTable(SeriesCurves curves, int variable)
    {
        var values = curves.Values(variable);
        var columns = new Column[curves.GridSize];
        for (var k = 0; k < columns.Length; k++)
        {
            var column = new double[curves.Count];
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = values[(i * curves.GridSize) + k];
            }

            columns[k] = new FloatColumn(string.Create(CultureInfo.InvariantCulture, $"g{k}"), column);
        }

        return new Table(columns, curves.VariableNames[variable]);
    }
}
