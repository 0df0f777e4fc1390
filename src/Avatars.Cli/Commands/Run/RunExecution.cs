using System.Text.Json;
using Spectre.Console;

namespace Avatars.Cli.Commands.Run;

/// <summary>One run of a plan on a connected server: upload, send the set, create the jobs, follow them, download.</summary>
internal sealed class RunExecution(IAnsiConsole console, ServerConnection server)
{
    public async Task<int> ExecuteAsync(RunPlan plan, string yaml, string dataDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        foreach (var name in plan.Files)
        {
            console.MarkupLine($"Uploading [bold]{Markup.Escape(name)}[/]");
            await server.UploadAsync(name, Path.Combine(dataDirectory, name), cancellationToken);
        }

        var setName = await server.PutResourcesAsync(plan.DisplayName, yaml, cancellationToken);
        var jobNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in plan.Jobs)
        {
            jobNames[job.ParametersName] = await server.CreateJobAsync(setName, job.ParametersName, job.DependsOn.Select(p => jobNames[p]), cancellationToken);
        }

        var final = await FollowAsync(plan, jobNames, cancellationToken);
        var failed = 0;
        foreach (var job in plan.Jobs)
        {
            var state = final[job.ParametersName];
            var status = state.GetProperty("status").GetString();
            if (status != "finished")
            {
                failed++;
                console.MarkupLine($"[red]{Markup.Escape(job.ParametersName)} ({job.Kind}): {Markup.Escape(status ?? "?")}[/] — {Markup.Escape(state.GetProperty("exception").GetString() ?? string.Empty)}");
                continue;
            }

            var folder = Path.Combine(outputDirectory, job.ParametersName);
            Directory.CreateDirectory(folder);
            var files = await server.GetResultsAsync(jobNames[job.ParametersName], cancellationToken);
            foreach (var (_, url) in files)
            {
                var fileName = Uri.UnescapeDataString(new Uri(url).AbsolutePath.Split('/')[^1]);
                await server.DownloadAsync(url, Path.Combine(folder, fileName), cancellationToken);
            }

            console.MarkupLine($"[green]{Markup.Escape(job.ParametersName)}[/] ({job.Kind}): {files.Count} file(s) in {Markup.Escape(folder)}");
        }

        return failed == 0 ? 0 : 1;
    }

    private async Task<Dictionary<string, JsonElement>> FollowAsync(RunPlan plan, Dictionary<string, string> jobNames, CancellationToken cancellationToken)
    {
        var final = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        async Task PollAsync(Action<string, JsonElement> update)
        {
            var delay = TimeSpan.FromMilliseconds(200);
            while (final.Count < plan.Jobs.Count)
            {
                foreach (var job in plan.Jobs.Where(j => !final.ContainsKey(j.ParametersName)))
                {
                    var state = await server.GetJobAsync(jobNames[job.ParametersName], cancellationToken);
                    update(job.ParametersName, state);
                    if (state.GetProperty("done").GetBoolean())
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
                var status = state.GetProperty("status").GetString() ?? "?";
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
                    var status = state.GetProperty("status").GetString();
                    if (status != "pending" && !task.IsStarted)
                    {
                        task.StartTask();
                    }

                    if (state.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Number)
                    {
                        task.Value = Math.Max(task.Value, p.GetDouble());
                    }

                    if (state.GetProperty("done").GetBoolean())
                    {
                        task.Description = $"{name} ({status})";
                        task.StopTask();
                    }
                });
            });
        return final;
    }
}
