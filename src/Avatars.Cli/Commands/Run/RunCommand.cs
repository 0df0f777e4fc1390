using System.CommandLine;
using Avatars.Config;
using Spectre.Console;

namespace Avatars.Cli.Commands.Run;

/// <summary>
/// <c>avatars run resources.yaml --data DIR --output DIR [--server URL]</c>: uploads the files the YAML refers to,
/// sends the resource set, runs every job it describes in dependency order with progress, and downloads all results.
/// Without <c>--server</c> (or <c>AVATAR_BASE_API_URL</c>) it starts an embedded server for the run.
/// </summary>
internal static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var yaml = new Argument<FileInfo>("resources") { Description = "The resource set (multi-document avatar_yaml, e.g. written by the vendor's Python client or Runner.GetYaml)." };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Folder holding the files the YAML refers to (default: the YAML's folder)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Where the results are downloaded, one folder per job.", DefaultValueFactory = _ => new DirectoryInfo("avatars-run") };
        var server = new Option<string?>("--server") { Description = "A running server (e.g. https://avatars.example.com/api; default AVATAR_BASE_API_URL, else an embedded server). Credentials: AVATAR_USERNAME/AVATAR_PASSWORD or AVATAR_API_KEY." };
        var command = new Command("run", "Run every job of a resource-set YAML on a server and download the results.") { yaml, data, output, server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var file = parse.GetValue(yaml)!;
            if (!file.Exists)
            {
                throw new CliUsageException($"resource set '{file.FullName}' not found.");
            }

            var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            ResourceSet set;
            try
            {
                set = ResourceSetYaml.Parse(text, ResourceSetParseOptions.Lenient);
                set.EnsureValid();
            }
            catch (ConfigValidationException ex)
            {
                throw new CliUsageException(ex.Message);
            }

            var plan = RunPlan.From(set, Path.GetFileNameWithoutExtension(file.Name));
            var dataDirectory = parse.GetValue(data)?.FullName ?? file.DirectoryName!;
            foreach (var name in plan.Files)
            {
                if (!File.Exists(Path.Combine(dataDirectory, name)))
                {
                    throw new CliUsageException($"file '{name}' referred to by the YAML is not in {dataDirectory}; pass the folder with --data.");
                }
            }

            var target = parse.GetValue(server) ?? (Environment.GetEnvironmentVariable("AVATAR_BASE_API_URL") is { Length: > 0 } env ? env : null);
            var outputDirectory = parse.GetValue(output)!.FullName;
            if (target is not null)
            {
                using var client = await ApiConnection.OpenFromEnvironmentAsync(target, target, cancellationToken);
                return await new RunExecution(console, client).ExecuteAsync(plan, text, dataDirectory, outputDirectory, cancellationToken);
            }

            await using var embedded = await EmbeddedServer.StartAsync("avatars-run", "admin", cancellationToken);
            console.MarkupLine($"[grey]Embedded server on {Markup.Escape(embedded.BaseAddress.ToString())} (temporary; use --server to run on a shared one)[/]");
            using var embeddedClient = await ApiConnection.OpenAsync(embedded.ApiRoot, embedded.Username, embedded.Password, null, cancellationToken);
            return await new RunExecution(console, embeddedClient).ExecuteAsync(plan, text, dataDirectory, outputDirectory, cancellationToken);
        }));
        return command;
    }
}
