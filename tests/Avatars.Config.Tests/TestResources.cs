namespace Avatars.Config.Tests;

internal static class TestResources
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resources", name));
}
