using System.CommandLine;
using System.Security.Cryptography;
using Spectre.Console;

namespace Avatars.Cli.Commands.Admin;

/// <summary><c>avatars users create|list</c>: user administration on a running server (admin credentials).</summary>
internal static class UsersCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("users", "Create and list users of a server (needs an admin login).");
        command.Subcommands.Add(CreateCommand(console));
        command.Subcommands.Add(ListCommand(console));
        return command;
    }

    private static Command CreateCommand(IAnsiConsole console)
    {
        var username = new Option<string>("--username") { Description = "1–64 characters: letters, digits, . _ @ + -", Required = true };
        var email = new Option<string?>("--email") { Description = "Optional e-mail (unique)." };
        var password = new Option<string?>("--password") { Description = "12–128 characters; generated and printed once when omitted." };
        var admin = new Option<bool>("--admin") { Description = "Give the admin role." };
        var server = AdminConnection.ServerOption();
        var command = new Command("create", "Create a user.") { username, email, password, admin, server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var secret = parse.GetValue(password);
            var generated = secret is null;
            secret ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            using var connection = await AdminConnection.OpenAsync(parse.GetValue(server), cancellationToken);
            var user = await connection.SendJsonAsync(
                HttpMethod.Post,
                "api/users",
                new { username = parse.GetValue(username), email = parse.GetValue(email), password = secret, role = parse.GetValue(admin) ? "admin" : "user" },
                "create the user",
                cancellationToken);
            console.MarkupLine($"Created user [bold]{Markup.Escape(user.GetProperty("username").GetString()!)}[/] ({Markup.Escape(user.GetProperty("role").GetString()!)}), id {Markup.Escape(user.GetProperty("id").GetString()!)}");
            if (generated)
            {
                console.MarkupLine($"Password (shown once): [bold]{Markup.Escape(secret)}[/]");
            }

            return 0;
        }));
        return command;
    }

    private static Command ListCommand(IAnsiConsole console)
    {
        var server = AdminConnection.ServerOption();
        var command = new Command("list", "List users.") { server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            using var connection = await AdminConnection.OpenAsync(parse.GetValue(server), cancellationToken);
            var users = await connection.SendJsonAsync(HttpMethod.Get, "api/users", null, "list users", cancellationToken);
            var table = new Spectre.Console.Table().AddColumns("id", "username", "email", "role", "disabled", "created");
            foreach (var u in users.EnumerateArray())
            {
                table.AddRow(
                    Markup.Escape(u.GetProperty("id").GetString()!),
                    Markup.Escape(u.GetProperty("username").GetString()!),
                    Markup.Escape(u.GetProperty("email").GetString() ?? string.Empty),
                    u.GetProperty("role").GetString()!,
                    u.GetProperty("disabled").GetBoolean() ? "yes" : "no",
                    Markup.Escape(u.GetProperty("created_at").ToString()));
            }

            console.Write(table);
            return 0;
        }));
        return command;
    }
}
