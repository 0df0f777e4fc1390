using System.CommandLine;
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
        var server = AdminConnection.ServerOption();
        var command = new Command("create", "Create an API key for the logged-in user; the key is shown once.") { name, days, server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            using var connection = await AdminConnection.OpenAsync(parse.GetValue(server), cancellationToken);
            var created = await connection.SendJsonAsync(HttpMethod.Post, "api/api-keys", new { name = parse.GetValue(name), expiration_days = parse.GetValue(days) }, "create the API key", cancellationToken);
            var key = created.GetProperty("api_key");
            console.MarkupLine($"API key [bold]{Markup.Escape(key.GetProperty("name").GetString()!)}[/] (id {Markup.Escape(key.GetProperty("id").GetString()!)}), expires {Markup.Escape(key.GetProperty("expires_at").ToString())}");
            console.MarkupLine($"Key (copy it now; it cannot be shown again): [bold]{Markup.Escape(key.GetProperty("plaintext").GetString()!)}[/]");
            return 0;
        }));
        return command;
    }

    private static Command RevokeCommand(IAnsiConsole console)
    {
        var id = new Argument<string?>("id") { Description = "The key's id (see GET /api/api-keys); omit with --all.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Revoke all your active keys." };
        var server = AdminConnection.ServerOption();
        var command = new Command("revoke", "Revoke an API key (or all of yours).") { id, all, server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var keyId = parse.GetValue(id);
            if (keyId is null == !parse.GetValue(all))
            {
                throw new CliUsageException("give either a key id or --all.");
            }

            using var connection = await AdminConnection.OpenAsync(parse.GetValue(server), cancellationToken);
            var revoked = await connection.SendJsonAsync(HttpMethod.Delete, keyId is null ? "api/api-keys" : $"api/api-keys/{Uri.EscapeDataString(keyId)}", null, "revoke", cancellationToken);
            var count = revoked.ValueKind == System.Text.Json.JsonValueKind.Array ? revoked.GetArrayLength() : 1;
            console.MarkupLine($"Revoked {count} key(s).");
            return 0;
        }));
        return command;
    }
}
