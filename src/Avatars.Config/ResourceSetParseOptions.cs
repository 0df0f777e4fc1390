namespace Avatars.Config;

/// <summary>Options of <see cref="ResourceSetYaml.Parse(string, ResourceSetParseOptions?)"/>.</summary>
public sealed record ResourceSetParseOptions
{
    /// <summary>The default, strict options: unknown kinds and fields are errors.</summary>
    public static ResourceSetParseOptions Strict { get; } = new();

    /// <summary>Forward-compatible options (sdk.md §9.1 reader rule): unknown kinds and fields are skipped.</summary>
    public static ResourceSetParseOptions Lenient { get; } = new() { IgnoreUnknown = true };

    /// <summary>
    /// When true, documents of unknown kinds and unknown fields are skipped silently (they are lost on
    /// re-serialization); when false (default) each one is a <see cref="ConfigError"/>.
    /// </summary>
    public bool IgnoreUnknown { get; init; }
}
