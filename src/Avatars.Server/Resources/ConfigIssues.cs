using Avatars.Config;
using Avatars.Server.Api;

namespace Avatars.Server.Resources;

/// <summary>Turns <see cref="ConfigError"/>s into 422 items: <c>loc</c> = <c>"body"</c>, document index, path; <c>ctx</c> = line/column.</summary>
internal static class ConfigIssues
{
    public static ValidationIssue From(ConfigError error, string? type = null)
    {
        var loc = new List<object> { "body" };
        if (error.DocumentIndex >= 0)
        {
            loc.Add(error.DocumentIndex);
        }

        loc.AddRange(PathSegments(error.Path));
        Dictionary<string, object>? ctx = null;
        if (error.Line is { } line)
        {
            ctx = new Dictionary<string, object> { ["line"] = line };
            if (error.Column is { } column)
            {
                ctx["column"] = column;
            }
        }

        return new ValidationIssue(loc, error.ToString(), type ?? error.Type, ctx);
    }

    /// <summary><c>spec.tables[iris].data.file</c> → <c>spec</c>, <c>tables</c>, <c>iris</c>, <c>data</c>, <c>file</c>; numeric indexes become numbers.</summary>
    public static IEnumerable<object> PathSegments(string path)
    {
        if (path.Length == 0)
        {
            yield break;
        }

        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0 || !part.EndsWith(']'))
            {
                yield return part;
                continue;
            }

            yield return part[..bracket];
            var inner = part[(bracket + 1)..^1];
            yield return int.TryParse(inner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : inner;
        }
    }

    /// <summary>True for "unknown field" / "unknown kind" errors, which the API reports as <c>extra_ignored</c> warnings.</summary>
    public static bool IsUnknownKey(ConfigError error) =>
        error.Message.StartsWith("unknown field", StringComparison.Ordinal) || error.Message.StartsWith("unknown kind", StringComparison.Ordinal);
}
