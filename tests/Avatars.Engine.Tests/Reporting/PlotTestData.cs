using System.Text.RegularExpressions;
using System.Xml.Linq;
using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Reporting.Plots;

namespace Avatars.Engine.Tests.Reporting;

/// <summary>Shared data and checks for the plot tests.</summary>
internal static partial class PlotTestData
{
    private static readonly Lazy<(Table Original, Table Avatars, IReadOnlyList<HtmlFigure> Figures)> Patients = new(() =>
    {
        var original = PatientTableGenerator.Generate(1_500, seed: 3);
        var result = Avatarizer.Avatarize(original, new AvatarizationOptions { K = 10, Seed = 1 });
        return (original, result.Avatars, FigureSet.BuildAll(original, result.Avatars));
    });

    public static Table Original => Patients.Value.Original;

    public static Table Avatars => Patients.Value.Avatars;

    /// <summary>Every figure of the patient table (built once).</summary>
    public static IReadOnlyList<HtmlFigure> Figures => Patients.Value.Figures;

    /// <summary>Parses the page as XML after removing the doctype and the script contents; throws when it is not well-formed.</summary>
    public static XDocument ParsePage(string html)
    {
        var withoutScripts = ScriptContent().Replace(html, "<script$1></script>");
        var withoutDoctype = withoutScripts.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal);
        return XDocument.Parse(withoutDoctype);
    }

    /// <summary>The inline SVG elements of a page, parsed.</summary>
    public static IReadOnlyList<XElement> Svgs(string html) =>
        ParsePage(html).Descendants("svg").ToArray();

    [GeneratedRegex("<script([^>]*)>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptContent();
}
