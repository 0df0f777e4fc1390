using System.Globalization;
using System.Text;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// The <c>3d_projection</c> figure: originals and avatars on Dim 1–3 of the original's projection, drawn on a
/// canvas by a small inline script (drag to rotate, wheel to zoom, reset), same sampling as the 2-D plot. Each
/// axis is scaled to the unit cube.
/// </summary>
public static class Projection3DPlot
{
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
        var sample = ProjectionSample.Create(projection, options, 3);
        var ranges = Enumerable.Range(0, 3).Select(sample.Range).ToArray();
        var ratios = projection.Model.ExplainedVarianceRatio;

        var data = new StringBuilder((sample.OriginalRows.Length + sample.AvatarRows.Length) * 24);
        data.Append("{\"axes\":[");
        for (var dim = 0; dim < 3; dim++)
        {
            var ratio = dim < ratios.Count && dim < sample.Dims ? ratios[dim] * 100 : double.NaN;
            data.Append(dim == 0 ? "" : ",").Append("{\"min\":").Append(Json(ranges[dim].Min)).Append(",\"max\":").Append(Json(ranges[dim].Max))
                .Append(",\"pct\":").Append(double.IsFinite(ratio) ? Json(ratio) : "null").Append('}');
        }

        data.Append("],\"original\":");
        AppendPoints(data, sample.Original, sample.OriginalRows, ranges);
        data.Append(",\"avatars\":");
        AppendPoints(data, sample.Avatars, sample.AvatarRows, ranges);
        data.Append('}');

        var body = new StringBuilder();
        body.Append(HtmlPage.Note("Originals and avatars projected on the first three dimensions of the " + projection.Model.Kind.ToString().ToUpperInvariant() + " fitted on the original data (each axis scaled to the same length)."));
        body.Append(HtmlPage.Note(sample.Note(options)));
        body.Append(HtmlPage.Legend());
        body.Append("<div class=\"toolbar\"><button type=\"button\" id=\"reset\">Reset view</button>")
            .Append("<label><input type=\"checkbox\" id=\"show-original\" checked=\"checked\"/> originals</label>")
            .Append("<label><input type=\"checkbox\" id=\"show-avatars\" checked=\"checked\"/> avatars</label>")
            .Append("<span>Drag to rotate, scroll to zoom.</span></div>");
        body.Append("<canvas id=\"view\" width=\"760\" height=\"600\" role=\"img\" aria-label=\"3D projection of originals and avatars\"></canvas>");
        body.Append("<noscript><p class=\"note\">This figure needs JavaScript to draw.</p></noscript>");
        var html = HtmlPage.Render(
            $"3D projection — {tableName}",
            $"{Markup.Count(projection.Original.Rows)} originals · {Markup.Count(projection.Avatars.Rows)} avatars · Dim 1–3",
            body.ToString(),
            Script,
            data.ToString());
        return new HtmlFigure(PlotKind.Projection3D.ToWireName(), FigureFileNames.For(tableName, PlotKind.Projection3D), html);
    }

    private static string Json(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void AppendPoints(StringBuilder data, Projection.Coordinates coordinates, int[] rows, (double Min, double Max)[] ranges)
    {
        data.Append('[');
        var first = true;
        foreach (var r in rows)
        {
            for (var dim = 0; dim < 3; dim++)
            {
                var (min, max) = ranges[dim];
                var scaled = ((ProjectionSample.Value(coordinates, r, dim) - min) / (max - min) * 2) - 1;
                data.Append(first ? "" : ",").Append(Math.Round(scaled, 4).ToString("0.####", CultureInfo.InvariantCulture));
                first = false;
            }
        }

        data.Append(']');
    }

    private const string Script = """
        (function () {
          "use strict";
          var d = JSON.parse(document.getElementById("figure-data").textContent);
          var canvas = document.getElementById("view");
          var ctx = canvas.getContext("2d");
          var ratio = window.devicePixelRatio || 1;
          var cssW = canvas.width, cssH = canvas.height;
          canvas.style.width = cssW + "px";
          canvas.style.height = cssH + "px";
          canvas.width = Math.round(cssW * ratio);
          canvas.height = Math.round(cssH * ratio);
          var initial = { yaw: -0.6, pitch: 0.35, zoom: 1 };
          var s = { yaw: initial.yaw, pitch: initial.pitch, zoom: initial.zoom };
          var show = { original: true, avatars: true };
          function label(i) {
            var a = d.axes[i];
            return "Dim " + (i + 1) + (a.pct === null ? "" : " (" + a.pct.toFixed(1) + " %)");
          }
          function project(x, y, z) {
            var cy = Math.cos(s.yaw), sy = Math.sin(s.yaw), cp = Math.cos(s.pitch), sp = Math.sin(s.pitch);
            var x1 = x * cy - y * sy, y1 = x * sy + y * cy;
            var depth = y1 * cp + z * sp, up = z * cp - y1 * sp;
            var scale = Math.min(cssW, cssH) * 0.3 * s.zoom / (1 + 0.12 * depth);
            return [cssW / 2 + x1 * scale, cssH / 2 - up * scale];
          }
          function line(a, b, color, width) {
            var p = project(a[0], a[1], a[2]), q = project(b[0], b[1], b[2]);
            ctx.strokeStyle = color; ctx.lineWidth = width;
            ctx.beginPath(); ctx.moveTo(p[0], p[1]); ctx.lineTo(q[0], q[1]); ctx.stroke();
          }
          function points(arr, color) {
            ctx.fillStyle = color;
            for (var i = 0; i + 2 < arr.length; i += 3) {
              var p = project(arr[i], arr[i + 1], arr[i + 2]);
              ctx.fillRect(p[0] - 1.5, p[1] - 1.5, 3, 3);
            }
          }
          function draw() {
            ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
            ctx.clearRect(0, 0, cssW, cssH);
            ctx.fillStyle = "#FBFCFD"; ctx.fillRect(0, 0, cssW, cssH);
            var c = [-1, 1];
            for (var i = 0; i < 2; i++) { for (var j = 0; j < 2; j++) {
              line([-1, c[i], c[j]], [1, c[i], c[j]], "#E4E7EB", 1);
              line([c[i], -1, c[j]], [c[i], 1, c[j]], "#E4E7EB", 1);
              line([c[i], c[j], -1], [c[i], c[j], 1], "#E4E7EB", 1);
            } }
            line([-1, -1, -1], [1, -1, -1], "#7B8794", 1.5);
            line([-1, -1, -1], [-1, 1, -1], "#7B8794", 1.5);
            line([-1, -1, -1], [-1, -1, 1], "#7B8794", 1.5);
            ctx.globalAlpha = 0.5;
            if (show.original) { points(d.original, "#3B6EA8"); }
            if (show.avatars) { points(d.avatars, "#E0822F"); }
            ctx.globalAlpha = 1;
            ctx.fillStyle = "#323F4B";
            ctx.font = "600 12px system-ui, sans-serif";
            var ends = [[1.18, -1, -1], [-1, 1.18, -1], [-1, -1, 1.18]];
            for (var k = 0; k < 3; k++) {
              var p = project(ends[k][0], ends[k][1], ends[k][2]);
              ctx.textAlign = "center";
              ctx.fillText(label(k), p[0], p[1]);
            }
          }
          var drag = null;
          canvas.addEventListener("pointerdown", function (evt) {
            drag = { x: evt.clientX, y: evt.clientY, yaw: s.yaw, pitch: s.pitch };
            canvas.setPointerCapture(evt.pointerId);
            canvas.style.cursor = "grabbing";
          });
          canvas.addEventListener("pointermove", function (evt) {
            if (!drag) { return; }
            s.yaw = drag.yaw + (evt.clientX - drag.x) * 0.01;
            s.pitch = Math.max(-1.5, Math.min(1.5, drag.pitch + (evt.clientY - drag.y) * 0.01));
            draw();
          });
          function stop() { drag = null; canvas.style.cursor = "grab"; }
          canvas.addEventListener("pointerup", stop);
          canvas.addEventListener("pointercancel", stop);
          canvas.addEventListener("wheel", function (evt) {
            evt.preventDefault();
            s.zoom = Math.max(0.2, Math.min(20, s.zoom * Math.exp(-evt.deltaY * 0.0015)));
            draw();
          }, { passive: false });
          document.getElementById("reset").addEventListener("click", function () {
            s = { yaw: initial.yaw, pitch: initial.pitch, zoom: initial.zoom };
            draw();
          });
          document.getElementById("show-original").addEventListener("change", function (evt) { show.original = evt.target.checked; draw(); });
          document.getElementById("show-avatars").addEventListener("change", function (evt) { show.avatars = evt.target.checked; draw(); });
          draw();
        })();
        """;
}
