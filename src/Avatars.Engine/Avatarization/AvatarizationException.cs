namespace Avatars.Engine.Avatarization;

/// <summary>
/// A problem with the input table or the parameters of an avatarization. The message names the
/// table, column or parameter and says what to do; <see cref="Parameter"/> and
/// <see cref="Column"/> carry the same information for programs.
/// </summary>
public sealed class AvatarizationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AvatarizationException(string message, string? table = null, string? column = null, string? parameter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Table = table;
        Column = column;
        Parameter = parameter;
    }

    /// <summary>The table concerned, when there is one.</summary>
    public string? Table { get; }

    /// <summary>The column concerned, when there is one.</summary>
    public string? Column { get; }

    /// <summary>The parameter concerned (e.g. <c>k</c>, <c>ncp</c>), when there is one.</summary>
    public string? Parameter { get; }
}
