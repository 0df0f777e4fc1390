namespace Avatars.Engine.Avatarization;

/// <summary>The stages of an avatarization, in order.</summary>
public enum AvatarizationStage
{
    /// <summary>Validation, type encoding, missing-value indicators and imputation.</summary>
    Prepare,

    /// <summary>Fitting the projection (FAMD / PCA / MCA).</summary>
    Fit,

    /// <summary>Projecting every individual onto the first <c>ncp</c> components.</summary>
    Transform,

    /// <summary>Finding each individual's k nearest other individuals.</summary>
    Neighbors,

    /// <summary>Drawing the weights and building each avatar as a weighted barycentre.</summary>
    Synthesis,

    /// <summary>Rounding, type and missing-value restoration, excluded variables, shuffling.</summary>
    Finalize,
}

/// <summary>Progress of an avatarization: the current stage and the fraction of it that is done.</summary>
/// <param name="Stage">The current stage.</param>
/// <param name="Fraction">Completed fraction of the stage, 0 to 1.</param>
public readonly record struct AvatarizationProgress(AvatarizationStage Stage, double Fraction);
