using System.Text;

namespace Avatars.Config;

/// <summary>One problem found in a resource set, located by document and field path.</summary>
/// <param name="DocumentIndex">Zero-based index of the document in the stream (or in <see cref="ResourceSet.Documents"/>); -1 when not tied to a document.</param>
/// <param name="Kind">The document kind as written (null when unknown).</param>
/// <param name="Name">The document's <c>metadata.name</c> (null when unknown).</param>
/// <param name="Path">Dotted path to the offending field inside the document, e.g. <c>spec.avatarization.iris.k</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Line">1-based line in the YAML text, when known.</param>
/// <param name="Column">1-based column in the YAML text, when known.</param>
public sealed record ConfigError(
    int DocumentIndex, string? Kind, string? Name, string Path, string Message, int? Line = null, int? Column = null)
{
    /// <summary>
    /// A stable, machine-readable category of the problem (the <c>type</c> of an API 422 item):
    /// <c>yaml_invalid</c>, <c>duplicate</c>, <c>missing</c>, <c>enum</c>, <c>type_error</c>, <c>reference_error</c>
    /// or <c>value_error</c>.
    /// </summary>
    public string Type => Classify(Message);

    /// <summary>E.g. <c>AvatarParameters 'standard' (document 4) › spec.avatarization.iris.k: expected an integer, got "abc" (line 41, column 10)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Kind is not null)
        {
            sb.Append(Kind);
            if (Name is not null)
            {
                sb.Append(" '").Append(Name).Append('\'');
            }

            if (DocumentIndex >= 0)
            {
                sb.Append(" (document ").Append(DocumentIndex + 1).Append(')');
            }
        }
        else if (DocumentIndex >= 0)
        {
            sb.Append("document ").Append(DocumentIndex + 1);
        }
        else
        {
            sb.Append("resource set");
        }

        if (Path.Length > 0)
        {
            sb.Append(" › ").Append(Path);
        }

        sb.Append(": ").Append(Message);
        if (Line is not null)
        {
            sb.Append(" (line ").Append(Line);
            if (Column is not null)
            {
                sb.Append(", column ").Append(Column);
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    private static string Classify(string message) => message switch
    {
        _ when message.StartsWith("invalid YAML", StringComparison.Ordinal) => "yaml_invalid",
        _ when message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) => "duplicate",
        _ when message.Contains("required field is missing", StringComparison.Ordinal) => "missing",
        _ when message.Contains("does not exist", StringComparison.Ordinal) => "reference_error",
        _ when message.StartsWith("unknown", StringComparison.Ordinal) || message.Contains("expected one of", StringComparison.Ordinal) => "enum",
        _ when message.StartsWith("expected a", StringComparison.Ordinal) => "type_error",
        _ => "value_error",
    };
}

/// <summary>A resource set could not be parsed or is invalid; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ConfigValidationException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public ConfigValidationException(IReadOnlyList<ConfigError> errors)
        : base(BuildMessage(errors)) => Errors = errors;

    /// <summary>Creates the exception with a single message.</summary>
    public ConfigValidationException()
        : this([new ConfigError(-1, null, null, string.Empty, "invalid resource set")])
    {
    }

    /// <summary>Creates the exception with a single message.</summary>
    public ConfigValidationException(string message)
        : this([new ConfigError(-1, null, null, string.Empty, message)])
    {
    }

    /// <summary>Creates the exception with a single message and an inner exception.</summary>
    public ConfigValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new ConfigError(-1, null, null, string.Empty, message)];

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ConfigError> errors) =>
        errors.Count == 1
            ? "Invalid resource set: " + errors[0]
            : $"Invalid resource set ({errors.Count} errors):" + string.Concat(errors.Select(e => "\n  " + e));
}
