using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Avatars.Client.Models;
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
        var server = ApiConnection.ServerOption();
        var command = new Command("create", "Create a user.") { username, email, password, admin, server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            var secret = parse.GetValue(password);
            var generated = secret is null;
            secret ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            using var client = await ApiConnection.OpenFromEnvironmentAsync(parse.GetValue(server), ApiConnection.LocalServer, cancellationToken);
            var request = new CreateUserRequest(parse.GetValue(username)!, secret, parse.GetValue(email), parse.GetValue(admin) ? "admin" : "user");
            var user = await client.Users.CreateUserAsync(request, cancellationToken);
            console.MarkupLine($"Created user [bold]{Markup.Escape(user.Username)}[/] ({Markup.Escape(user.Role)}), id {user.Id}");
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
        var server = ApiConnection.ServerOption();
        var command = new Command("list", "List users.") { server };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(console, async () =>
        {
            using var client = await ApiConnection.OpenFromEnvironmentAsync(parse.GetValue(server), ApiConnection.LocalServer, cancellationToken);
            var users = await client.Users.FindUsersAsync(cancellationToken: cancellationToken);
            var table = new Spectre.Console.Table().AddColumns("id", "username", "email", "role", "disabled", "created");
            foreach (var u in users)
            {
                table.AddRow(
                    u.Id.ToString(),
                    Markup.Escape(u.Username),
                    Markup.Escape(u.Email ?? string.Empty),
                    Markup.Escape(u.Role),
                    u.Disabled ? "yes" : "no",
                    u.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            return 0;
        }));
        return command;
    }
}
