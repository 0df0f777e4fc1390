namespace Avatars.Tutorials;

/// <summary>
/// Where a tutorial runs: the server, the credentials, the data files and an output folder. The programs read it
/// from the environment like the vendor's notebooks (<c>AVATAR_BASE_API_URL</c>, <c>AVATAR_USERNAME</c>,
/// <c>AVATAR_PASSWORD</c>); the tests build it for an embedded server.
/// </summary>
/// <param name="BaseUrl">The API root, ending in <c>/api</c>.</param>
/// <param name="Username">User name.</param>
/// <param name="Password">Password.</param>
/// <param name="DataDirectory">Folder with the vendor's fixtures (<c>iris.csv</c>, <c>wbcd.csv</c>, <c>epl.csv</c>…).</param>
/// <param name="OutputDirectory">Where reports and figures are written.</param>
/// <param name="Output">Where the tutorial prints.</param>
public sealed record TutorialEnvironment(Uri BaseUrl, string Username, string Password, string DataDirectory, string OutputDirectory, TextWriter Output)
{
    /// <summary>How often job states are polled (null: the SDK's default of 5 s, as the vendor's client).</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>The vendor's default server when <c>AVATAR_BASE_API_URL</c> is not set.</summary>
    public const string DefaultBaseUrl = "http://127.0.0.1:8000/api";

    /// <summary>The path of a fixture file, with a clear error when it is missing.</summary>
    public string DataFile(string name)
    {
        var path = Path.Combine(DataDirectory, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Tutorial data file '{name}' not found in {DataDirectory}: pass the folder holding the avatar-python fixtures as the second argument.", path);
    }

    /// <summary>A display name made unique like the notebooks do (8 random hex characters).</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    /// <summary>Reads the environment; the data folder defaults to <c>../shared/data/avatar-python</c> above the repository.</summary>
    public static TutorialEnvironment FromEnvironment(string? dataDirectory, TextWriter output)
    {
        var url = Environment.GetEnvironmentVariable("AVATAR_BASE_API_URL") ?? DefaultBaseUrl;
        var username = Environment.GetEnvironmentVariable("AVATAR_USERNAME")
            ?? throw new InvalidOperationException("Set AVATAR_USERNAME and AVATAR_PASSWORD (and AVATAR_BASE_API_URL for a server other than " + DefaultBaseUrl + ").");
        var password = Environment.GetEnvironmentVariable("AVATAR_PASSWORD")
            ?? throw new InvalidOperationException("Set AVATAR_PASSWORD.");
        var data = dataDirectory ?? FindSharedData() ?? throw new InvalidOperationException("Pass the folder holding the avatar-python fixtures (iris.csv, wbcd.csv, epl.csv…) as the second argument.");
        var outputDirectory = Path.Combine(Directory.GetCurrentDirectory(), "tutorial-output");
        Directory.CreateDirectory(outputDirectory);
        return new TutorialEnvironment(new Uri(url), username, password, data, outputDirectory, output);
    }

    private static string? FindSharedData()
    {
        if (Environment.GetEnvironmentVariable("AVATARS_SHARED_DATA") is { Length: > 0 } shared)
        {
            return Path.Combine(shared, "avatar-python");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "avatar-python");
            if (File.Exists(Path.Combine(dir.FullName, "Avatars.slnx")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
