namespace Avatars.Engine.Privacy;

/// <summary>A table or parameter that differentially private avatarization cannot use; the message says why and what to do.</summary>
public sealed class DifferentialPrivacyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="table">The table concerned, if any.</param>
    /// <param name="column">The column concerned, if any.</param>
    /// <param name="parameter">The parameter concerned (API name), if any.</param>
    public DifferentialPrivacyException(string message, string? table = null, string? column = null, string? parameter = null)
        : base(message)
    {
        Table = table;
        Column = column;
        Parameter = parameter;
    }

    /// <summary>The table concerned, if any.</summary>
    public string? Table { get; }

    /// <summary>The column concerned, if any.</summary>
    public string? Column { get; }

    /// <summary>The parameter concerned (API name such as <c>dp_epsilon</c>), if any.</summary>
    public string? Parameter { get; }
}
