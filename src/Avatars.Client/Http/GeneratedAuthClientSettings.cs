using System.Text.Json;
using System.Text.Json.Serialization;

namespace Avatars.Client.Generated;

/// <summary>Hand-written part of the generated <c>AuthClient</c>: form bodies drop null fields (Python <c>model_dump()</c> minus nulls).</summary>
internal partial class AuthClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
