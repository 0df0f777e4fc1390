using Avatars.Data;

namespace Avatars.Engine.Projection;

/// <summary>
/// A categorical column as fitted: the modalities present at fit time (in category order), the block of
/// dummies they occupy, and how to map them back to the column's levels.
/// </summary>
internal sealed class CategoricalVariable
{
    public CategoricalVariable(string name, ColumnType type, string[] modalities, int[] modalityLevels, IReadOnlyList<string> levels, int firstDummy)
    {
        Name = name;
        Type = type;
        Modalities = modalities;
        ModalityLevels = modalityLevels;
        Levels = levels;
        FirstDummy = firstDummy;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < modalities.Length; k++)
        {
            index[modalities[k]] = k;
        }

        ModalityIndex = index;
    }

    public string Name { get; }

    /// <summary>Category or Bool.</summary>
    public ColumnType Type { get; }

    /// <summary>The modality texts present at fit time, in category order (one dummy each).</summary>
    public string[] Modalities { get; }

    /// <summary>For each modality, its level index in <see cref="Levels"/>.</summary>
    public int[] ModalityLevels { get; }

    /// <summary>All levels of the fitted column (a category column may carry unused levels), kept for the inverse transform.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>Index of the first dummy of this variable in the dummy block.</summary>
    public int FirstDummy { get; }

    /// <summary>Modality text → position in <see cref="Modalities"/>.</summary>
    public IReadOnlyDictionary<string, int> ModalityIndex { get; }

    public int ModalityCount => Modalities.Length;
}
