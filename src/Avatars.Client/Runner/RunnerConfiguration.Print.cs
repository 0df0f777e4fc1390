namespace Avatars.Client;

/// <summary><c>print_parameters</c> (sdk.md §4.7).</summary>
public sealed partial class RunnerConfiguration
{
    /// <summary>
    /// Writes the parameters of one table, or of every table when <paramref name="tableName"/> is null: per table the
    /// headers of the vendor (<c>--- Avatarization parameters for t: ---</c>, or <c>Avatarization DP parameters</c>
    /// for DP tables; <c>Time series parameters</c> when present; <c>Privacy metrics</c>; <c>Signal metrics</c>),
    /// each followed by the entry as indented JSON (nulls included; <c>{}</c> when the table has no such entry)
    /// and a blank line.
    /// </summary>
    /// <param name="tableName">The table, or null for all tables.</param>
    /// <param name="writer">The destination (default <see cref="Console.Out"/>).</param>
    /// <exception cref="ArgumentException">The table is unknown (the vendor's message).</exception>
    public void PrintParameters(string? tableName = null, TextWriter? writer = null)
    {
        writer ??= Console.Out;
        if (tableName is null)
        {
            foreach (var table in Config.TableNames)
            {
                PrintParameters(table, writer);
            }

            return;
        }

        if (!Config.HasTable(tableName))
        {
            throw new ArgumentException($"Expected table '{tableName}' to be created. Try running it first.");
        }

        var dp = Config.GetAvatarizationDp(tableName);
        if (Config.GetAvatarization(tableName) is null && dp is not null)
        {
            Section(writer, $"--- Avatarization DP parameters for {tableName}: ---", ParametersJson.Of(dp));
        }
        else
        {
            Section(writer, $"--- Avatarization parameters for {tableName}: ---", ParametersJson.Of(Config.GetAvatarization(tableName)));
        }

        if (Config.GetTimeSeries(tableName) is { } timeSeries)
        {
            Section(writer, $"--- Time series parameters for {tableName}: ---", ParametersJson.Of(timeSeries));
        }

        Section(writer, $"--- Privacy metrics for {tableName}: ---", ParametersJson.Of(Config.GetPrivacyMetrics(tableName)));
        Section(writer, $"--- Signal metrics for {tableName}: ---", ParametersJson.Of(Config.GetSignalMetrics(tableName)));
    }

    private static void Section(TextWriter writer, string header, string json)
    {
        writer.Write(header);
        writer.Write('\n');
        writer.Write(json);
        writer.Write("\n\n");
    }
}
