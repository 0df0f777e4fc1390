namespace Avatars.Server.Hosting;

/// <summary>The configuration is invalid; the message names the key (never a secret's value). Start-up stops.</summary>
public sealed class ServerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServerConfigurationException()
        : base("invalid server configuration")
    {
    }

    /// <summary>Creates the exception with a message naming the setting.</summary>
    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
