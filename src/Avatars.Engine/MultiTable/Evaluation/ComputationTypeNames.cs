namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>The wire names (snake_case, as in <c>metadata.computation_type</c> and in file names) of the computation types.</summary>
public static class ComputationTypeNames
{
    /// <summary>The wire name of a privacy computation type: <c>standalone</c>, <c>to_bottom_id_propagated</c> or <c>to_top_enriched</c>.</summary>
    /// <param name="type">The computation type.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static string ToWireName(PrivacyComputationType type) => type switch
    {
        PrivacyComputationType.Standalone => "standalone",
        PrivacyComputationType.ToBottomIdPropagated => "to_bottom_id_propagated",
        PrivacyComputationType.ToTopEnriched => "to_top_enriched",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown privacy computation type."),
    };

    /// <summary>The wire name of a signal computation type: <c>standalone</c>, <c>to_top_enriched</c> or <c>to_bottom_information_propagated</c>.</summary>
    /// <param name="type">The computation type.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static string ToWireName(SignalComputationType type) => type switch
    {
        SignalComputationType.Standalone => "standalone",
        SignalComputationType.ToTopEnriched => "to_top_enriched",
        SignalComputationType.ToBottomInformationPropagated => "to_bottom_information_propagated",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown signal computation type."),
    };

    /// <summary>
    /// The result file name: <c>&lt;t&gt;.&lt;kind&gt;.json</c> for <c>standalone</c>,
    /// <c>&lt;t&gt;.&lt;type&gt;.&lt;kind&gt;.json</c> otherwise, <c>&lt;t&gt;.&lt;type&gt;.&lt;escaped reference&gt;.&lt;kind&gt;.json</c> with a reference.
    /// </summary>
    internal static string FileName(string escapedTableName, string wireName, string? reference, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(escapedTableName);
        if (wireName == "standalone")
        {
            return $"{escapedTableName}.{kind}.json";
        }

        return reference is null
            ? $"{escapedTableName}.{wireName}.{kind}.json"
            : $"{escapedTableName}.{wireName}.{Avatars.Data.TableNameEscaping.Escape(reference)}.{kind}.json";
    }
}
