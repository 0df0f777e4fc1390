using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// A client-side table transform applied around an avatarization: <see cref="Preprocess"/> before the
/// table is uploaded, <see cref="Postprocess"/> on the avatars that come back. Processors are stateful
/// (fitted in <see cref="Preprocess"/>): call <see cref="Postprocess"/> on the same instance. They never
/// modify their input tables and never use the network.
/// </summary>
public interface IProcessor
{
    /// <summary>Transforms the original data before avatarization (and fits the processor on it).</summary>
    /// <param name="data">The original table.</param>
    /// <returns>A new table; <paramref name="data"/> is not modified.</returns>
    /// <exception cref="ArgumentException">The table does not fit the processor's configuration.</exception>
    Table Preprocess(Table data);

    /// <summary>Transforms avatarized data back to the shape and units of the original data.</summary>
    /// <param name="source">The original table (the one given to <see cref="Preprocess"/>).</param>
    /// <param name="dest">The avatarized table, in the preprocessed shape.</param>
    /// <returns>A new table; neither input is modified.</returns>
    /// <exception cref="ArgumentException">The tables do not fit the processor's configuration.</exception>
    Table Postprocess(Table source, Table dest);
}
