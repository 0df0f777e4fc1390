namespace Avatars.Config.Builder;

/// <summary>
/// A file that a loaded YAML placed on a volume other than <c>input</c>; the builder now expects it in the
/// upload area (<c>input</c>), so the user has to upload it (sdk.md §4.14 step 3).
/// </summary>
/// <param name="TableName">The table.</param>
/// <param name="File">The file name, kept.</param>
/// <param name="Volume">The volume the YAML named.</param>
/// <param name="IsAvatarFile">True for <c>avatars_data</c>, false for <c>data</c>.</param>
public sealed record RelocatedFile(string TableName, string File, string? Volume, bool IsAvatarFile);
