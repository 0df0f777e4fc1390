using System.CommandLine;
using Avatars.Server.Hosting;
using Spectre.Console;

namespace Avatars.Cli.Commands;

/// <summary>
/// <c>avatars serve [--urls] [--data-dir]</c>: runs the server on the embedded defaults (SQLite and local storage
/// in the data directory, in-process workers) or on whatever the configuration says (docs/configuration.md).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:8000 (default; AVATAR_URLS)." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Database, storage and secrets folder (default ./data; AVATAR_DATA_DIR)." };
        var command = new Command("serve", "Run the Avatars server (REST API under /api, jobs in-process).") { urls, dataDir };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(urls) is { } u)
            {
                overrides["Urls"] = u;
            }

            if (parse.GetValue(dataDir) is { } d)
            {
                overrides["DataDirectory"] = d.FullName;
            }

            var options = ServerConfiguration.Load(overrides);
            var passwordFile = Path.Combine(options.DataDirectoryFullPath, "initial-admin-password");
            var firstStart = !File.Exists(passwordFile) && !File.Exists(Path.Combine(options.DataDirectoryFullPath, "avatar.db"));
            await using var server = await AvatarsServer.StartAsync(options, cancellationToken: cancellationToken);
            console.MarkupLine($"Avatars server listening on [green]{Markup.Escape(server.BaseAddress.ToString())}[/] (API: {Markup.Escape(new Uri(server.BaseAddress, "api/").ToString())}, OpenAPI: {Markup.Escape(new Uri(server.BaseAddress, "api/openapi.json").ToString())})");
            console.MarkupLine($"Data directory: {Markup.Escape(options.DataDirectoryFullPath)} ({options.Database.Provider}, {options.Storage.Backend} storage)");
            if (firstStart && File.Exists(passwordFile))
            {
                var password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
                console.MarkupLine($"First start: administrator [bold]{Markup.Escape(options.Bootstrap.AdminUsername)}[/] with password [bold]{Markup.Escape(password)}[/]");
                console.MarkupLine($"[grey](also in {Markup.Escape(passwordFile)}; set AVATAR_USERNAME / AVATAR_PASSWORD to choose them)[/]");
            }

            console.MarkupLine("[grey]Press Ctrl+C to stop.[/]");
            try
            {
                await server.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the host shuts down gracefully (running jobs are re-queued).
            }

            return 0;
        }));
        return command;
    }
}
