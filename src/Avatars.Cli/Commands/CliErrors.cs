using Avatars.Data;
using Avatars.Engine.Avatarization;
using Spectre.Console;

namespace Avatars.Cli.Commands;

/// <summary>Turns expected failures into a one-line message and exit code 1 (no stack trace for user mistakes).</summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is AvatarizationException or TableFormatException or CliUsageException or Avatars.Server.Hosting.ServerConfigurationException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Cancelled.[/] Nothing was written for the unfinished run.");
            return 130;
        }
    }
}
