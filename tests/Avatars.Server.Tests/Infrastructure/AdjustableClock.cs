namespace Avatars.Server.Tests.Infrastructure;

/// <summary>A clock tests can move forward (API key expiry, retention) while the server runs.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private TimeSpan offset;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => offset += by;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
