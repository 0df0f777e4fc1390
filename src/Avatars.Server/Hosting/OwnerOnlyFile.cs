namespace Avatars.Server.Hosting;

/// <summary>Writes secrets (signing key, initial admin password) readable by the owner only.</summary>
internal static class OwnerOnlyFile
{
    public static void WriteAllText(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
