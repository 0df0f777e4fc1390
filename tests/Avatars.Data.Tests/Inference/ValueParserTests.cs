using Avatars.Data.Inference;

namespace Avatars.Data.Tests.Inference;

public class ValueParserTests
{
    [Theory]
    [InlineData("1", 1L)]
    [InlineData("-3", -3L)]
    [InlineData("+5", 5L)]
    [InlineData(" 7 ", 7L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integers_parse(string text, long expected)
    {
        Assert.True(ValueParser.TryParseInt(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("1,000")]
    [InlineData("0x10")]
    [InlineData("9223372036854775808")]
    [InlineData("one")]
    public void Non_integers_do_not_parse_as_int(string text) => Assert.False(ValueParser.TryParseInt(text, out _));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".2", 0.2)]
    [InlineData("-3e-4", -3e-4)]
    [InlineData("1.", 1.0)]
    [InlineData("+.5", 0.5)]
    [InlineData("1E+20", 1e20)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("42", 42.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void Floats_parse_culture_invariant(string text, double expected)
    {
        Assert.True(ValueParser.TryParseFloat(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.5.2")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("0x1")]
    [InlineData("1_000")]
    [InlineData("2020-01-31")]
    public void Non_numbers_do_not_parse_as_float(string text) => Assert.False(ValueParser.TryParseFloat(text, out _));

    [Theory]
    [InlineData("3.0", 3L)]
    [InlineData("1e3", 1000L)]
    [InlineData("-2", -2L)]
    public void Integral_accepts_whole_reals(string text, long expected)
    {
        Assert.True(ValueParser.TryParseIntegral(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e30")]
    [InlineData("inf")]
    public void Integral_rejects_fractions_and_overflow(string text) => Assert.False(ValueParser.TryParseIntegral(text, out _));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData(" False ", false)]
    public void Booleans_parse_in_any_case(string text, bool expected)
    {
        Assert.True(ValueParser.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("t")]
    [InlineData("")]
    public void Other_texts_are_not_inferred_as_bool(string text) => Assert.False(ValueParser.TryParseBool(text, out _));

    [Fact]
    public void Lenient_bool_also_accepts_one_and_zero()
    {
        Assert.True(ValueParser.TryParseBoolLenient("1", out var one) && one);
        Assert.True(ValueParser.TryParseBoolLenient("0", out var zero) && !zero);
        Assert.False(ValueParser.TryParseBoolLenient("2", out _));
    }

    [Theory]
    [InlineData("2020-01-31", 2020, 1, 31, 0, 0, 0, 0L)]
    [InlineData("2020-01-31 10:00:00", 2020, 1, 31, 10, 0, 0, 0L)]
    [InlineData("2020-01-31T10:00:00", 2020, 1, 31, 10, 0, 0, 0L)]
    [InlineData("2020-01-31t10:20", 2020, 1, 31, 10, 20, 0, 0L)]
    [InlineData("2020-01-31 10:00:05.5", 2020, 1, 31, 10, 0, 5, 5_000_000L)]
    [InlineData("2020-01-31T10:00:05.1234567", 2020, 1, 31, 10, 0, 5, 1_234_567L)]
    [InlineData("2020-01-31T10:00:05.123456789", 2020, 1, 31, 10, 0, 5, 1_234_567L)]
    [InlineData("2020-02-29 23:59:59", 2020, 2, 29, 23, 59, 59, 0L)]
    [InlineData(" 1999-12-31 ", 1999, 12, 31, 0, 0, 0, 0L)]
    public void Naive_iso_timestamps_parse(string text, int y, int mo, int d, int h, int mi, int s, long fractionTicks)
    {
        Assert.Equal(TimestampKind.Naive, ValueParser.TryParseTimestamp(text, out var ticks, out var offset));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s).Ticks + fractionTicks, ticks);
        Assert.Equal(TimeSpan.Zero, offset);
    }

    [Theory]
    [InlineData("2020-01-31T10:00:00Z", 0, 0)]
    [InlineData("2020-01-31 10:00:00z", 0, 0)]
    [InlineData("2020-01-31T10:00:00+01:00", 1, 0)]
    [InlineData("2020-01-31T10:00:00-0530", -5, -30)]
    [InlineData("2020-01-31T10:00:00.25+02", 2, 0)]
    public void Zoned_timestamps_parse_to_utc_ticks(string text, int offsetHours, int offsetMinutes)
    {
        var expectedOffset = new TimeSpan(offsetHours, offsetMinutes, 0);
        var expected = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimestampKind.Zoned, ValueParser.TryParseTimestamp(text, out var ticks, out var offset));
        Assert.Equal(expectedOffset, offset);
        Assert.Equal(expected.UtcTicks, ticks);
    }

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("2019-02-29")]
    [InlineData("2020-13-01")]
    [InlineData("2020-00-10")]
    [InlineData("2020-1-5")]
    [InlineData("20200131")]
    [InlineData("31/01/2020")]
    [InlineData("2020-01-31T25:00")]
    [InlineData("2020-01-31T10:60")]
    [InlineData("2020-01-31T10")]
    [InlineData("2020-01-31 10:00:00 +01:00")]
    [InlineData("2020-01-31Z")]
    [InlineData("2020-01-31T10:00:00+15:00")]
    [InlineData("2020-01-31T10:00:00.")]
    [InlineData("2020-01-31x")]
    [InlineData("")]
    public void Invalid_timestamps_do_not_parse(string text) =>
        Assert.Equal(TimestampKind.None, ValueParser.TryParseTimestamp(text, out _, out _));

    [Fact]
    public void Missing_value_set_matches_exact_texts_only()
    {
        var set = MissingValueSet.Default;
        foreach (var text in TableReadOptions.DefaultMissingValues)
        {
            Assert.True(set.IsMissing(text), text);
        }

        Assert.False(set.IsMissing(" NA"));
        Assert.False(set.IsMissing("na"));
        Assert.False(set.IsMissing("NAN"));
        Assert.False(set.IsMissing("0"));
        Assert.False(set.IsMissing("Nothing"));

        var custom = new MissingValueSet(["-", "é?"]);
        Assert.True(custom.IsMissing("-"));
        Assert.True(custom.IsMissing("é?"));
        Assert.False(custom.IsMissing(string.Empty));
        Assert.False(custom.IsMissing("NA"));
    }
}
