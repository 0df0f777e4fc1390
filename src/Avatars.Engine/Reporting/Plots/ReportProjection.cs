using Avatars.Data;
using Avatars.Engine.Projection;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// The projection shown in the reports: a model fitted on the original and the coordinates of the originals and
/// of the avatars in that space (method.md §7.2).
/// </summary>
/// <param name="Model">The projection fitted on the original.</param>
/// <param name="Original">The originals' coordinates (at least 1 component; the plots use up to 3).</param>
/// <param name="Avatars">The avatars' coordinates in the original's space.</param>
public sealed record ReportProjection(ProjectionModel Model, Coordinates Original, Coordinates Avatars)
{
    /// <summary>
    /// Fits FAMD/PCA/MCA on the original and projects both tables. The projection needs complete data, so
    /// missing values are imputed simply, with statistics of the original: the mean (rounded for ints) for
    /// continuous columns, the most frequent value for categorical and boolean ones. Columns absent from the
    /// avatars, of another kind there, or entirely missing in the original are left out.
    /// </summary>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars.</param>
    /// <param name="components">How many coordinates to keep (default 3, capped by the rank).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="ProjectionException">No usable column, or fewer than 2 rows.</exception>
    public static ReportProjection Fit(Table original, Table avatars, int components = 3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        var names = original.Columns
            .Where(c => avatars.TryGetColumn(c.Name, out var a) && SameKind(c, a) && c.MissingCount < c.Length)
            .Select(c => c.Name)
            .ToArray();
        var originalColumns = new List<Column>(names.Length);
        var avatarColumns = new List<Column>(names.Length);
        foreach (var name in names)
        {
            var fill = FillValue(original[name]);
            originalColumns.Add(Impute(original[name], fill));
            avatarColumns.Add(Impute(avatars[name], fill));
        }

        var originalComplete = new Table(originalColumns, original.Name);
        var avatarsComplete = new Table(avatarColumns, avatars.Name);
        var model = ProjectionModel.Fit(originalComplete, cancellationToken: cancellationToken);
        var count = Math.Min(components, model.ComponentCount);
        return new ReportProjection(
            model,
            model.Transform(originalComplete, count, cancellationToken),
            model.Transform(avatarsComplete, count, cancellationToken));
    }

    private static bool SameKind(Column a, Column b) =>
        (a.Type.IsNumeric() && b.Type.IsNumeric()) || (a.Type == b.Type && a.Type is ColumnType.Category or ColumnType.Bool);

    /// <summary>The fill value: the mean (continuous, as double) or the most frequent text (categorical).</summary>
    private static object FillValue(Column column)
    {
        if (column.Type.IsNumeric())
        {
            return NumericValues.MeanStd(column).Mean;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < column.Length; i++)
        {
            var text = column.FormatValue(i);
            if (text is not null)
            {
                counts[text] = counts.GetValueOrDefault(text) + 1;
            }
        }

        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
    }

    private static Column Impute(Column column, object fill)
    {
        if (column.MissingCount == 0)
        {
            return column;
        }

        var n = column.Length;
        switch (column)
        {
            case FloatColumn f:
                {
                    var values = f.Values.ToArray();
                    for (var i = 0; i < n; i++)
                    {
                        if (!double.IsFinite(values[i]))
                        {
                            values[i] = (double)fill;
                        }
                    }

                    return new FloatColumn(f.Name, values);
                }

            case IntColumn c:
                {
                    var values = c.Values.ToArray();
                    var value = (long)Math.Round((double)fill, MidpointRounding.ToEven);
                    for (var i = 0; i < n; i++)
                    {
                        if (c.IsMissing(i))
                        {
                            values[i] = value;
                        }
                    }

                    return new IntColumn(c.Name, values);
                }

            case DateTimeColumn d:
                {
                    var ticks = d.Ticks.ToArray();
                    var value = DateTimeColumn.TicksFromSeconds((double)fill);
                    for (var i = 0; i < n; i++)
                    {
                        if (d.IsMissing(i))
                        {
                            ticks[i] = value;
                        }
                    }

                    return d.Type == ColumnType.DateTimeTz ? new DateTimeColumn(d.Name, ticks, null, d.Offset) : new DateTimeColumn(d.Name, ticks);
                }

            case BoolColumn b:
                {
                    var values = b.Values.ToArray();
                    var value = string.Equals((string)fill, "True", StringComparison.Ordinal);
                    for (var i = 0; i < n; i++)
                    {
                        if (b.IsMissing(i))
                        {
                            values[i] = value;
                        }
                    }

                    return new BoolColumn(b.Name, values);
                }

            case CategoryColumn c:
                {
                    var levels = c.Levels.ToList();
                    var code = levels.IndexOf((string)fill);
                    if (code < 0)
                    {
                        levels.Add((string)fill);
                        code = levels.Count - 1;
                    }

                    var codes = c.Codes.ToArray();
                    for (var i = 0; i < n; i++)
                    {
                        if (codes[i] < 0)
                        {
                            codes[i] = code;
                        }
                    }

                    return new CategoryColumn(c.Name, codes, levels.ToArray());
                }

            default:
                throw new ArgumentException($"Column '{column.Name}' has an unsupported type {column.Type}.", nameof(column));
        }
    }
}
