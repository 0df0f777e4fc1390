namespace Avatars.Engine.Projection;

/// <summary>
/// The factorial method used to project a table, chosen from its column types (saiph dispatch, method.md §3.1):
/// continuous columns only → <see cref="Pca"/>; categorical columns only → <see cref="Mca"/>; both → <see cref="Famd"/>.
/// </summary>
public enum ProjectionKind
{
    /// <summary>Principal component analysis of standardised continuous columns.</summary>
    Pca,

    /// <summary>Multiple correspondence analysis of one-hot coded categorical columns.</summary>
    Mca,

    /// <summary>Factor analysis of mixed data: standardised continuous columns and centred, scaled dummies.</summary>
    Famd,
}
