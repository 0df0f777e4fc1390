using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Avatars.Cli.Commands.Admin;

/// <summary><c>avatars api-keys create|revoke</c>: the caller's API keys on a running server (password login).</summary>
internal static class ApiKeysCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("api-keys", "Create and revoke API keys (Authorization: api-key-v1 <key>) for scripts and CI.");
        command.Subcommands.Add(CreateCommand(console));
        command.Subcommands.Add(RevokeCommand(console));
        return command;
    }

    private static Command CreateCommand(IAnsiConsole console)
    {
        var name = new Option<string>("--name") { Description = "What the key is for (1–255 characters).", Required = true };
        var days = new Option<int>("--expiration-days") { Description = "30, 60, 120 or 365.", DefaultValueFactory = _ => 30 };
        var server = ApiConnection.ServerOption();
        var command = new Command("create", "Create an API key for the logged-in user; the key is shown once.") { name, days, server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            using var client = await ApiConnection.OpenFromEnvironmentAsync(parse.GetValue(server), ApiConnection.LocalServer, cancellationToken);
            var created = await client.ApiKeys.CreateAsync(parse.GetValue(name)!, parse.GetValue(days), cancellationToken);
            console.MarkupLine($"API key [bold]{Markup.Escape(created.Key.Name)}[/] (id {created.Key.Id}), expires {created.Key.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}");
            console.MarkupLine($"Key (copy it now; it cannot be shown again): [bold]{Markup.Escape(created.Plaintext)}[/]");
            return 0;
        }));
        return command;
    }

    private static Command RevokeCommand(IAnsiConsole console)
    {
        var id = new Argument<string?>("id") { Description = "The key's id (see GET /api/api-keys); omit with --all.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Revoke all your active keys." };
        var server = ApiConnection.ServerOption();
        var command = new Command("revoke", "Revoke an API key (or all of yours).") { id, all, server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var keyId = parse.GetValue(id);
            if (keyId is null == !parse.GetValue(all))
            {
                throw new CliUsageException("give either a key id or --all.");
            }

            Guid? single = null;
            if (keyId is not null)
            {
                single = Guid.TryParse(keyId, out var parsed) ? parsed : throw new CliUsageException($"'{keyId}' is not an API key id: ids look like 3f2504e0-4f89-41d3-9a0c-0305e82c3301 (see GET /api/api-keys).");
            }

            using var client = await ApiConnection.OpenFromEnvironmentAsync(parse.GetValue(server), ApiConnection.LocalServer, cancellationToken);
            var count = 1;
            if (single is { } one)
            {
                await client.ApiKeys.RevokeAsync(one, cancellationToken);
            }
            else
            {
                count = (await client.ApiKeys.RevokeAllAsync(cancellationToken)).Count;
            }

            console.MarkupLine($"Revoked {count} key(s).");
            return 0;
        }));
        return command;
    }
}
