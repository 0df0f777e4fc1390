using Avatars.Data;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>The time-series children of one parent table: encoded before its avatarization, rebuilt after.</summary>
internal sealed class SeriesEncodings
{
    /// <summary>Appends the features of a time-series child to the parent's enriched table.</summary>
    public Table Append(Table enriched, MultiTableSource parent, MultiTableSource child, MultiTableLink link) =>
        throw new MultiTableException($"Table '{child.Name}' is a time series of '{parent.Name}': time-series children are not supported by this build yet.", child.Name);

    /// <summary>Rebuilds a time-series child from the parent's avatars.</summary>
    public Table Decode(string child, Table parentAvatars, Column keys) =>
        throw new MultiTableException($"Table '{child}': time-series children are not supported by this build yet.", child);

    /// <summary>What the encoding noted about a child.</summary>
    public IReadOnlyList<string> Notes(string child) => [];
}
