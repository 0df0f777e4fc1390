using Avatars.Data;
using Avatars.Server.Jobs.Runners;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class ResultFileNamesTests
{
    [Fact]
    public void Escapes_as_the_vendor_does()
    {
        Assert.Equal("iris_$*'@!?:;=[]()-__slash__dot__ampersand__plus_", ResultFileNames.Escape("iris_$*'@!?:;=[]()-_/.&+"));
        Assert.Equal("iris", ResultFileNames.Escape("iris"));
        Assert.Equal("my_dot_table.shuffled-0.csv", ResultFileNames.Shuffled("my.table"));
        Assert.Equal("a_slash_b.projections.avatars-0.csv", ResultFileNames.AvatarProjections("a/b"));
    }

    [Theory]
    [InlineData("iris_$*'@!?:;=[]()-_/.&+")]
    [InlineData("iris")]
    [InlineData("a.b/c&d+e")]
    [InlineData("été.données")]
    [InlineData("")]
    public void Unescape_reverses_escape(string name) =>
        Assert.Equal(name, TableNameEscaping.Unescape(ResultFileNames.Escape(name)));

    [Fact]
    public void Unescape_is_one_left_to_right_pass()
    {
        Assert.Equal("a.", TableNameEscaping.Unescape("a_dot_"));
        Assert.Equal(".dot_", TableNameEscaping.Unescape("_dot_dot_"));

        // 'a_dot.' does not round-trip (rejected at PUT /api/resources): unescaping the escape gives another name.
        Assert.NotEqual("a_dot.", TableNameEscaping.Unescape(ResultFileNames.Escape("a_dot.")));
    }
}
