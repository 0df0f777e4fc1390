using Avatars.Client.Models;
using G = Avatars.Client.Generated;

namespace Avatars.Client.Http;

/// <summary>Operation group <c>users</c>.</summary>
public sealed class UsersOperations
{
    private readonly G.UsersClient _client;

    internal UsersOperations(G.UsersClient client) => _client = client;

    /// <summary><c>GET /users/me</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The caller.</returns>
    public async Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        (await _client.Get_meAsync(cancellationToken).ConfigureAwait(false)).ToModel();

    /// <summary><c>POST /users/me/password</c> (password login only; wrong current password → 403).</summary>
    /// <param name="currentPassword">The password in use.</param>
    /// <param name="newPassword">12–128 characters.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        _client.Change_passwordAsync(new G.ChangePasswordRequest { Current_password = currentPassword, New_password = newPassword }, cancellationToken);

    /// <summary><c>GET /users/credits_info</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The credits.</returns>
    public async Task<CreditsInfo> GetCreditsInfoAsync(CancellationToken cancellationToken = default) =>
        (await _client.Get_credits_infoAsync(cancellationToken).ConfigureAwait(false)).ToModel();

    /// <summary><c>GET /users/features_info</c>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The feature scope names.</returns>
    public async Task<IReadOnlyList<string>> GetFeaturesInfoAsync(CancellationToken cancellationToken = default) =>
        (await _client.Get_features_infoAsync(cancellationToken).ConfigureAwait(false)).Feature_scopes.ToArray();

    /// <summary><c>GET /users?email=&amp;username=</c> (admin only).</summary>
    /// <param name="email">Exact e-mail filter, or null.</param>
    /// <param name="username">Exact user-name filter, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The users.</returns>
    public async Task<IReadOnlyList<User>> FindUsersAsync(string? email = null, string? username = null, CancellationToken cancellationToken = default) =>
        (await _client.Find_usersAsync(email, username, cancellationToken).ConfigureAwait(false)).Select(u => u.ToModel()).ToArray();

    /// <summary>
    /// <c>POST /users</c> (admin only; duplicate → 409). As in the vendor's <c>users.create_user</c>, a <c>201</c> with a
    /// <c>Location</c> header is followed (<c>GET &lt;Location&gt;</c> while <c>202</c>, every
    /// <see cref="AvatarsClientOptions.PollInterval"/>) and the final <see cref="User"/> is returned; the project API
    /// answers <c>201</c> with the user and no <c>Location</c>, so its body is returned at once.
    /// </summary>
    /// <param name="request">The new user.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created user.</returns>
    public async Task<User> CreateUserAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new G.CreateUser { Username = request.Username, Password = request.Password, Email = request.Email, Role = request.Role };
        return (await _client.Create_userAsync(body, cancellationToken).ConfigureAwait(false)).ToModel();
    }

    /// <summary><c>GET /users/{id}</c> (admin, or the user itself).</summary>
    /// <param name="id">User id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The user.</returns>
    public async Task<User> GetUserAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await _client.Get_userAsync(id, cancellationToken).ConfigureAwait(false)).ToModel();

    /// <summary><c>DELETE /users/{id}</c> (admin only).</summary>
    /// <param name="id">User id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The deleted user.</returns>
    public async Task<User> DeleteUserAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await _client.Delete_userAsync(id, cancellationToken).ConfigureAwait(false)).ToModel();
}
