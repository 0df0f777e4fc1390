namespace Avatars.Config.Builder;

/// <summary>Python <c>repr</c> of strings and string lists, for the vendor's f-string error messages (<c>{x=}</c>).</summary>
internal static class PythonRepr
{
    /// <summary><c>'x'</c>; double quotes when the text holds a single quote and no double quote (as CPython does); <c>None</c> for null.</summary>
    public static string Str(string? value)
    {
        if (value is null)
        {
            return "None";
        }

        var useDouble = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal);
        var quote = useDouble ? '"' : '\'';
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal);
        if (!useDouble)
        {
            escaped = escaped.Replace("'", "\\'", StringComparison.Ordinal);
        }

        return quote + escaped + quote;
    }

    /// <summary><c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";
}
