using Avatars.Config;
using Avatars.Config.Builder;
using Microsoft.Extensions.Logging;

namespace Avatars.Client;

/// <summary>Loading a Python (or C#) <c>get_yaml()</c> output (sdk.md §4.14).</summary>
public sealed partial class RunnerConfiguration
{
    /// <summary>
    /// <c>from_yaml</c> on YAML text (sdk.md §4.14): unknown kinds and keys are ignored; tables, links (all, with
    /// their method) and parameter entries are loaded verbatim (DP, signal values, 1.1x fields included); every
    /// volume becomes <c>input</c> and a file that was elsewhere is logged (Warning) with the hint to upload it; the
    /// seed is applied when this configuration has none; report documents set the report type and format.
    /// No network call: the data is uploaded afterwards with the runner's <c>UploadFileAsync</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An enumeration value is invalid (avatar_yaml message), or the tables and links break the builder rules.</exception>
    /// <exception cref="ConfigValidationException">The text is not a well-formed resource set (e.g. invalid YAML).</exception>
    public void FromYaml(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ResourceSet set;
        try
        {
            set = ResourceSetYaml.Parse(yaml);
        }
        catch (ConfigValidationException strict)
        {
            if (strict.Errors.FirstOrDefault(IsEnumError) is { } error)
            {
                throw new ArgumentException(error.Message, strict);
            }

            // Forward compatibility: log what a lenient read drops, then read leniently (real errors still throw).
            foreach (var ignored in strict.Errors.Where(e => e.Message.StartsWith("unknown ", StringComparison.Ordinal)))
            {
                _logger.LogDebug("Ignored while loading the YAML: {Item}", ignored.ToString());
            }

            set = ResourceSetYaml.Parse(yaml, ResourceSetParseOptions.Lenient);
        }

        foreach (var file in Config.Load(set))
        {
            LogRelocated(file);
        }
    }

    /// <summary><see cref="FromYaml"/> on a file (UTF-8).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task FromYamlFileAsync(string yamlPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(yamlPath);
        FromYaml(await File.ReadAllTextAsync(yamlPath, cancellationToken).ConfigureAwait(false));
    }

    private static bool IsEnumError(ConfigError error) => error.Message.StartsWith("Expected one of [", StringComparison.Ordinal);

    private void LogRelocated(RelocatedFile file)
    {
        // The vendor probed the storage and printed these two lines; the project API has only `input`.
        _logger.LogWarning("Error downloading file {File}", file.File);
        if (file.IsAvatarFile)
        {
            _logger.LogWarning(
                "File is not available in the server, upload it with runner.UploadFileAsync(\"{Table}\", <data>, TableSource.FromFile(\"{File}\"))",
                file.TableName, file.File);
        }
        else
        {
            _logger.LogWarning(
                "File is not available in the server, upload it with runner.UploadFileAsync(\"{Table}\", TableSource.FromFile(\"{File}\"))",
                file.TableName, file.File);
        }
    }
}
