using Avatars.ClientGenerator;

// Regenerates src/Avatars.Client/Generated/AvatarsApi.g.cs from api/openapi.json.
// Usage (from anywhere inside the repository): dotnet run --project tools/Avatars.ClientGenerator [-- <repository root>]
var root = args.Length > 0 ? Path.GetFullPath(args[0]) : FindRepositoryRoot(Directory.GetCurrentDirectory());
var json = await File.ReadAllTextAsync(Path.Combine(root, ClientCodeGenerator.OpenApiPath));
var code = await ClientCodeGenerator.GenerateAsync(json);
var target = Path.Combine(root, ClientCodeGenerator.GeneratedFolder, ClientCodeGenerator.GeneratedFileName);
Directory.CreateDirectory(Path.GetDirectoryName(target)!);
await File.WriteAllTextAsync(target, code, new System.Text.UTF8Encoding(false));
Console.WriteLine($"Wrote {target}");
return 0;

static string FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Avatars.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Avatars.slnx not found above the current directory; pass the repository root.");
}
