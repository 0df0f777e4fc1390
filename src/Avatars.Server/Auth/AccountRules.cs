using System.Text.RegularExpressions;
using Avatars.Server.Api;

namespace Avatars.Server.Auth;

/// <summary>User name, e-mail and password rules of api.md §14; violations are 422 issues.</summary>
internal static partial class AccountRules
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;

    /// <summary>Case-insensitive comparisons use this form (stored in the unique indexes).</summary>
    public static string Normalize(string value) => value.ToUpperInvariant();

    public static void CheckUsername(string? username, List<ValidationIssue> issues, params object[] loc)
    {
        if (username is null)
        {
            issues.Add(new ValidationIssue(loc, "field required", "missing"));
        }
        else if (!UsernamePattern().IsMatch(username))
        {
            issues.Add(new ValidationIssue(loc, "user name must be 1-64 characters of letters, digits and . _ @ + -", "value_error"));
        }
    }

    public static void CheckPassword(string? password, List<ValidationIssue> issues, params object[] loc)
    {
        if (password is null)
        {
            issues.Add(new ValidationIssue(loc, "field required", "missing"));
        }
        else if (password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            issues.Add(new ValidationIssue(loc, $"password must be {MinPasswordLength}-{MaxPasswordLength} characters", "value_error"));
        }
    }

    public static void CheckEmail(string? email, List<ValidationIssue> issues, params object[] loc)
    {
        if (email is null)
        {
            return;
        }

        if (!EmailPattern().IsMatch(email))
        {
            issues.Add(new ValidationIssue(loc, "not a valid e-mail address", "value_error"));
        }
    }

    public static void CheckRole(string? role, List<ValidationIssue> issues, params object[] loc)
    {
        if (role is not null && !UserRoles.IsValid(role))
        {
            issues.Add(new ValidationIssue(loc, "role must be 'admin' or 'user'", "value_error"));
        }
    }

    /// <summary>Throws a 422 when <paramref name="issues"/> is not empty.</summary>
    public static void ThrowIfAny(List<ValidationIssue> issues)
    {
        if (issues.Count > 0)
        {
            throw new ApiValidationException(issues);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._@+-]{1,64}$")]
    private static partial Regex UsernamePattern();

    // Deliberately loose (one @, no spaces, a dot-free local part allowed): the server sends no mail.
    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]{1,255}$")]
    private static partial Regex EmailPattern();
}
