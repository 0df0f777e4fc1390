namespace Avatars.Tutorials;

/// <summary>One of the vendor's notebooks as a C# program.</summary>
public interface ITutorial
{
    /// <summary>Command-line name, e.g. <c>tutorial1</c>.</summary>
    string Name { get; }

    /// <summary>What it shows.</summary>
    string Title { get; }

    /// <summary>Runs it; throws <see cref="TutorialCheckException"/> when a check fails.</summary>
    Task RunAsync(TutorialEnvironment environment, CancellationToken cancellationToken);
}
