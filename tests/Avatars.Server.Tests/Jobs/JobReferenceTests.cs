using Avatars.Server.Jobs;

namespace Avatars.Server.Tests.Jobs;

public sealed class JobReferenceTests
{
    private const string Name = "9a7c1e2d-0000-4000-8000-00000000abcd";

    [Theory]
    [InlineData(Name)]
    [InlineData("/api/jobs/" + Name)]
    [InlineData("/proxy/api/jobs/" + Name)]
    [InlineData("/jobs/" + Name)]
    [InlineData("https://avatars.example.com/api/jobs/" + Name)]
    [InlineData("http://localhost:8000/prefix/api/jobs/" + Name + "/")]
    [InlineData("  " + Name + " ")]
    public void Accepted_shapes_normalise_to_the_name(string item)
    {
        Assert.True(JobReference.TryParse(item, out var name));
        Assert.Equal(Guid.Parse(Name), name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-job")]
    [InlineData("/api/sets/" + Name)]
    [InlineData("/api/jobs/")]
    [InlineData("ftp://host/api/jobs/" + Name)]
    [InlineData("api/jobs/" + Name)]
    public void Other_values_are_rejected(string item) => Assert.False(JobReference.TryParse(item, out _));
}
