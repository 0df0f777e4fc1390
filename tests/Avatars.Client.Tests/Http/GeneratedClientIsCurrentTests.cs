using Avatars.ClientGenerator;

namespace Avatars.Client.Tests.Http;

/// <summary>The committed generated client matches what the generator makes from the committed OpenAPI document.</summary>
public sealed class GeneratedClientIsCurrentTests
{
    [Fact]
    public async Task The_generated_client_matches_api_openapi_json()
    {
        var root = RepositoryRoot();
        var json = await File.ReadAllTextAsync(Path.Combine(root, ClientCodeGenerator.OpenApiPath), TestContext.Current.CancellationToken);
        var expected = await ClientCodeGenerator.GenerateAsync(json);
        var path = Path.Combine(root, ClientCodeGenerator.GeneratedFolder, ClientCodeGenerator.GeneratedFileName);
        var actual = File.Exists(path) ? (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Replace("\r\n", "\n", StringComparison.Ordinal) : null;

        Assert.True(
            string.Equals(expected, actual, StringComparison.Ordinal),
            $"{ClientCodeGenerator.GeneratedFolder}/{ClientCodeGenerator.GeneratedFileName} is stale: it differs from what " +
            $"{ClientCodeGenerator.OpenApiPath} generates. Run from the repository root: {ClientCodeGenerator.RegenerationCommand}");

        var extra = Directory.GetFiles(Path.Combine(root, ClientCodeGenerator.GeneratedFolder), "*.cs")
            .Select(Path.GetFileName)
            .Where(name => name != ClientCodeGenerator.GeneratedFileName);
        Assert.Empty(extra);
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

        throw new DirectoryNotFoundException("Avatars.slnx not found above " + AppContext.BaseDirectory);
    }
}
