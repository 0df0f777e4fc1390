namespace Avatars.Engine.Advice;

/// <summary>One candidate k tried by <see cref="ParameterAdvisor"/>: the worst metrics over its trial avatarizations.</summary>
/// <param name="K">The candidate.</param>
/// <param name="HiddenRate">The lowest hidden rate of the trials, in percent.</param>
/// <param name="LocalCloaking">The lowest median local cloaking of the trials.</param>
/// <param name="MeetsThresholds">True when both reach the advisor's thresholds (targets plus margin).</param>
public sealed record AdviceTrial(int K, double HiddenRate, double LocalCloaking, bool MeetsThresholds);
