using System.Text;

namespace Avatars.Engine.Reporting.Plots;

/// <summary>
/// A tiny SVG writer: every text and attribute value goes through <see cref="Markup.Escape"/> and every number
/// through <see cref="Markup.Coord"/>, so the output is well-formed XML whatever the data.
/// </summary>
public sealed class SvgBuilder
{
    private readonly StringBuilder builder = new();
    private readonly Stack<string> open = new();

    /// <summary>Starts an <c>&lt;svg&gt;</c> of the given size (pixels, also the view box).</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="label">Accessible label (escaped).</param>
    /// <param name="id">Optional element id (escaped).</param>
    public SvgBuilder(double width, double height, string label, string? id = null)
    {
        Width = width;
        Height = height;
        builder.Append("<svg class=\"chart\" role=\"img\"");
        if (id is not null)
        {
            builder.Append(" id=\"").Append(Markup.Escape(id)).Append('"');
        }

        builder.Append(" width=\"").Append(Markup.Coord(width)).Append("\" height=\"").Append(Markup.Coord(height))
            .Append("\" viewBox=\"0 0 ").Append(Markup.Coord(width)).Append(' ').Append(Markup.Coord(height))
            .Append("\" aria-label=\"").Append(Markup.Escape(label)).Append("\">");
    }

    /// <summary>The width in pixels.</summary>
    public double Width { get; }

    /// <summary>The height in pixels.</summary>
    public double Height { get; }

    /// <summary>Opens a group; close it with <see cref="End"/>.</summary>
    /// <param name="attributes">Name/value pairs (values escaped).</param>
    public SvgBuilder Group(params (string Name, string Value)[] attributes) => Open("g", attributes);

    /// <summary>Opens an element; close it with <see cref="End"/>.</summary>
    public SvgBuilder Open(string element, params (string Name, string Value)[] attributes)
    {
        builder.Append('<').Append(element);
        AppendAttributes(attributes);
        builder.Append('>');
        open.Push(element);
        return this;
    }

    /// <summary>Closes the last opened element.</summary>
    public SvgBuilder End()
    {
        builder.Append("</").Append(open.Pop()).Append('>');
        return this;
    }

    /// <summary>A rectangle, with an optional tooltip (<c>&lt;title&gt;</c>).</summary>
    public SvgBuilder Rect(double x, double y, double width, double height, string fill, string? tooltip = null, string? cssClass = null, double? opacity = null)
    {
        builder.Append("<rect x=\"").Append(Markup.Coord(x)).Append("\" y=\"").Append(Markup.Coord(y))
            .Append("\" width=\"").Append(Markup.Coord(Math.Max(0, width))).Append("\" height=\"").Append(Markup.Coord(Math.Max(0, height)))
            .Append("\" fill=\"").Append(Markup.Escape(fill)).Append('"');
        if (opacity is { } o)
        {
            builder.Append(" fill-opacity=\"").Append(Markup.Coord(o)).Append('"');
        }

        if (cssClass is not null)
        {
            builder.Append(" class=\"").Append(Markup.Escape(cssClass)).Append('"');
        }

        if (tooltip is null)
        {
            builder.Append("/>");
        }
        else
        {
            builder.Append("><title>").Append(Markup.Escape(tooltip)).Append("</title></rect>");
        }

        return this;
    }

    /// <summary>A line segment.</summary>
    public SvgBuilder Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        builder.Append("<line x1=\"").Append(Markup.Coord(x1)).Append("\" y1=\"").Append(Markup.Coord(y1))
            .Append("\" x2=\"").Append(Markup.Coord(x2)).Append("\" y2=\"").Append(Markup.Coord(y2))
            .Append("\" class=\"").Append(Markup.Escape(cssClass)).Append("\"/>");
        return this;
    }

    /// <summary>A text label (escaped), optionally rotated around its anchor, with an optional full-text tooltip.</summary>
    public SvgBuilder Text(double x, double y, string text, string anchor = "start", string? cssClass = null, double rotate = 0, string? tooltip = null, string? dominantBaseline = null)
    {
        builder.Append("<text x=\"").Append(Markup.Coord(x)).Append("\" y=\"").Append(Markup.Coord(y))
            .Append("\" text-anchor=\"").Append(Markup.Escape(anchor)).Append('"');
        if (dominantBaseline is not null)
        {
            builder.Append(" dominant-baseline=\"").Append(Markup.Escape(dominantBaseline)).Append('"');
        }

        if (cssClass is not null)
        {
            builder.Append(" class=\"").Append(Markup.Escape(cssClass)).Append('"');
        }

        if (rotate != 0)
        {
            builder.Append(" transform=\"rotate(").Append(Markup.Coord(rotate)).Append(' ').Append(Markup.Coord(x)).Append(' ').Append(Markup.Coord(y)).Append(")\"");
        }

        builder.Append('>');
        if (tooltip is not null)
        {
            builder.Append("<title>").Append(Markup.Escape(tooltip)).Append("</title>");
        }

        builder.Append(Markup.Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>A path with precomputed path data (numbers and commands only; the caller builds it with <see cref="Markup.Coord"/>).</summary>
    public SvgBuilder Path(string data, string cssClass, string? id = null)
    {
        builder.Append("<path");
        if (id is not null)
        {
            builder.Append(" id=\"").Append(Markup.Escape(id)).Append('"');
        }

        builder.Append(" class=\"").Append(Markup.Escape(cssClass)).Append("\" d=\"").Append(Markup.Escape(data)).Append("\"/>");
        return this;
    }

    /// <summary>Appends an element with attributes and no content.</summary>
    public SvgBuilder Empty(string element, params (string Name, string Value)[] attributes)
    {
        builder.Append('<').Append(element);
        AppendAttributes(attributes);
        builder.Append("/>");
        return this;
    }

    /// <summary>The SVG markup (closes any element still open).</summary>
    public override string ToString()
    {
        while (open.Count > 0)
        {
            End();
        }

        return builder + "</svg>";
    }

    private void AppendAttributes((string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            builder.Append(' ').Append(name).Append("=\"").Append(Markup.Escape(value)).Append('"');
        }
    }
}
