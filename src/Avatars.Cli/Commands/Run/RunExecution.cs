using Avatars.Client.Http;
using Avatars.Client.Models;
using Avatars.Data.IO;
using Spectre.Console;

namespace Avatars.Cli.Commands.Run;

/// <summary>One run of a plan on a connected server through the SDK: upload, send the set, create the jobs, follow them, download.</summary>
internal sealed class RunExecution(IAnsiConsole console, IAvatarsApiClient server)
{
    public async Task<int> ExecuteAsync(RunPlan plan, string yaml, string dataDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        foreach (var name in plan.Files)
        {
            console.MarkupLine($"Uploading [bold]{Markup.Escape(name)}[/]");
            await using var file = File.OpenRead(Path.Combine(dataDirectory, name));
            await server.UploadFileAsync(name, file, cancellationToken: cancellationToken);
        }

        var set = await server.PutResourcesAsync(plan.DisplayName, yaml, cancellationToken);
        var jobNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in plan.Jobs)
        {
            var request = new JobCreateRequest(set.SetName, job.ParametersName, [.. job.DependsOn.Select(p => jobNames[p])]);
            jobNames[job.ParametersName] = (await server.CreateJobAsync(request, cancellationToken)).Name;
        }

        var final = await FollowAsync(plan, jobNames, cancellationToken);
        var failed = 0;
        foreach (var job in plan.Jobs)
        {
            var state = final[job.ParametersName];
            if (state.Status != JobStatus.Finished)
            {
                failed++;
                console.MarkupLine($"[red]{Markup.Escape(job.ParametersName)} ({job.Kind}): {Markup.Escape(state.Status.Value)}[/] — {Markup.Escape(state.Exception)}");
                continue;
            }

            var folder = Path.Combine(outputDirectory, job.ParametersName);
            Directory.CreateDirectory(folder);
            var files = await server.GetResultsAsync(jobNames[job.ParametersName], cancellationToken);
            var urls = files.Values.SelectMany(u => u).ToList();
            foreach (var url in urls)
            {
                var bytes = await server.DownloadFileAsync(url, cancellationToken);
                await AtomicFile.WriteAsync(Path.Combine(folder, AvatarsApiClient.FileNameOf(url)), (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken);
            }

            console.MarkupLine($"[green]{Markup.Escape(job.ParametersName)}[/] ({job.Kind}): {urls.Count} file(s) in {Markup.Escape(folder)}");
        }

        return failed == 0 ? 0 : 1;
    }

    private async Task<Dictionary<string, JobResponse>> FollowAsync(RunPlan plan, Dictionary<string, string> jobNames, CancellationToken cancellationToken)
    {
        var final = new Dictionary<string, JobResponse>(StringComparer.Ordinal);
        async Task PollAsync(Action<string, JobResponse> update)
        {
            var delay = TimeSpan.FromMilliseconds(200);
            while (final.Count < plan.Jobs.Count)
            {
                foreach (var job in plan.Jobs.Where(j => !final.ContainsKey(j.ParametersName)))
                {
                    var state = await server.GetJobAsync(jobNames[job.ParametersName], cancellationToken);
                    update(job.ParametersName, state);
                    if (state.Done)
                    {
                        final[job.ParametersName] = state;
                    }
                }

                if (final.Count < plan.Jobs.Count)
                {
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromMilliseconds(Math.Min(2000, delay.TotalMilliseconds * 1.5));
                }
            }
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            var last = new Dictionary<string, string>(StringComparer.Ordinal);
            await PollAsync((name, state) =>
            {
                var status = state.Status.Value;
                if (!last.TryGetValue(name, out var previous) || previous != status)
                {
                    last[name] = status;
                    console.WriteLine($"  {name}: {status}");
                }
            });
            return final;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = plan.Jobs.ToDictionary(j => j.ParametersName, j => context.AddTask($"{j.ParametersName} ({j.Kind})", autoStart: false, maxValue: 1));
                await PollAsync((name, state) =>
                {
                    var task = tasks[name];
                    var status = state.Status.Value;
                    if (state.Status != JobStatus.Pending && !task.IsStarted)
                    {
                        task.StartTask();
                    }

                    if (state.Progress is { } p)
                    {
                        task.Value = Math.Max(task.Value, p);
                    }

                    if (state.Done)
                    {
                        task.Description = $"{name} ({status})";
                        task.StopTask();
                    }
                });
            });
        return final;
    }
}
