namespace Avatars.Client.Tests;

public sealed class DefaultsTests
{
    [Fact]
    public void Environment_variables_are_those_of_the_vendor_client_and_the_server()
    {
        // The server's bootstrap admin and the CLI read the same names (docs/configuration.md).
        Assert.Equal("AVATAR_USERNAME", AvatarsDefaults.UsernameVariable);
        Assert.Equal("AVATAR_PASSWORD", AvatarsDefaults.PasswordVariable);
        Assert.Equal("AVATAR_BASE_API_URL", AvatarsDefaults.BaseUrlVariable);
        Assert.Equal("input", AvatarsDefaults.InputVolumeName);
    }
}
