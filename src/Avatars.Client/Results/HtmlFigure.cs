namespace Avatars.Client;

/// <summary>A self-contained interactive HTML figure (Python: the HTML string rendered by IPython).</summary>
/// <param name="Html">The HTML page.</param>
public sealed record HtmlFigure(string Html);
