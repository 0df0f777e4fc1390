using System.CommandLine;
using Avatars.Cli.Commands;
using Spectre.Console;

namespace Avatars.Cli;

/// <summary>The <c>avatars</c> command line: builds the command tree and runs it.</summary>
internal static class CliApp
{
    /// <summary>Parses and runs a command line, writing to <paramref name="console"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Avatars for .NET — privacy-preserving synthetic data with the Avatar method.")
        {
            AvatarizeCommand.Create(console),
            Commands.Demo.DemoCommand.Create(console),
            MetricsCommand.Create(console),
            ServeCommand.Create(console),
            OpenApiCommand.Create(console),
            Commands.Run.RunCommand.Create(console),
            Commands.Admin.UsersCommand.Create(console),
            Commands.Admin.ApiKeysCommand.Create(console),
        };

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration(), cancellationToken);
    }
}
