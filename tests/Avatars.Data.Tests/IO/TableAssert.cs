using System.Text;

namespace Avatars.Data.Tests.IO;

/// <summary>Helpers for the table I/O tests.</summary>
internal static class Io
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Reads CSV text (UTF-8) through the stream API.</summary>
    public static Table Csv(string text, TableReadOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return TableReader.ReadCsv(stream, options);
    }

    /// <summary>Reads CSV text and expects an error; returns it.</summary>
    public static TableFormatException CsvError(string text, TableReadOptions? options = null) =>
        Assert.Throws<TableFormatException>(() => Csv(text, options));

    public static TableReadOptions Types(params (string Name, ColumnType Type)[] types) =>
        new() { Types = types.ToDictionary(t => t.Name, t => t.Type) };

    /// <summary>Asserts same names, types, missing cells and values (floats bit-exact, timestamps to the tick, zoned offsets equal).</summary>
    public static void Equal(Table expected, Table actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var c = 0; c < expected.ColumnCount; c++)
        {
            var e = expected[c];
            var a = actual[c];
            Assert.True(e.Type == a.Type, $"column '{e.Name}': expected {e.Type}, got {a.Type}");
            if (e is DateTimeColumn ed && a is DateTimeColumn ad)
            {
                Assert.Equal(ed.Offset, ad.Offset);
            }

            for (var r = 0; r < expected.RowCount; r++)
            {
                Assert.True(e.IsMissing(r) == a.IsMissing(r), $"column '{e.Name}', row {r}: missing {e.IsMissing(r)} vs {a.IsMissing(r)}");
                if (e.IsMissing(r))
                {
                    continue;
                }

                var ev = e.GetValue(r);
                var av = a.GetValue(r);
                if (ev is double x && av is double y)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y), $"column '{e.Name}', row {r}: {x:R} vs {y:R}");
                }
                else if (ev is DateTimeOffset eo && av is DateTimeOffset ao)
                {
                    Assert.Equal(eo.UtcTicks, ao.UtcTicks);
                    Assert.Equal(eo.Offset, ao.Offset);
                }
                else
                {
                    Assert.True(Equals(ev, av), $"column '{e.Name}', row {r}: {ev} vs {av}");
                }
            }
        }
    }

    /// <summary>A temporary folder deleted at dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "avatars-io-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public string Write(string name, string text)
        {
            var path = File(name);
            System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
