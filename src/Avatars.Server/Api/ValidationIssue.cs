using System.Text.Json.Serialization;

namespace Avatars.Server.Api;

/// <summary>One item of a 422 body <c>{"detail": [{"loc", "msg", "type", "ctx"}]}</c> (api.md §11).</summary>
/// <param name="Loc">Location: <c>"body"</c>, <c>"query"</c>, <c>"form"</c>, then field names or indexes.</param>
/// <param name="Msg">What is wrong, for people.</param>
/// <param name="Type">Stable type, e.g. <c>value_error</c>, <c>missing</c>, <c>file_not_found</c>.</param>
/// <param name="Ctx">Optional context, e.g. YAML <c>line</c>/<c>column</c>.</param>
public sealed record ValidationIssue(
    [property: JsonPropertyName("loc")] IReadOnlyList<object> Loc,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("ctx"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object>? Ctx = null);

/// <summary>A 422 with one or more issues; answered by <see cref="ApiErrorMiddleware"/>.</summary>
public sealed class ApiValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiValidationException(IReadOnlyList<ValidationIssue> issues)
        : base(string.Join("; ", issues.Select(i => i.Msg))) => Issues = issues;

    /// <summary>Creates the exception with one issue.</summary>
    public ApiValidationException(IReadOnlyList<object> loc, string msg, string type)
        : this([new ValidationIssue(loc, msg, type)])
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiValidationException()
        : this([new ValidationIssue(["body"], "invalid request", "value_error")])
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiValidationException(string message)
        : this([new ValidationIssue(["body"], message, "value_error")])
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiValidationException(string message, Exception innerException)
        : base(message, innerException) => Issues = [new ValidationIssue(["body"], message, "value_error")];

    /// <summary>The issues, in order.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }
}
