using System.Reflection;
using PdfSharp.Fonts;

namespace Avatars.Engine.Reporting.Report;

/// <summary>
/// PDFsharp font resolver serving Liberation Sans 2.1.5 (SIL Open Font License 1.1) from resources embedded
/// in this assembly, so that PDF generation never depends on the fonts installed on the machine.
/// Every family name resolves to Liberation Sans (regular or bold); italic is simulated.
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    /// <summary>Family name to use in <c>XFont</c> for the report font.</summary>
    public const string FamilyName = "Liberation Sans";

    private const string RegularFace = "LiberationSans-Regular";
    private const string BoldFace = "LiberationSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _ensured;

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, false, italic);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Load("LiberationSans-Regular.ttf"),
        BoldFace => Load("LiberationSans-Bold.ttf"),
        _ => null,
    };

    /// <summary>
    /// Installs this resolver as <see cref="GlobalFontSettings.FontResolver"/> once per process (thread-safe).
    /// If the host application already installed a resolver, it is kept: PDFsharp forbids replacing it, and the
    /// host's resolver must then resolve the family <see cref="FamilyName"/>.
    /// </summary>
    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref _ensured))
        {
            return;
        }

        lock (Gate)
        {
            if (_ensured)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                try
                {
                    GlobalFontSettings.FontResolver = new ReportFontResolver();
                }
                catch (InvalidOperationException)
                {
                    // PDFsharp was already used in this process with its own font settings; they stay in force.
                }
            }

            Volatile.Write(ref _ensured, true);
        }
    }

    private static byte[] Load(string file)
    {
        string name = "Avatars.Engine.Reporting.Report.Fonts." + file;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Embedded font resource not found: " + name);
        using var ms = new MemoryStream((int)stream.Length);
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
