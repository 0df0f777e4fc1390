using System.Text.Json;
using Avatars.Server.Hosting;

namespace Avatars.Server.Tests.Api;

/// <summary>The committed contract <c>api/openapi.json</c> must be what the server generates (api.md §23).</summary>
public sealed class OpenApiContractTests
{
    [Fact]
    public async Task Committed_openapi_json_is_current()
    {
        var committedPath = Path.Combine(RepositoryRoot(), "api", "openapi.json");
        var generated = await OpenApiDocumentExporter.ExportAsync(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(committedPath), $"{committedPath} is missing: run `dotnet run --project src/Avatars.Cli -- openapi -o api/openapi.json`");
        var committed = OpenApiDocumentExporter.Normalize(await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken));
        Assert.True(
            committed == generated,
            "api/openapi.json differs from what the server generates. If the API change is deliberate, regenerate it with "
            + "`dotnet run --project src/Avatars.Cli -- openapi -o api/openapi.json` and review the diff.");
    }

    [Fact]
    public async Task Document_is_openapi_3_1_with_both_security_schemes_and_no_servers()
    {
        var document = JsonDocument.Parse(await OpenApiDocumentExporter.ExportAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.True(schemes.TryGetProperty("OAuth2PasswordBearer", out _));
        Assert.True(schemes.TryGetProperty("ApiKeyV1", out _));
        Assert.False(document.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/health", out _));
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
