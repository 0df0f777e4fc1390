using System.Globalization;
using System.Text;

namespace Avatars.Server.Storage;

/// <summary>
/// NFC normalisation of file names (api.md §16.1). With ICU (<c>InvariantGlobalization</c> off) the runtime
/// normalises. In globalization-invariant mode the runtime returns strings unchanged, so names are accepted only when
/// NFC cannot change them: no combining mark, no conjoining Hangul jamo, no character whose canonical decomposition
/// is a singleton or excluded from composition (Unicode CompositionExclusions.txt). Other names are refused, never
/// stored under a second, differently-encoded key.
/// </summary>
internal static class UnicodeNfc
{
    private static readonly (int First, int Last)[] NotStableUnderNfc =
    [
        // Singleton decompositions.
        (0x0340, 0x0341), (0x0343, 0x0344), (0x0374, 0x0374), (0x037E, 0x037E), (0x0387, 0x0387),
        (0x1F71, 0x1F71), (0x1F73, 0x1F73), (0x1F75, 0x1F75), (0x1F77, 0x1F77), (0x1F79, 0x1F79), (0x1F7B, 0x1F7B),
        (0x1F7D, 0x1F7D), (0x1FBB, 0x1FBB), (0x1FBE, 0x1FBE), (0x1FC9, 0x1FC9), (0x1FCB, 0x1FCB), (0x1FD3, 0x1FD3),
        (0x1FDB, 0x1FDB), (0x1FE3, 0x1FE3), (0x1FEB, 0x1FEB), (0x1FEE, 0x1FEF), (0x1FF9, 0x1FF9), (0x1FFB, 0x1FFB),
        (0x1FFD, 0x1FFD), (0x2000, 0x2001), (0x2126, 0x2126), (0x212A, 0x212B), (0x2329, 0x232A),
        (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),

        // Composition exclusions (script-specific and post-composition-version).
        (0x0958, 0x095F), (0x09DC, 0x09DD), (0x09DF, 0x09DF), (0x0A33, 0x0A33), (0x0A36, 0x0A36), (0x0A59, 0x0A5B),
        (0x0A5E, 0x0A5E), (0x0B5C, 0x0B5D), (0x0F43, 0x0F43), (0x0F4D, 0x0F4D), (0x0F52, 0x0F52), (0x0F57, 0x0F57),
        (0x0F5C, 0x0F5C), (0x0F69, 0x0F69), (0x0F73, 0x0F73), (0x0F75, 0x0F79), (0x0F81, 0x0F81), (0x0F93, 0x0F93),
        (0x0F9D, 0x0F9D), (0x0FA2, 0x0FA2), (0x0FA7, 0x0FA7), (0x0FAC, 0x0FAC), (0x0FB9, 0x0FB9),
        (0xFB1D, 0xFB1D), (0xFB1F, 0xFB1F), (0xFB2A, 0xFB4E), (0x2ADC, 0x2ADC), (0x1D15E, 0x1D164), (0x1D1BB, 0x1D1C0),

        // Conjoining Hangul jamo (compose with preceding syllables or jamo).
        (0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF),
    ];

    /// <summary>True when the runtime normalises (ICU available, not globalization-invariant).</summary>
    public static bool RuntimeNormalizes { get; } = Probe();

    /// <summary>The NFC form of <paramref name="text"/>, or null when this runtime cannot compute it.</summary>
    public static string? TryNormalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (RuntimeNormalizes)
        {
            return text.Normalize(NormalizationForm.FormC);
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsStable(rune))
            {
                return null;
            }
        }

        return text;
    }

    /// <summary>True when <paramref name="text"/> is known to be in NFC.</summary>
    public static bool IsNormalized(string text) => TryNormalize(text) is { } normalized && string.Equals(normalized, text, StringComparison.Ordinal);

    private static bool IsStable(Rune rune)
    {
        if (rune.Value < 0x0300)
        {
            return true;
        }

        if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        foreach (var (first, last) in NotStableUnderNfc)
        {
            if (rune.Value >= first && rune.Value <= last)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Probe()
    {
        try
        {
            return "e\u0301".Normalize(NormalizationForm.FormC) == "\u00e9";
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }
}
