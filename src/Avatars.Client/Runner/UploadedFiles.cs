namespace Avatars.Client;

/// <summary>The file names <see cref="Runner.UploadFileAsync"/> uploaded (the names the YAML refers to).</summary>
/// <param name="File">The original data, <c>&lt;t&gt;&lt;ext&gt;</c>.</param>
/// <param name="AvatarFile">The avatar data, <c>&lt;t&gt;_avatars&lt;ext&gt;</c>, or null.</param>
public sealed record UploadedFiles(string File, string? AvatarFile);
