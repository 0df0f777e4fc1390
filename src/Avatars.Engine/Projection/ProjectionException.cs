namespace Avatars.Engine.Projection;

/// <summary>
/// A table or an option cannot be projected: invalid component count or column weight, missing values,
/// a column absent from a table to transform, or coordinates that do not fit the model. The message names
/// the column or parameter at fault.
/// </summary>
public sealed class ProjectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProjectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProjectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parameter or column it is about.</summary>
    public ProjectionException(string message, string? parameterName)
        : base(message)
    {
        ParameterName = parameterName;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ProjectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The option (e.g. <c>ComponentCount</c>) or column name at fault, when there is one.</summary>
    public string? ParameterName { get; }
}
