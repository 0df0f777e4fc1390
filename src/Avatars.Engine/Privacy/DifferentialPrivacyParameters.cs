namespace Avatars.Engine.Privacy;

/// <summary>Checks on the combination of standard and differentially private avatarization parameters.</summary>
public static class DifferentialPrivacyParameters
{
    /// <summary>The vendor client's message when both k and dp_epsilon are set (sdk.md, set_parameters step 2).</summary>
    public const string KAndEpsilonMessage =
        "Expected either k or dp_epsilon to be set, not both. If you want to use differential privacy, set dp_epsilon and remove k.";

    /// <summary>Rejects a parameter set that has both <paramref name="k"/> and <paramref name="dpEpsilon"/>.</summary>
    /// <param name="k">The standard avatarization's k, if any.</param>
    /// <param name="dpEpsilon">The DP budget, if any.</param>
    /// <exception cref="ArgumentException">Both are set (the vendor treats 0 as unset, as Python truthiness does).</exception>
    public static void EnsureExclusive(int? k, double? dpEpsilon)
    {
        if (k is { } kv && kv != 0 && dpEpsilon is { } e && e != 0)
        {
            throw new ArgumentException(KAndEpsilonMessage);
        }
    }
}
