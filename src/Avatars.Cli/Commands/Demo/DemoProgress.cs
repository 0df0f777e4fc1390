using Avatars.Client;
using Avatars.Client.Models;
using Spectre.Console;

namespace Avatars.Cli.Commands.Demo;

/// <summary>Waits for a runner's jobs with a progress bar per job (interactive console) or a line per change.</summary>
internal static class DemoProgress
{
    public static async Task WaitAsync(IAnsiConsole console, Runner runner, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            await runner.WaitAsync(progress: new ConsoleJobProgress(new SpectreWriter(console)), cancellationToken: cancellationToken);
            return;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = runner.Jobs.Keys.ToDictionary(kind => kind, kind => context.AddTask($"{kind.ToWireValue()} job", autoStart: false, maxValue: 1));
                var progress = new Progress<JobProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Kind, out var task))
                    {
                        return;
                    }

                    if (p.Status != JobStatus.Pending && !task.IsStarted)
                    {
                        task.StartTask();
                    }

                    task.Value = Math.Max(task.Value, p.Progress ?? 0);
                    if (p.Status == JobStatus.Finished)
                    {
                        task.Value = 1;
                        task.StopTask();
                    }
                });
                await runner.WaitAsync(progress: progress, cancellationToken: cancellationToken);
                foreach (var task in tasks.Values.Where(t => !t.IsFinished))
                {
                    task.Value = 1;
                    task.StopTask();
                }
            });
    }

    /// <summary>Lets the SDK's console progress print through the CLI's console.</summary>
    private sealed class SpectreWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => console.WriteLine(value ?? string.Empty);

        public override void Write(char value) => console.Write(value.ToString());
    }
}
