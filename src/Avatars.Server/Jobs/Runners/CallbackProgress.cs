namespace Avatars.Server.Jobs.Runners;

/// <summary>An <see cref="IProgress{T}"/> that calls back synchronously (Progress&lt;T&gt; would post out of order to the thread pool).</summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
