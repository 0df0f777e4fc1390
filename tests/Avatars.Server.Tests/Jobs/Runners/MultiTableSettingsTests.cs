using Avatars.Config;
using Avatars.Engine.MultiTable.Relinking;
using Avatars.Server.Jobs.Runners.MultiTable;

namespace Avatars.Server.Tests.Jobs.Runners;

public sealed class MultiTableSettingsTests
{
    [Fact]
    public void Yaml_and_engine_link_methods_have_the_same_members_in_the_same_order()
    {
        Assert.Equal(Enum.GetNames<LinkMethod>(), Enum.GetNames<RelinkMethod>());
        Assert.Equal(Enum.GetValues<LinkMethod>().Select(m => (int)m), Enum.GetValues<RelinkMethod>().Select(m => (int)m));
        foreach (var method in Enum.GetValues<LinkMethod>())
        {
            Assert.Equal(method, MultiTableSettings.ToConfig(MultiTableInputs.ToEngine(method)));
        }
    }
}
