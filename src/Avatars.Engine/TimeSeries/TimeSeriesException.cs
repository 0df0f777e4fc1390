namespace Avatars.Engine.TimeSeries;

/// <summary>A time-series table or parameter the time-series pipeline cannot handle; the message names the cause.</summary>
public sealed class TimeSeriesException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public TimeSeriesException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and, where possible, how to fix it.</param>
    public TimeSeriesException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public TimeSeriesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
