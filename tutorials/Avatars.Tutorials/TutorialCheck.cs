namespace Avatars.Tutorials;

/// <summary>The tutorials check what they show (shapes, types, metrics, reports); a failed check stops the program.</summary>
public static class TutorialCheck
{
    /// <summary>Throws <see cref="TutorialCheckException"/> with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new TutorialCheckException(message);
        }
    }
}

/// <summary>A tutorial's check failed: the server or the SDK did not behave as the tutorial expects.</summary>
public sealed class TutorialCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TutorialCheckException()
    {
    }

    /// <summary>Creates the exception with what did not hold.</summary>
    public TutorialCheckException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TutorialCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
