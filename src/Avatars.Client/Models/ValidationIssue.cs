namespace Avatars.Client.Models;

/// <summary>One <c>{loc, msg, type}</c> entry (resource-set warnings, 422 details).</summary>
/// <param name="Loc">Location path; integers (document or list positions) are given in invariant form.</param>
/// <param name="Msg">Message.</param>
/// <param name="Type">Stable type id (e.g. <c>extra_ignored</c>).</param>
public sealed record ValidationIssue(IReadOnlyList<string> Loc, string Msg, string Type);
