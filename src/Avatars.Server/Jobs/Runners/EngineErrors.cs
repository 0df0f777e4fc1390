using Avatars.Config;
using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.MultiTable.Pipeline;
using Avatars.Engine.Privacy;
using Avatars.Engine.TimeSeries;
using Avatars.Engine.Projection;

namespace Avatars.Server.Jobs.Runners;

/// <summary>
/// Turns the engine's precise user-facing exceptions into <see cref="JobFailedException"/> (their message becomes the
/// job's <c>exception</c>); anything else stays an internal error, so no unexpected detail reaches the user.
/// </summary>
internal static class EngineErrors
{
    /// <summary>Runs <paramref name="action"/>, translating the engine's user-facing exceptions.</summary>
    public static async Task GuardAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ToJobFailure(ex) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The job failure for an exception the user can fix, or null.</summary>
    public static JobFailedException? ToJobFailure(Exception exception) => exception switch
    {
        JobFailedException => null,
        AvatarizationException or TableFormatException or ProjectionException or MultiTableException or TimeSeriesException or DifferentialPrivacyException => new JobFailedException(exception.Message, exception),
        ConfigValidationException config => new JobFailedException(
            config.Errors.Count > 0 ? string.Join("; ", config.Errors.Select(e => e.ToString())) : config.Message, config),
        _ => null,
    };
}
