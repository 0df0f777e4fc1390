namespace Avatars.Data.IO.Csv;

/// <summary>
/// Detects the delimiter of a CSV text among <c>,</c> <c>;</c> tab and <c>|</c> from its header and first
/// lines. Delimiters inside double quotes are not counted. The delimiter that splits the header and
/// splits the most following lines into the same number of fields wins; then the one that gives the most
/// fields; then the first in the list above.
/// </summary>
internal static class DelimiterDetector
{
    /// <summary>The delimiters that are detected, in order of preference.</summary>
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    private const int MaxRecords = 21;

    /// <summary>Detects the delimiter.</summary>
    /// <param name="text">The start of the file.</param>
    /// <param name="complete">True when <paramref name="text"/> is the whole file (so an unterminated last line is complete).</param>
    /// <returns>The delimiter (',' when none of them splits the header) and the number of header fields it gives.</returns>
    public static (char Delimiter, int HeaderFields) Detect(ReadOnlySpan<char> text, bool complete)
    {
        var records = CountRecords(text, complete);
        if (records.Count == 0)
        {
            return (',', 1);
        }

        var header = records[0];
        var dataCount = records.Count - 1;
        var best = -1;
        var bestFraction = -1.0;
        for (var c = 0; c < Candidates.Length; c++)
        {
            if (header[c] == 0)
            {
                continue;
            }

            var matches = 0;
            for (var r = 1; r < records.Count; r++)
            {
                if (records[r][c] == header[c])
                {
                    matches++;
                }
            }

            var fraction = dataCount == 0 ? 1.0 : matches / (double)dataCount;
            if (best < 0 || fraction > bestFraction || (fraction == bestFraction && header[c] > header[best]))
            {
                best = c;
                bestFraction = fraction;
            }
        }

        return best < 0 ? (',', 1) : (Candidates[best], header[best] + 1);
    }

    /// <summary>Counts each candidate outside quotes in the first non-empty records.</summary>
    private static List<int[]> CountRecords(ReadOnlySpan<char> text, bool complete)
    {
        var records = new List<int[]>();
        var counts = new int[Candidates.Length];
        var inQuotes = false;
        var length = 0;
        for (var i = 0; i < text.Length && records.Count < MaxRecords; i++)
        {
            var ch = text[i];
            if (ch == '"')
            {
                inQuotes = !inQuotes;
                length++;
                continue;
            }

            if (!inQuotes && ch is '\n' or '\r')
            {
                if (length > 0)
                {
                    records.Add(counts);
                    counts = new int[Candidates.Length];
                    length = 0;
                }

                continue;
            }

            length++;
            if (!inQuotes)
            {
                var index = Array.IndexOf(Candidates, ch);
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }

        if (complete && length > 0 && records.Count < MaxRecords)
        {
            records.Add(counts);
        }

        return records;
    }
}
