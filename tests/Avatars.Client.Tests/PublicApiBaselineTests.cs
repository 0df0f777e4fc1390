using PublicApiGenerator;

namespace Avatars.Client.Tests;

/// <summary>
/// The public surface of Avatars.Client is recorded in <c>api/Avatars.Client.api.txt</c>, so every change to it is
/// deliberate and shows up in review. After an intended change, regenerate the file with
/// <c>AVATARS_UPDATE_API_BASELINE=1 dotnet test tests/Avatars.Client.Tests --filter PublicApiBaselineTests</c>.
/// </summary>
public sealed class PublicApiBaselineTests
{
    private const string UpdateVariable = "AVATARS_UPDATE_API_BASELINE";

    [Fact]
    public void Public_api_matches_the_recorded_baseline()
    {
        var actual = typeof(AvatarsDefaults).Assembly
            .GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .TrimEnd('\n') + "\n";
        var path = Path.Combine(RepositoryRoot(), "api", "Avatars.Client.api.txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with {UpdateVariable}=1 to create it.");
        var recorded = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(
            recorded == actual,
            $"The public API of Avatars.Client changed. If intended, run `{UpdateVariable}=1 dotnet test tests/Avatars.Client.Tests --filter PublicApiBaselineTests` and review the diff of api/Avatars.Client.api.txt.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Avatars.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Avatars.slnx not found above " + AppContext.BaseDirectory);
    }
}
