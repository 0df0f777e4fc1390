using System.Net;
using Avatars.Client.Http;
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
            return Fail(console, ex.Message);
        }
        catch (Exception ex) when (ex is AvatarsApiException or HttpRequestException or TimeoutException)
        {
            return Fail(console, Describe(ex));
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Cancelled.[/] Nothing was written for the unfinished run.");
            return 130;
        }
    }

    /// <summary>
    /// The CLI's wording of an SDK failure: the server's own message with the status and the request
    /// (<c>the server refused POST /users (409): …</c>) rather than the SDK's Python-compatible text.
    /// </summary>
    internal static string Describe(Exception exception) => exception switch
    {
        AvatarsJobFailedException job => job.Message,
        AvatarsApiException api when api.StatusCode == HttpStatusCode.Unauthorized =>
            $"the server refused the credentials (401): {api.ServerMessage ?? api.Message}",
        AvatarsApiException api =>
            $"the server refused {api.Method} {api.RequestPath} ({(int)api.StatusCode}): {api.ServerMessage ?? api.Message}",
        HttpRequestException http => $"the server does not answer ({http.Message}); check the URL and that it is running.",
        _ => exception.Message,
    };

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 1;
    }
}
