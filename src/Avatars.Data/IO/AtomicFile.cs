namespace Avatars.Data.IO;

/// <summary>
/// Writes a file through a temporary file in the same folder that is moved over the target only when
/// everything was written, so a failure or a cancellation never leaves a half-written file behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through a temporary file that replaces it only on success.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"Cannot write '{path}': it is not a file path.");
        if (Directory.Exists(full))
        {
            throw new IOException($"Cannot write '{path}': it is a folder. Give a file path.");
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write '{path}': the folder '{folder}' does not exist. Create it first.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort: the original exception matters more
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }
}
