using System.Text.Json.Nodes;
using Avatars.Client.Models;
using Avatars.Data;

namespace Avatars.Client.Tests.Results;

/// <summary>The vendor's tests/unit/test_results_organizer.py, adapted (sdk.md §8.3, §8.4).</summary>
public sealed class ResultsOrganizerTests
{
    private static readonly Table Frame = new([new IntColumn("a", [1, 2])], "t");

    private static IReadOnlyList<JsonObject> Metrics(string table) =>
        [new JsonObject { ["hidden_rate"] = 90, ["metadata"] = new JsonObject { ["table_name"] = table } }];

    [Fact]
    public void Set_and_get_round_trip_for_every_stored_kind()
    {
        var organizer = new ResultsOrganizer();
        foreach (var kind in new[] { ResultKind.Shuffled, ResultKind.Unshuffled, ResultKind.ProjectionsOriginal, ResultKind.ProjectionsAvatars })
        {
            Assert.Null(organizer.GetResults("t", kind));
            organizer.SetResults("t", Frame, kind);
            Assert.Same(Frame, organizer.GetResults("t", kind));
        }

        organizer.SetResults("t", Metrics("t"), ResultKind.PrivacyMetrics);
        organizer.SetResults("t", Metrics("t"), ResultKind.PrivacyMetrics);
        Assert.Equal(2, Assert.IsAssignableFrom<IReadOnlyList<JsonObject>>(organizer.GetResults("t", ResultKind.PrivacyMetrics)).Count);
        organizer.SetResults("t", Metrics("t"), ResultKind.SignalMetrics);
        Assert.Single(organizer.SignalMetrics["t"]);

        var figure = new HtmlFigure("<div>Test</div>");
        organizer.SetResults("t", figure, ResultKind.Figures, new JsonObject { ["kind"] = "2d_projection", ["table_name"] = "t" });
        organizer.SetResults("t", figure, ResultKind.Figures, new JsonObject { ["kind"] = "not_a_plot", ["table_name"] = "t" });
        var figures = Assert.IsAssignableFrom<IReadOnlyDictionary<PlotKind, IReadOnlyList<HtmlFigure>>>(organizer.GetResults("t", ResultKind.Figures));
        Assert.Equal(PlotKind.Projection2D, Assert.Single(figures).Key);

        organizer.SetResults("t", new JsonObject[] { new() { ["table_name"] = "t", ["advice"] = new JsonObject { ["parameters"] = new JsonObject { ["k"] = 20 } } } }, ResultKind.Advice);
        Assert.Equal(20, ((JsonObject)organizer.GetResults("t", ResultKind.Advice)!)["k"]!.GetValue<int>());
        organizer.SetResults("u", new JsonObject[] { new() { ["table_name"] = "u", ["advice"] = new JsonObject { ["k"] = 7 } } }, ResultKind.Advice);
        Assert.Equal(7, organizer.Advice["u"]["k"]!.GetValue<int>());

        organizer.SetResults(string.Empty, new JsonObject[] { new() { ["seed"] = 1 } }, ResultKind.Metadata, new JsonObject { ["kind"] = "privacy_metrics" });
        Assert.Null(organizer.GetResults("t", ResultKind.Metadata, JobKind.Standard));
        Assert.NotNull(organizer.GetResults("t", ResultKind.Metadata, JobKind.PrivacyMetrics));

        organizer.Clear(ResultKind.PrivacyMetrics);
        Assert.Null(organizer.GetResults("t", ResultKind.PrivacyMetrics));
    }

    [Fact]
    public void Values_of_the_wrong_shape_and_unstored_kinds_are_refused()
    {
        var organizer = new ResultsOrganizer();
        Assert.Equal("Expected result to be a DataFrame", Assert.Throws<ArgumentException>(() => organizer.SetResults("t", "text", ResultKind.Shuffled)).Message);
        Assert.Throws<ArgumentException>(() => organizer.SetResults("t", new HtmlFigure("x"), ResultKind.Figures));
        Assert.Throws<ArgumentException>(() => organizer.SetResults("t", Frame, ResultKind.Report));
        Assert.StartsWith("Expected result_name to be one of [", Assert.Throws<ArgumentException>(() => organizer.GetResults("t", ResultKind.ReportImages)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_names_are_unescaped_on_set_and_get()
    {
        Assert.Equal("table.name/test", ResultTableNames.Unescape("table_dot_name_slash_test"));
        Assert.Equal("iris_$*'@!?:;=[]()-_/.&+", ResultTableNames.Unescape("iris_$*'@!?:;=[]()-__slash__dot__ampersand__plus_"));
        var organizer = new ResultsOrganizer();
        organizer.SetResults("table_dot_name_slash_test", Frame, ResultKind.Shuffled);
        Assert.True(organizer.Shuffled.ContainsKey("table.name/test"));
        Assert.Same(Frame, organizer.GetResults("table_dot_name_slash_test", ResultKind.Shuffled));
    }

    [Fact]
    public void Files_are_routed_to_their_table()
    {
        Assert.Equal("iris", ResultsOrganizer.GetTableName(ResultKind.Shuffled, "iris.shuffled-0.csv", Frame));
        Assert.Equal("iris", ResultsOrganizer.GetTableName(ResultKind.ProjectionsOriginal, "iris.projections.original-0.csv", Frame));
        Assert.Equal("a.b", ResultsOrganizer.GetTableName(ResultKind.Unshuffled, "a_dot_b.unshuffled-2.csv", Frame));
        Assert.Equal("patient", ResultsOrganizer.GetTableName(ResultKind.PrivacyMetrics, "patient.to_top_enriched.privacy.json", Metrics("patient")));
        Assert.Equal("p", ResultsOrganizer.GetTableName(ResultKind.Figures, "p.2d_projection.html", new HtmlFigure(""), new JsonObject { ["table_name"] = "p" }));
        Assert.Equal("t", ResultsOrganizer.GetTableName(ResultKind.Advice, "advice.json", new JsonObject[] { new() { ["table_name"] = "t" } }));
        Assert.Null(ResultsOrganizer.GetTableName(ResultKind.Report, "report.pdf", null));
        var empty = Assert.Throws<ArgumentException>(() => ResultsOrganizer.GetTableName(ResultKind.SignalMetrics, "t.signal.json", Array.Empty<JsonObject>()));
        Assert.Equal("Expected result to be a list with at least one item for METRICS", empty.Message);
        Assert.Equal(3, ResultTableNames.ChunkIndex("iris.shuffled-3.csv"));
    }
}
