using System.Net;
using Avatars.Server.Persistence;
using Avatars.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Avatars.Server.Tests.Services;

public sealed class PostgresPersistenceTests
{
    [Fact]
    public async Task Server_migrates_a_new_postgres_database_and_answers_health()
    {
        await using var server = await TestServer.StartAsync(ServiceBackends.UsePostgres);
        var response = await server.Http.GetAsync("api/health/db", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = server.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
