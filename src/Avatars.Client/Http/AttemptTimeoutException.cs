namespace Avatars.Client.Http;

/// <summary>One attempt exceeded its timeout (retried like a transport error; surfaces as <see cref="TimeoutException"/>).</summary>
internal sealed class AttemptTimeoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AttemptTimeoutException(TimeSpan timeout, Exception? innerException)
        : base($"The request did not complete within {timeout}.", innerException)
    {
    }
}
