using System.Globalization;

namespace Avatars.Data.Tests.IO;

/// <summary>
/// Reading and writing never depend on the current culture. The repository builds with
/// InvariantGlobalization=true, where "fr-FR" cannot be created (or has invariant data), so a real
/// fr-FR test would prove nothing. These tests then install a custom culture with French conventions
/// (decimal comma, narrow no-break space group separator, U+2212 minus, 'h' as time separator) as the
/// current culture: any culture-sensitive parse or format breaks under it. Real fr-FR is used when
/// the runtime has it.
/// </summary>
public class CultureTests
{
    private static CultureInfo FrenchLike()
    {
        try
        {
            var french = CultureInfo.GetCultureInfo("fr-FR");
            if (french.NumberFormat.NumberDecimalSeparator == ",")
            {
                return french;
            }
        }
        catch (CultureNotFoundException)
        {
            // invariant globalization: fall through to the look-alike
        }

        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = "\u202F";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        culture.DateTimeFormat.DateSeparator = "/";
        culture.DateTimeFormat.TimeSeparator = "h";
        return culture;
    }

    private static async Task WithCultureAsync(Func<Task> action)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = FrenchLike();
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the trap is armed
            await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public Task Numbers_and_dates_are_read_culture_invariant() => WithCultureAsync(() =>
    {
        var table = Io.Csv("f,i,d\n1.5,-3,2020-01-31 10:00:00\n.2,4,2020-02-01 00:00:00\n-3e-4,5,\n");

        Assert.Equal([1.5, 0.2, -3e-4], Assert.IsType<FloatColumn>(table["f"]).Values.ToArray());
        Assert.Equal([-3L, 4L, 5L], Assert.IsType<IntColumn>(table["i"]).Values.ToArray());
        Assert.Equal(new DateTime(2020, 1, 31, 10, 0, 0), Assert.IsType<DateTime>(table["d"].GetValue(0)));
        return Task.CompletedTask;
    });

    [Fact]
    public Task Numbers_and_dates_are_written_culture_invariant() => WithCultureAsync(async () =>
    {
        var table = new Table(
        [
            new FloatColumn("f", [1.5, -1234567.25, 3]),
            new IntColumn("i", [-1234567, 2, 3]),
            new DateTimeColumn("d", [new DateTime(2020, 1, 31, 10, 30, 0).Ticks, new DateTime(2020, 2, 1).Ticks, new DateTime(2021, 12, 24, 23, 59, 59).Ticks]),
        ]);
        using var stream = new MemoryStream();

        await TableWriter.WriteCsvAsync(table, stream, Io.Ct);

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(
            "f,i,d\n1.5,-1234567,2020-01-31 10:30:00\n-1234567.25,2,2020-02-01 00:00:00\n3.0,3,2021-12-24 23:59:59\n",
            text.ReplaceLineEndings("\n"));
    });
}
