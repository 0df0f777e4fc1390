using System.Globalization;
using System.Text;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// The <c>2d_projection</c> figure: originals and avatars on Dim 1–2 of the original's projection, at most
/// <see cref="PlotOptions.MaxPoints"/> per set (uniform seeded sample), with wheel zoom, drag pan and reset.
/// </summary>
public static class Projection2DPlot
{
    private const double Width = 760, Height = 560, Left = 64, Right = 16, Top = 12, Bottom = 52;

    /// <summary>Builds the figure.</summary>
    /// <param name="tableName">The table name (names the file).</param>
    /// <param name="projection">The original's projection and both coordinate sets.</param>
    /// <param name="options">Plot options (sampling).</param>
    public static HtmlFigure Build(string tableName, ReportProjection projection, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        ArgumentNullException.ThrowIfNull(projection);
        options ??= PlotOptions.Default;
        options.Validate();
        var sample = ProjectionSample.Create(projection, options, 2);
        var (x0, x1) = sample.Range(0);
        var (y0, y1) = sample.Range(1);
        const double W = Width - Left - Right, H = Height - Top - Bottom;
        double Px(double x) => Left + ((x - x0) / (x1 - x0) * W);
        double Py(double y) => Top + ((y1 - y) / (y1 - y0) * H);

        var svg = new SvgBuilder(Width, Height, "Projection of originals and avatars on Dim 1 and Dim 2", "scatter");
        svg.Open("defs").Open("clipPath", ("id", "plot-area")).Empty("rect", ("x", Markup.Coord(Left)), ("y", Markup.Coord(Top)), ("width", Markup.Coord(W)), ("height", Markup.Coord(H))).End().End();
        svg.Rect(Left, Top, W, H, "#FBFCFD");
        svg.Group(("id", "grid"));
        foreach (var t in Ticks.Nice(x0, x1, 6))
        {
            svg.Line(Px(t), Top, Px(t), Top + H, "grid");
            svg.Text(Px(t), Top + H + 16, Tick(t), "middle", "small");
        }

        foreach (var t in Ticks.Nice(y0, y1, 6))
        {
            svg.Line(Left, Py(t), Left + W, Py(t), "grid");
            svg.Text(Left - 6, Py(t), Tick(t), "end", "small", dominantBaseline: "central");
        }

        svg.End();
        svg.Group(("clip-path", "url(#plot-area)"));
        svg.Group(("id", "points"));
        svg.Path(PathData(sample.OriginalRows, r => (Px(ProjectionSample.Value(sample.Original, r, 0)), Py(ProjectionSample.Value(sample.Original, r, 1)))), "pts-original", "pts-original");
        svg.Path(PathData(sample.AvatarRows, r => (Px(ProjectionSample.Value(sample.Avatars, r, 0)), Py(ProjectionSample.Value(sample.Avatars, r, 1)))), "pts-avatars", "pts-avatars");
        svg.End().End();
        svg.Empty("rect", ("x", Markup.Coord(Left)), ("y", Markup.Coord(Top)), ("width", Markup.Coord(W)), ("height", Markup.Coord(H)), ("fill", "none"), ("class", "axis"));
        var ratios = projection.Model.ExplainedVarianceRatio;
        svg.Text(Left + (W / 2), Height - 8, AxisTitle(0, ratios), "middle", "axis-title");
        svg.Text(16, Top + (H / 2), AxisTitle(1, ratios), "middle", "axis-title", rotate: -90);

        var body = new StringBuilder();
        body.Append(HtmlPage.Note("Originals and avatars projected on the first two dimensions of the " + projection.Model.Kind.ToString().ToUpperInvariant() + " fitted on the original data. Avatars should cover the same regions as the originals without sitting on top of individual points."));
        body.Append(HtmlPage.Note(sample.Note(options)));
        body.Append(HtmlPage.Legend());
        body.Append("<div class=\"toolbar\"><button type=\"button\" id=\"reset\">Reset view</button>")
            .Append("<label><input type=\"checkbox\" id=\"show-original\" checked=\"checked\"/> originals</label>")
            .Append("<label><input type=\"checkbox\" id=\"show-avatars\" checked=\"checked\"/> avatars</label>")
            .Append("<span>Scroll to zoom, drag to pan.</span></div>");
        body.Append(svg.ToString());
        var data = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"x0\":{x0:R},\"x1\":{x1:R},\"y0\":{y0:R},\"y1\":{y1:R},\"left\":{Left},\"top\":{Top},\"width\":{W},\"height\":{H}}}");
        var html = HtmlPage.Render(
            $"2D projection — {tableName}",
            $"{Markup.Count(projection.Original.Rows)} originals · {Markup.Count(projection.Avatars.Rows)} avatars · Dim 1–2",
            body.ToString(),
            Script,
            data);
        return new HtmlFigure(PlotKind.Projection2D.ToWireName(), FigureFileNames.For(tableName, PlotKind.Projection2D), html);
    }

    internal static string AxisTitle(int dim, IReadOnlyList<double> ratios) =>
        dim < ratios.Count ? $"Dim {dim + 1} ({Markup.Percent(ratios[dim])})" : $"Dim {dim + 1}";

    private static string Tick(double v) => Markup.Number(v);

    private static string PathData(int[] rows, Func<int, (double X, double Y)> point)
    {
        var builder = new StringBuilder(rows.Length * 16);
        foreach (var r in rows)
        {
            var (x, y) = point(r);
            builder.Append('M').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString("0.#", CultureInfo.InvariantCulture)).Append("h0");
        }

        return builder.Length == 0 ? "M0 0" : builder.ToString();
    }

    private const string Script = """
        (function () {
          "use strict";
          var d = JSON.parse(document.getElementById("figure-data").textContent);
          var svg = document.getElementById("scatter");
          var points = document.getElementById("points");
          var grid = document.getElementById("grid");
          var NS = svg.namespaceURI;
          var v = { x0: d.x0, x1: d.x1, y0: d.y0, y1: d.y1 };
          ["pts-original", "pts-avatars"].forEach(function (id) {
            document.getElementById(id).setAttribute("vector-effect", "non-scaling-stroke");
          });
          function nice(min, max, n) {
            var raw = (max - min) / n, mag = Math.pow(10, Math.floor(Math.log10(raw))), r = raw / mag;
            var step = (r > 5 ? 10 : r > 2 ? 5 : r > 1 ? 2 : 1) * mag, out = [];
            for (var t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9 && out.length < 50; t += step) {
              out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
            return { ticks: out, step: step };
          }
          function fmt(t, step) {
            var a = Math.abs(t);
            if (a !== 0 && (a >= 1e9 || a < 1e-3)) { return t.toExponential(2); }
            var dec = Math.max(0, Math.min(6, -Math.floor(Math.log10(step))));
            return t.toFixed(dec);
          }
          function el(name, attrs, text) {
            var e = document.createElementNS(NS, name);
            for (var k in attrs) { e.setAttribute(k, attrs[k]); }
            if (text !== undefined) { e.textContent = text; }
            return e;
          }
          function px(x) { return d.left + (x - v.x0) / (v.x1 - v.x0) * d.width; }
          function py(y) { return d.top + (v.y1 - y) / (v.y1 - v.y0) * d.height; }
          function draw() {
            var ax = (d.x1 - d.x0) / (v.x1 - v.x0), ay = (d.y1 - d.y0) / (v.y1 - v.y0);
            var bx = d.left + (d.x0 - v.x0) / (v.x1 - v.x0) * d.width - ax * d.left;
            var by = d.top + (v.y1 - d.y1) / (v.y1 - v.y0) * d.height - ay * d.top;
            points.setAttribute("transform", "matrix(" + ax + " 0 0 " + ay + " " + bx + " " + by + ")");
            while (grid.firstChild) { grid.removeChild(grid.firstChild); }
            var xt = nice(v.x0, v.x1, 6), yt = nice(v.y0, v.y1, 6);
            xt.ticks.forEach(function (t) {
              grid.appendChild(el("line", { x1: px(t), y1: d.top, x2: px(t), y2: d.top + d.height, "class": "grid" }));
              grid.appendChild(el("text", { x: px(t), y: d.top + d.height + 16, "text-anchor": "middle", "class": "small" }, fmt(t, xt.step)));
            });
            yt.ticks.forEach(function (t) {
              grid.appendChild(el("line", { x1: d.left, y1: py(t), x2: d.left + d.width, y2: py(t), "class": "grid" }));
              grid.appendChild(el("text", { x: d.left - 6, y: py(t), "text-anchor": "end", "dominant-baseline": "central", "class": "small" }, fmt(t, yt.step)));
            });
          }
          function toData(evt) {
            var r = svg.getBoundingClientRect();
            var sx = (evt.clientX - r.left) * (svg.viewBox.baseVal.width / r.width);
            var sy = (evt.clientY - r.top) * (svg.viewBox.baseVal.height / r.height);
            return { x: v.x0 + (sx - d.left) / d.width * (v.x1 - v.x0), y: v.y1 - (sy - d.top) / d.height * (v.y1 - v.y0) };
          }
          svg.addEventListener("wheel", function (evt) {
            evt.preventDefault();
            var p = toData(evt), f = Math.exp(evt.deltaY * 0.0015);
            v = { x0: p.x + (v.x0 - p.x) * f, x1: p.x + (v.x1 - p.x) * f, y0: p.y + (v.y0 - p.y) * f, y1: p.y + (v.y1 - p.y) * f };
            draw();
          }, { passive: false });
          var drag = null;
          svg.addEventListener("pointerdown", function (evt) {
            drag = { x: evt.clientX, y: evt.clientY, v: { x0: v.x0, x1: v.x1, y0: v.y0, y1: v.y1 } };
            svg.setPointerCapture(evt.pointerId);
            svg.style.cursor = "grabbing";
          });
          svg.addEventListener("pointermove", function (evt) {
            if (!drag) { return; }
            var r = svg.getBoundingClientRect();
            var dx = (evt.clientX - drag.x) * (svg.viewBox.baseVal.width / r.width) / d.width * (drag.v.x1 - drag.v.x0);
            var dy = (evt.clientY - drag.y) * (svg.viewBox.baseVal.height / r.height) / d.height * (drag.v.y1 - drag.v.y0);
            v = { x0: drag.v.x0 - dx, x1: drag.v.x1 - dx, y0: drag.v.y0 + dy, y1: drag.v.y1 + dy };
            draw();
          });
          function stop() { drag = null; svg.style.cursor = "grab"; }
          svg.addEventListener("pointerup", stop);
          svg.addEventListener("pointercancel", stop);
          svg.style.cursor = "grab";
          document.getElementById("reset").addEventListener("click", function () {
            v = { x0: d.x0, x1: d.x1, y0: d.y0, y1: d.y1 };
            draw();
          });
          [["show-original", "pts-original"], ["show-avatars", "pts-avatars"]].forEach(function (pair) {
            document.getElementById(pair[0]).addEventListener("change", function (evt) {
              document.getElementById(pair[1]).style.display = evt.target.checked ? "" : "none";
            });
          });
          draw();
        })();
        """;
}
