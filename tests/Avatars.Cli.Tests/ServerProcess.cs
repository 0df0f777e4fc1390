using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Avatars.Cli.Tests;

/// <summary>
/// <c>dotnet avatars.dll serve</c> as a real child process on a free loopback port, with its stdout and stderr
/// captured for failure messages. <see cref="DisposeAsync"/> kills it if it still runs.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    private ServerProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the process wrote so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the server on <paramref name="dataDirectory"/> and waits until <c>GET /api/health</c> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, string adminPassword, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "avatars.dll");
        Assert.True(File.Exists(dll), $"{dll} not found: the test project must reference the CLI project");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (var arg in new[] { dll, "serve", "--urls", baseAddress.ToString().TrimEnd('/'), "--data-dir", dataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        // Only this test's configuration: nothing inherited from the environment of the test run.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AVATAR_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AVATAR_USERNAME"] = "admin";
        start.Environment["AVATAR_PASSWORD"] = adminPassword;
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, output, baseAddress);
        try
        {
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL of the whole process tree (no graceful shutdown), then waits for the exit.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or could not be waited for: nothing more to do.
        }

        process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"the server exited with code {process.ExitCode} before answering /api/health:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("api/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"the server did not answer /api/health within {timeout.TotalSeconds:0} s:\n{Output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
