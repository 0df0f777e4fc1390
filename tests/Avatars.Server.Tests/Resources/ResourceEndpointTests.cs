using System.Net;
using System.Text;
using Avatars.Server.Tests.EndToEnd;
using Avatars.Server.Tests.Infrastructure;

namespace Avatars.Server.Tests.Resources;

public sealed class ResourceEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_put_is_a_new_version_read_back_byte_for_byte_and_listed_page_by_page(bool postgres)
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Workers.Enabled = false;
            if (postgres)
            {
                ServiceBackends.UsePostgres(o);
            }
        });
        using var user = await ApiSession.CreateUserAsync(server, "vera");
        await user.UploadAsync("patients.csv", await FlowData.PatientsCsvAsync(30));
        var yaml = "# written by hand\n" + FlowData.Yaml();
        var first = await user.PutResourcesAsync("study", yaml);
        var second = await user.PutResourcesAsync("study", yaml);
        var other = await user.PutResourcesAsync("other", yaml);

        using (var response = await user.Http.GetAsync($"api/resources/{first}", Ct))
        {
            Assert.Equal("application/yaml", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Encoding.UTF8.GetBytes(yaml), await response.Content.ReadAsByteArrayAsync(Ct));
        }

        var versions = (await user.GetJsonAsync("api/resources?display_name=study")).GetProperty("sets").EnumerateArray()
            .Select(s => (s.GetProperty("set_name").GetString(), s.GetProperty("version").GetInt32())).ToList();
        Assert.Equal([(first, 1), (second, 2)], versions);

        foreach (var order in new[] { "asc", "desc" })
        {
            var seen = new List<string?>();
            string? cursor = null;
            do
            {
                var page = await user.GetJsonAsync($"api/resources?limit=1&order={order}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
                seen.AddRange(page.GetProperty("sets").EnumerateArray().Select(s => s.GetProperty("set_name").GetString()));
                cursor = page.GetProperty("next_cursor").GetString();
            }
            while (cursor is not null);

            Assert.Equal(order == "asc" ? [first, second, other] : [other, second, first], seen);
        }

        using var bad = await user.Http.GetAsync("api/resources?cursor=not-a-cursor", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using var tooMany = await user.Http.GetAsync("api/resources?limit=5000", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
    }

    [Fact]
    public async Task Vendor_client_yaml_is_accepted_once_its_file_is_uploaded()
    {
        await using var server = await TestServer.StartAsync(o => o.Workers.Enabled = false);
        using var user = await ApiSession.CreateUserAsync(server, "wes");
        var yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "VendorYaml", "single-table-1.0.8.yaml"), Ct);
        using (var content = new StringContent(yaml, Encoding.UTF8, "application/x-yaml"))
        using (var missing = await user.Http.PutAsync("api/resources/iris", content, Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
            Assert.Contains("'iris.csv'", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        await user.UploadAsync("iris.csv", "sepal.length,sepal.width,petal.length,petal.width,variety\n5.1,3.5,1.4,0.2,Setosa\n"u8.ToArray());
        await user.PutResourcesAsync("iris", yaml);
    }
}
