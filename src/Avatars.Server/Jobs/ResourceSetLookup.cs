using System.Text;
using Avatars.Config;

namespace Avatars.Server.Jobs;

/// <summary>Reads what the job system needs from a parsed resource set: parameters documents and their tables.</summary>
internal static class ResourceSetLookup
{
    /// <summary>Parses the stored YAML bytes of a set.</summary>
    public static ResourceSet Parse(byte[] yaml) => ResourceSetYaml.Parse(Encoding.UTF8.GetString(yaml));

    /// <summary>The parameters document (any of the five parameters kinds) named <paramref name="name"/>, or null.</summary>
    public static ResourceDocument? FindParameters(ResourceSet set, string name) =>
        set.Documents.FirstOrDefault(d => d.Name == name && JobWireNames.KindOf(d) is not null);

    /// <summary>The schema a parameters document names (<c>spec.schema</c>); null for report parameters.</summary>
    public static string? SchemaNameOf(ResourceDocument parameters) => parameters switch
    {
        ParametersDocument p => p.Spec.Schema,
        AvatarAdviceParameters a => a.Schema,
        _ => null,
    };

    /// <summary>The original schema behind <paramref name="schemaName"/> (following <c>schema_ref</c> of an avatarized schema).</summary>
    public static AvatarSchema? OriginalSchema(ResourceSet set, string? schemaName)
    {
        var schema = set.FindSchema(schemaName);
        return schema?.SchemaRef is { } reference ? set.FindSchema(reference) : schema;
    }

    /// <summary>
    /// True when the user supplied every avatar table of the schema a metrics document evaluates: an avatarized schema
    /// (the named one, or one referring to it) whose tables all have an explicit <c>avatars_data.file</c>.
    /// </summary>
    public static bool HasExplicitAvatarTables(ResourceSet set, ResourceDocument parameters)
    {
        var name = SchemaNameOf(parameters);
        var original = OriginalSchema(set, name);
        return set.OfType<AvatarSchema>()
            .Where(s => s.SchemaRef is not null && (s.Name == name || (original is not null && s.SchemaRef == original.Name)))
            .Any(s => s.Tables.Count > 0 && s.Tables.All(t => !string.IsNullOrEmpty(t.AvatarsData?.File) && t.AvatarsData.Auto != true));
    }

    /// <summary>Names of the original tables a parameters document covers.</summary>
    public static IReadOnlyList<string> TablesOf(ResourceSet set, ResourceDocument parameters) =>
        OriginalSchema(set, SchemaNameOf(parameters))?.Tables.Select(t => t.Name).ToList() ?? [];
}
