namespace Avatars.Cli.Commands;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back synchronously, one report at a time (Progress&lt;T&gt; would post
/// to the thread pool, so reports from parallel workers could arrive out of order).
/// </summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock gate = new();

    public void Report(T value)
    {
        lock (gate)
        {
            report(value);
        }
    }
}
