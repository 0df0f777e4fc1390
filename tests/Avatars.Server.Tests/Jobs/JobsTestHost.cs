using Avatars.Server.Tests.Infrastructure;
using System.Security.Claims;
using System.Text;
using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Jobs;
using Avatars.Server.Persistence;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Tests.Jobs;

/// <summary>
/// The job system on a real SQLite file, an in-memory store and fake runners, with millisecond timings. Services are
/// built directly (no HTTP: authentication lands separately); the scheduler is started and stopped by the tests.
/// </summary>
internal sealed class JobsTestHost : IAsyncDisposable
{
    public static readonly JobTimings FastTimings = new()
    {
        LeaseDuration = TimeSpan.FromSeconds(2),
        HeartbeatInterval = TimeSpan.FromMilliseconds(50),
        ProgressInterval = TimeSpan.FromMilliseconds(20),
        PollInterval = TimeSpan.FromMilliseconds(50),
        FirstSweepDelay = TimeSpan.FromHours(1),
        SweepInterval = TimeSpan.FromHours(1),
    };

    private readonly List<IHostedService> started = [];
    private readonly bool ownsDirectory;

    private JobsTestHost(ServiceProvider services, AvatarsServerOptions options, InMemoryObjectStore storage, IReadOnlyDictionary<JobKind, FakeRunner> runners, string directory, bool ownsDirectory)
    {
        this.ownsDirectory = ownsDirectory;
        Services = services;
        Options = options;
        Storage = storage;
        Runners = runners;
        Directory = directory;
    }

    public ServiceProvider Services { get; }

    public AvatarsServerOptions Options { get; }

    public InMemoryObjectStore Storage { get; }

    public IReadOnlyDictionary<JobKind, FakeRunner> Runners { get; }

    public string Directory { get; }

    public FakeRunner this[JobKind kind] => Runners[kind];

    public static async Task<JobsTestHost> CreateAsync(
        Action<AvatarsServerOptions>? configure = null,
        string? directory = null,
        IEnumerable<JobKind>? runnerKinds = null,
        TimeProvider? time = null,
        JobTimings? timings = null)
    {
        var ownsDirectory = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "avatars-jobs-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var options = new AvatarsServerOptions { DataDirectory = directory };
        configure?.Invoke(options);
        time ??= TimeProvider.System;
        var storage = new InMemoryObjectStore(time);
        var runners = (runnerKinds ?? Enum.GetValues<JobKind>()).ToDictionary(k => k, k => new FakeRunner(k));
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(options);
        services.AddSingleton(new ServerInstance());
        services.AddSingleton(time);
        services.AddScoped<OwnerScope>();
        services.AddScoped<CurrentUser>();
        var connection = $"Data Source={Path.Combine(directory, "avatar.db")}";
        services.AddDbContext<SqliteAvatarsDbContext>(o => DatabaseProviders.UseSqlite(o, connection));
        services.AddScoped<AvatarsDbContext>(sp => sp.GetRequiredService<SqliteAvatarsDbContext>());
        services.AddSingleton<IObjectStore>(storage);
        services.AddSingleton(timings ?? FastTimings);
        foreach (var runner in runners.Values)
        {
            services.AddSingleton<IJobRunner>(runner);
        }

        services.AddAvatarsJobs(options);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        return new JobsTestHost(provider, options, storage, runners, directory, ownsDirectory);
    }

    public static CurrentUser User(Guid id, bool admin = false)
    {
        var user = new CurrentUser();
        user.SetFrom(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(AvatarClaims.UserId, id.ToString("D")), new Claim(AvatarClaims.Role, admin ? "admin" : "user")], AvatarClaims.Scheme)));
        return user;
    }

    /// <summary>A request scope for <paramref name="user"/>: the owner filter set as authentication would.</summary>
    public AsyncServiceScope Scope(CurrentUser user)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OwnerScope>().UserId = user.Id;
        return scope;
    }

    public async Task<CurrentUser> AddUserAsync(string name, bool admin = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
        var user = new UserEntity
        {
            Id = Guid.NewGuid(),
            Username = name,
            NormalizedUsername = name.ToUpperInvariant(),
            Role = admin ? "admin" : "user",
            PasswordHash = "x",
            SecurityStamp = "x",
            CreatedAt = DateTime.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return User(user.Id, admin);
    }

    public async Task<Guid> AddSetAsync(CurrentUser user, string yaml, string displayName = "iris", string fingerprints = "[]")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AvatarsDbContext>();
        var version = await db.ResourceSets.IgnoreQueryFilters().CountAsync(s => s.UserId == user.Id && s.DisplayName == displayName) + 1;
        var set = new ResourceSetEntity
        {
            SetName = Guid.NewGuid(),
            UserId = user.Id,
            DisplayName = displayName,
            Version = version,
            Yaml = Encoding.UTF8.GetBytes(yaml),
            InputFingerprints = fingerprints,
            CreatedAt = DateTime.UtcNow,
        };
        db.ResourceSets.Add(set);
        await db.SaveChangesAsync();
        return set.SetName;
    }

    public async Task<JobCreateResult> CreateAsync(CurrentUser user, Guid set, string parameters, IEnumerable<string>? dependsOn = null, string? idempotencyKey = null)
    {
        await using var scope = Scope(user);
        var request = new JobCreateRequest { SetName = set.ToString("D"), ParametersName = parameters, DependsOn = dependsOn?.ToList() };
        return await scope.ServiceProvider.GetRequiredService<JobService>().CreateAsync(user, request, idempotencyKey, CancellationToken.None);
    }

    public async Task<Guid> CreateJobAsync(CurrentUser user, Guid set, string parameters, params Guid[] dependsOn) =>
        (await CreateAsync(user, set, parameters, dependsOn.Select(d => d.ToString("D")))).Name;

    public async Task<T> WithJobsAsync<T>(CurrentUser user, Func<JobService, Task<T>> action)
    {
        await using var scope = Scope(user);
        return await action(scope.ServiceProvider.GetRequiredService<JobService>());
    }

    public async Task<T> WithResultsAsync<T>(CurrentUser user, Func<ResultService, Task<T>> action)
    {
        await using var scope = Scope(user);
        return await action(scope.ServiceProvider.GetRequiredService<ResultService>());
    }

    public async Task<T> WithDbAsync<T>(Func<AvatarsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AvatarsDbContext>());
    }

    public Task<JobEntity> GetJobAsync(Guid name) =>
        WithDbAsync(db => db.Jobs.IgnoreQueryFilters().AsNoTracking().Include(j => j.DependsOn).SingleAsync(j => j.Name == name));

    /// <summary>Polls until the job reaches <paramref name="status"/> (fails after 15 s).</summary>
    public async Task<JobEntity> WaitForStatusAsync(Guid name, JobStatus status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var job = await GetJobAsync(name);
            if (job.Status == status.ToWire())
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"job {name} is {job.Status} ({job.Exception}), expected {status.ToWire()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Runs the start-up tasks of the job system (recovery).</summary>
    public async Task RunStartupTasksAsync()
    {
        foreach (var task in Services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(CancellationToken.None);
        }
    }

    /// <summary>Starts the scheduler (in-process workers).</summary>
    public async Task StartWorkersAsync()
    {
        var scheduler = Services.GetServices<IHostedService>().OfType<JobScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None);
        started.Add(scheduler);
    }

    /// <summary>Stops the scheduler gracefully (running jobs go back to pending).</summary>
    public async Task StopWorkersAsync()
    {
        foreach (var service in started)
        {
            await service.StopAsync(CancellationToken.None);
        }

        started.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopWorkersAsync();
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsDirectory)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
