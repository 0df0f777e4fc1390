using System.CommandLine;
using Avatars.Server.Hosting;
using Spectre.Console;

namespace Avatars.Cli.Commands;

/// <summary><c>avatars openapi [--output api/openapi.json]</c>: writes the server's OpenAPI document (the committed REST contract).</summary>
internal static class OpenApiCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the document (default: standard output). The repository keeps it as api/openapi.json." };
        var command = new Command("openapi", "Print or write the server's OpenAPI document.") { output };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var document = await OpenApiDocumentExporter.ExportAsync(cancellationToken);
            if (parse.GetValue(output) is { } file)
            {
                file.Directory?.Create();
                await File.WriteAllTextAsync(file.FullName, document, cancellationToken);
                console.MarkupLine($"OpenAPI document written to [green]{Markup.Escape(file.FullName)}[/]");
            }
            else
            {
                Console.Out.Write(document);
            }

            return 0;
        }));
        return command;
    }
}
