using System.Text.Json;
using System.Text.Json.Nodes;

namespace Avatars.Cli.Commands.Demo;

/// <summary>Writes the demo's JSON outputs (metrics), indented.</summary>
internal static class DemoFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="content"/> to <c>folder/name</c> and returns the path.</summary>
    public static async Task<string> WriteJsonAsync(string folder, string name, JsonNode content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, content.ToJsonString(Indented), cancellationToken);
        return path;
    }
}
