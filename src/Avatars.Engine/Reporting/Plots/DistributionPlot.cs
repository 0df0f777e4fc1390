using System.Globalization;
using System.Text;
using Avatars.Data;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// The <c>distribution</c> figures, one per column of the original: overlaid histograms (numeric columns,
/// <see cref="PlotOptions.HistogramBins"/> bins on the union range of both tables, one bin per value for
/// integers with a small range) or grouped bars (categorical and boolean columns, the
/// <see cref="PlotOptions.MaxLevels"/> most frequent levels plus "other"). Missing values get their own bar.
/// Heights are shares of the rows, so tables of different sizes compare. One pass over each column.
/// </summary>
public static class DistributionPlot
{
    private const double Left = 62, Top = 14, PlotHeight = 280;

    /// <summary>Builds one figure per column of the original, named <c>&lt;table&gt;.distribution-&lt;i&gt;.html</c> (i from 0, in column order).</summary>
    /// <param name="original">The original table (its name names the files).</param>
    /// <param name="avatars">The avatars (row order does not matter); a column absent from them is shown for the original only.</param>
    /// <param name="options">Plot options (bins, levels).</param>
    /// <param name="cancellationToken">Cancels between columns.</param>
    public static IReadOnlyList<HtmlFigure> Build(Table original, Table avatars, PlotOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        options ??= PlotOptions.Default;
        options.Validate();
        var figures = new List<HtmlFigure>(original.ColumnCount);
        for (var i = 0; i < original.ColumnCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var column = original[i];
            avatars.TryGetColumn(column.Name, out var avatarColumn);
            figures.Add(BuildColumn(original, avatars, column, avatarColumn, i, options));
        }

        return figures;
    }

    private static HtmlFigure BuildColumn(Table original, Table avatars, Column column, Column? avatarColumn, int index, PlotOptions options)
    {
        var numeric = NumericValues.IsNumeric(column) && (avatarColumn is null || NumericValues.IsNumeric(avatarColumn));
        var histogram = numeric ? NumericHistogram(column, avatarColumn, options) : CategoricalBars(column, avatarColumn, options);
        var body = new StringBuilder();
        body.Append(HtmlPage.Note(numeric
            ? "Share of the rows in each interval (histograms overlaid on the union range of both tables). Hover over a bar for the counts."
            : "Share of the rows taking each value. Hover over a bar for the counts."));
        if (avatarColumn is null)
        {
            body.Append(HtmlPage.Note("The avatars have no column with this name: only the original is shown."));
        }

        body.Append(HtmlPage.Legend());
        body.Append(Render(histogram, column.Name, numeric));
        var html = HtmlPage.Render(
            $"Distribution of {column.Name} — {original.Name}",
            $"{column.Type.ToYamlName()} · {Markup.Count(column.Length)} original rows ({Markup.Count(column.MissingCount)} missing) · {Markup.Count(avatars.RowCount)} avatars ({Markup.Count(avatarColumn?.MissingCount ?? avatars.RowCount)} missing)",
            body.ToString());
        return new HtmlFigure(PlotKind.Distribution.ToWireName(), FigureFileNames.For(original.Name, PlotKind.Distribution, index), html);
    }

    /// <summary>Counts per slot for both sets; the last slots may be "other" and "missing".</summary>
    internal sealed record Histogram(
        string[] Labels,
        long[] Original,
        long[] Avatars,
        long OriginalTotal,
        long AvatarTotal,
        bool Overlaid,
        int RegularSlots,
        double[]? Edges,
        bool Dates,
        bool IntegerBins);

    internal static Histogram NumericHistogram(Column column, Column? avatarColumn, PlotOptions options)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        Scan(column, x => { min = Math.Min(min, x); max = Math.Max(max, x); });
        if (avatarColumn is not null)
        {
            Scan(avatarColumn, x => { min = Math.Min(min, x); max = Math.Max(max, x); });
        }

        var dates = column is DateTimeColumn;
        var integerBins = column is IntColumn && double.IsFinite(min) && max - min + 1 <= options.HistogramBins;
        int bins;
        double[] edges;
        if (!double.IsFinite(min))
        {
            bins = 0;
            edges = [];
        }
        else if (integerBins)
        {
            bins = (int)(max - min) + 1;
            edges = Enumerable.Range(0, bins + 1).Select(k => min - 0.5 + k).ToArray();
        }
        else if (max == min)
        {
            bins = 1;
            edges = [min - 0.5, max + 0.5];
        }
        else
        {
            bins = options.HistogramBins;
            edges = Enumerable.Range(0, bins + 1).Select(k => min + ((max - min) * k / bins)).ToArray();
        }

        var lo = edges.Length > 0 ? edges[0] : 0;
        var width = bins > 0 ? (edges[^1] - edges[0]) / bins : 1;
        long[] Count(Column c)
        {
            var counts = new long[bins + 1];
            Scan(c, x => counts[Math.Clamp((int)((x - lo) / width), 0, bins - 1)]++, () => counts[bins]++);
            return counts;
        }

        var original = Count(column);
        var avatars = avatarColumn is null ? new long[bins + 1] : Count(avatarColumn);
        var hasMissing = original[bins] > 0 || avatars[bins] > 0;
        var labels = new string[bins + (hasMissing ? 1 : 0)];
        for (var b = 0; b < bins; b++)
        {
            labels[b] = integerBins
                ? FormatValue(edges[b] + 0.5, dates)
                : b == bins - 1 ? $"[{FormatValue(edges[b], dates)}, {FormatValue(edges[b + 1], dates)}]" : $"[{FormatValue(edges[b], dates)}, {FormatValue(edges[b + 1], dates)})";
        }

        if (hasMissing)
        {
            labels[^1] = "(missing)";
        }

        return new Histogram(
            labels,
            hasMissing ? original : original[..bins],
            hasMissing ? avatars : avatars[..bins],
            column.Length,
            avatarColumn?.Length ?? 0,
            Overlaid: true,
            RegularSlots: bins,
            Edges: edges,
            Dates: dates,
            IntegerBins: integerBins);
    }

    internal static Histogram CategoricalBars(Column column, Column? avatarColumn, PlotOptions options)
    {
        var original = CountLevels(column);
        var avatars = avatarColumn is null ? new Dictionary<string, long>(StringComparer.Ordinal) : CountLevels(avatarColumn);
        long originalMissing = column.MissingCount, avatarMissing = avatarColumn?.MissingCount ?? 0;
        var levels = original.Keys.Union(avatars.Keys, StringComparer.Ordinal)
            .OrderByDescending(l => original.GetValueOrDefault(l) + avatars.GetValueOrDefault(l))
            .ThenBy(l => l, StringComparer.Ordinal)
            .ToArray();
        var shown = levels.Take(options.MaxLevels).ToList();
        var rest = levels.Skip(options.MaxLevels).ToArray();
        var labels = new List<string>(shown);
        var o = shown.Select(l => original.GetValueOrDefault(l)).ToList();
        var a = shown.Select(l => avatars.GetValueOrDefault(l)).ToList();
        if (rest.Length > 0)
        {
            labels.Add($"(other: {rest.Length} values)");
            o.Add(rest.Sum(l => original.GetValueOrDefault(l)));
            a.Add(rest.Sum(l => avatars.GetValueOrDefault(l)));
        }

        var regular = labels.Count;
        if (originalMissing > 0 || avatarMissing > 0)
        {
            labels.Add("(missing)");
            o.Add(originalMissing);
            a.Add(avatarMissing);
        }

        return new Histogram(labels.ToArray(), o.ToArray(), a.ToArray(), column.Length, avatarColumn?.Length ?? 0, Overlaid: false, regular, null, false, false);
    }

    private static Dictionary<string, long> CountLevels(Column column)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (column is CategoryColumn category)
        {
            var counts = new long[category.LevelCount];
            foreach (var code in category.Codes)
            {
                if (code >= 0)
                {
                    counts[code]++;
                }
            }

            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    result[category.Levels[i]] = counts[i];
                }
            }

            return result;
        }

        for (var i = 0; i < column.Length; i++)
        {
            var text = column.FormatValue(i);
            if (text is not null)
            {
                result[text] = result.GetValueOrDefault(text) + 1;
            }
        }

        return result;
    }

    private static void Scan(Column column, Action<double> value, Action? missing = null)
    {
        var buffer = new double[4096];
        for (var start = 0; start < column.Length; start += buffer.Length)
        {
            var span = buffer.AsSpan(0, Math.Min(buffer.Length, column.Length - start));
            NumericValues.Fill(column, start, span);
            foreach (var x in span)
            {
                if (double.IsNaN(x))
                {
                    missing?.Invoke();
                }
                else
                {
                    value(x);
                }
            }
        }
    }

    private static string FormatValue(double value, bool dates)
    {
        if (!dates)
        {
            return Markup.Number(value);
        }

        var time = DateTime.UnixEpoch.AddSeconds(Math.Clamp(value, -62_135_596_800, 253_402_300_799));
        return time.TimeOfDay == TimeSpan.Zero || Math.Abs(value) > 1e8
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Render(Histogram h, string columnName, bool numeric)
    {
        var slots = h.Labels.Length;
        var missingSlot = slots > h.RegularSlots;
        var slotWidth = h.Overlaid ? Math.Clamp(720.0 / Math.Max(1, slots), 18, 56) : Math.Clamp(720.0 / Math.Max(1, slots), 26, 110);
        var gap = missingSlot ? slotWidth * 0.6 : 0;
        var plotWidth = (slots * slotWidth) + gap;
        bool Horizontal(string label) => Math.Min(label.Length, 24) * 6.2 <= slotWidth - 4;
        var labelRoom = (h.Overlaid && !h.IntegerBins) || h.Labels.All(Horizontal) ? 24 : Math.Min(150, (h.Labels.Max(l => Math.Min(l.Length, 24)) * 6.2 * 0.7) + 16);
        var height = Top + PlotHeight + labelRoom + (numeric ? 30 : 8);
        var svg = new SvgBuilder(Left + plotWidth + 20, height, $"Distribution of {columnName}");
        double Share(long count, long total) => total > 0 ? (double)count / total : 0;
        var maxShare = 0.0;
        for (var s = 0; s < slots; s++)
        {
            maxShare = Math.Max(maxShare, Math.Max(Share(h.Original[s], h.OriginalTotal), Share(h.Avatars[s], h.AvatarTotal)));
        }

        var (axisPercent, ticks) = Ticks.ZeroBased(Math.Max(maxShare, 0.001) * 100);
        var axisMax = axisPercent / 100;
        double Y(double share) => Top + PlotHeight - (share / axisMax * PlotHeight);
        double SlotX(int s) => Left + (s * slotWidth) + (s >= h.RegularSlots ? gap : 0);
        foreach (var t in ticks)
        {
            svg.Line(Left, Y(t / 100), Left + plotWidth, Y(t / 100), "grid");
            svg.Text(Left - 6, Y(t / 100), t.ToString("0.##", CultureInfo.InvariantCulture) + " %", "end", "small", dominantBaseline: "central");
        }

        for (var s = 0; s < slots; s++)
        {
            var o = Share(h.Original[s], h.OriginalTotal);
            var a = Share(h.Avatars[s], h.AvatarTotal);
            var tooltip = string.Create(
                CultureInfo.InvariantCulture,
                $"{h.Labels[s]}: original {Markup.Count(h.Original[s])} ({Markup.Percent(o)}) · avatars {Markup.Count(h.Avatars[s])} ({Markup.Percent(a)})");
            var x = SlotX(s);
            if (h.Overlaid && s < h.RegularSlots)
            {
                svg.Rect(x + 0.5, Y(o), slotWidth - 1, Top + PlotHeight - Y(o), HtmlPage.OriginalColor, tooltip, "bar", 0.6);
                svg.Rect(x + 0.5, Y(a), slotWidth - 1, Top + PlotHeight - Y(a), HtmlPage.AvatarColor, tooltip, "bar", 0.5);
            }
            else
            {
                var bar = (slotWidth - 6) / 2;
                svg.Rect(x + 3, Y(o), bar, Top + PlotHeight - Y(o), HtmlPage.OriginalColor, tooltip, "bar", 0.85);
                svg.Rect(x + 3 + bar, Y(a), bar, Top + PlotHeight - Y(a), HtmlPage.AvatarColor, tooltip, "bar", 0.85);
            }
        }

        var axisY = Top + PlotHeight;
        svg.Line(Left, axisY, Left + plotWidth, axisY, "axis");
        svg.Line(Left, Top, Left, axisY, "axis");
        if (h.Overlaid && !h.IntegerBins && h.Edges is { Length: > 1 } edges)
        {
            var x0 = edges[0];
            var x1 = edges[^1];
            double Px(double v) => Left + ((v - x0) / (x1 - x0) * h.RegularSlots * slotWidth);
            var calendar = h.Dates ? Ticks.Dates(x0, x1, 5) : [];
            var xTicks = calendar.Length >= 2
                ? calendar
                : Ticks.Nice(x0, x1, Math.Clamp(h.RegularSlots / 4, 2, 6)).Select(t => (t, FormatValue(t, h.Dates))).ToArray();
            foreach (var (t, text) in xTicks)
            {
                svg.Line(Px(t), axisY, Px(t), axisY + 4, "axis");
                svg.Text(Px(t), axisY + 16, text, "middle", "small");
            }

            if (missingSlot)
            {
                svg.Text(SlotX(slots - 1) + (slotWidth / 2), axisY + 16, "(missing)", "middle", "small");
            }
        }
        else
        {
            var every = h.IntegerBins ? Math.Max(1, (int)Math.Ceiling(slots / 20.0)) : 1;
            for (var s = 0; s < slots; s++)
            {
                if (s % every != 0 && s < h.RegularSlots)
                {
                    continue;
                }

                var label = h.Labels[s];
                var shortLabel = label.Length <= 24 ? label : string.Concat(label.AsSpan(0, 23), "…");
                var cx = SlotX(s) + (slotWidth / 2);
                if (h.IntegerBins || Horizontal(label))
                {
                    svg.Text(cx, axisY + 16, shortLabel, "middle", "small", tooltip: label);
                }
                else
                {
                    svg.Text(cx, axisY + 10, shortLabel, "end", "small", rotate: -40, tooltip: label, dominantBaseline: "central");
                }
            }
        }

        svg.Text(14, Top + (PlotHeight / 2), "Share of rows", "middle", "axis-title", rotate: -90);
        if (numeric)
        {
            svg.Text(Left + (h.RegularSlots * slotWidth / 2), height - 8, columnName.Length <= 60 ? columnName : string.Concat(columnName.AsSpan(0, 59), "…"), "middle", "axis-title");
        }

        return svg.ToString();
    }
}
