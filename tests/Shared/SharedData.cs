namespace Avatars.Testing;

/// <summary>
/// Locates the reference data sets that live beside the repository (<c>../shared/data</c>) or in
/// <c>AVATARS_SHARED_DATA</c>. They are never copied into the repository; tests that need them skip
/// with a clear message when they are absent.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The data folder, or null when it cannot be found.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Full path of a file under the shared data folder; skips the calling test when it is missing.</summary>
    public static string PathOf(string relative)
    {
        var root = Root.Value;
        if (root is null)
        {
            Assert.Skip("Shared reference data not found: set AVATARS_SHARED_DATA or place the 'shared' folder beside the repository (../shared/data).");
        }

        var path = System.IO.Path.Combine(root, relative);
        if (!File.Exists(path))
        {
            Assert.Skip($"Shared reference file '{relative}' not found under '{root}'.");
        }

        return path;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("AVATARS_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }

        // Walk up from the test binary until a folder holds Avatars.slnx; the data sit at ../shared/data from there.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Avatars.slnx")))
            {
                var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }

            dir = dir.Parent;
        }

        return null;
    }
}
