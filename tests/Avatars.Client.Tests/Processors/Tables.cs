using Avatars.Data;
using Microsoft.Extensions.Logging;

namespace Avatars.Client.Tests.Processors;

/// <summary>Small hand-built tables for the processor and lib tests.</summary>
internal static class Tables
{
    public static Table Of(params Column[] columns) => new(columns, "test");

    public static FloatColumn Float(string name, params double[] values) => new(name, values);

    public static IntColumn Int(string name, params long[] values) => new(name, values);

    public static CategoryColumn Cat(string name, params string?[] values) => CategoryColumn.FromValues(name, values);

    public static BoolColumn Bool(string name, params bool[] values) => new(name, values);

    public static DateTimeColumn Dates(string name, params DateTime[] values) => new(name, values.Select(v => v.Ticks).ToArray());

    /// <summary>The values of a numeric column as doubles (NaN = missing).</summary>
    public static double[] Doubles(this Table table, string name)
    {
        var column = table[name];
        return Enumerable.Range(0, column.Length)
            .Select(r => column.GetValue(r) switch
            {
                null => double.NaN,
                double d => d,
                long l => l,
                bool b => b ? 1 : 0,
                var other => throw new InvalidOperationException($"Column {name} holds {other.GetType()}"),
            })
            .ToArray();
    }

    /// <summary>The values of a column as text (null = missing).</summary>
    public static IEnumerable<string?> Texts(this Table table, string name)
    {
        var column = table[name];
        return Enumerable.Range(0, column.Length).Select(column.FormatValue).ToArray();
    }

    public static void Near(double[] expected, double[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"row {i}: expected NaN, got {actual[i]}");
            }
            else
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"row {i}: expected {expected[i]}, got {actual[i]}");
            }
        }
    }

    /// <summary>True when two tables have the same columns, types and values.</summary>
    public static void Same(Table expected, Table actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        foreach (var column in expected.Columns)
        {
            Assert.Equal(column.Type, actual[column.Name].Type);
            Assert.Equal(expected.Texts(column.Name), actual.Texts(column.Name));
        }
    }
}

/// <summary>Records log messages.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}
