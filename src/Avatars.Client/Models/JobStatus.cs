namespace Avatars.Client.Models;

/// <summary>
/// A job status: a server-defined string (extensible "enum"). Known values: <c>pending</c>, <c>running</c>,
/// <c>finished</c>, <c>error</c>, <c>parent_error</c>, <c>cancelled</c>; any other string is kept as is.
/// </summary>
public readonly struct JobStatus : IEquatable<JobStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value.</param>
    public JobStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>pending</c>: waiting for a worker or for its parents.</summary>
    public static JobStatus Pending { get; } = new("pending");

    /// <summary><c>running</c>.</summary>
    public static JobStatus Running { get; } = new("running");

    /// <summary><c>finished</c>: results available.</summary>
    public static JobStatus Finished { get; } = new("finished");

    /// <summary><c>error</c>.</summary>
    public static JobStatus Error { get; } = new("error");

    /// <summary><c>parent_error</c>: a parent ended in error or was cancelled.</summary>
    public static JobStatus ParentError { get; } = new("parent_error");

    /// <summary><c>cancelled</c>.</summary>
    public static JobStatus Cancelled { get; } = new("cancelled");

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <c>error</c>, <c>parent_error</c> and <c>cancelled</c> (polling fails fast on these).</summary>
    public bool IsFailure => this == Error || this == ParentError || this == Cancelled;

    /// <summary>True for <c>finished</c>.</summary>
    public bool IsFinished => this == Finished;

    /// <summary>Equality by ordinal wire value.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(JobStatus left, JobStatus right) => left.Equals(right);

    /// <summary>Inequality by ordinal wire value.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(JobStatus left, JobStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator JobStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(JobStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JobStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
