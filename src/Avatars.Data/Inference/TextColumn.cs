using System.Runtime.CompilerServices;

namespace Avatars.Data.Inference;

/// <summary>
/// The raw text of one column, all cells in one growing character buffer (no string per cell). The CSV
/// reader fills one per column in a single streaming pass; types are inferred and values parsed from it
/// afterwards, column by column.
/// </summary>
internal sealed class TextColumn
{
    private char[] chars;
    private int charCount;
    private int[] ends;
    private int count;

    public TextColumn(int rowCapacity = 1024, int charCapacity = 8192)
    {
        chars = new char[Math.Max(16, charCapacity)];
        ends = new int[Math.Max(4, rowCapacity)];
    }

    /// <summary>The number of cells.</summary>
    public int Count => count;

    /// <summary>The text of a cell.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : ends[index - 1];
            return chars.AsSpan(start, ends[index] - start);
        }
    }

    /// <summary>A text column holding the given strings.</summary>
    public static TextColumn FromStrings(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = 0L;
        foreach (var value in values)
        {
            total += value.Length;
        }

        var column = new TextColumn(values.Count, (int)Math.Min(total, Array.MaxLength));
        foreach (var value in values)
        {
            column.Add(value);
        }

        return column;
    }

    /// <summary>The number of characters held.</summary>
    public int CharCount => charCount;

    /// <summary>Grows the buffers to hold at least this many cells and characters in total (never shrinks).</summary>
    public void EnsureCapacity(long cells, long characters)
    {
        cells = Math.Min(cells, Array.MaxLength);
        characters = Math.Min(characters, Array.MaxLength);
        if (cells > ends.Length)
        {
            Array.Resize(ref ends, (int)cells);
        }

        if (characters > chars.Length)
        {
            Array.Resize(ref chars, (int)characters);
        }
    }

    /// <summary>Removes all cells, keeping the buffers.</summary>
    public void Clear()
    {
        count = 0;
        charCount = 0;
    }

    /// <summary>Appends a cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<char> text)
    {
        var end = charCount + text.Length;
        if ((uint)end > (uint)chars.Length || count == ends.Length)
        {
            AddSlow(text);
            return;
        }

        text.CopyTo(chars.AsSpan(charCount, text.Length));
        charCount = end;
        ends[count++] = end;
    }

    /// <summary>Room for a cell of at most <paramref name="maxLength"/> characters; write into it, then call <see cref="Commit"/>.</summary>
    public Span<char> Reserve(int maxLength)
    {
        if ((long)charCount + maxLength > chars.Length)
        {
            Grow(maxLength);
        }

        return chars.AsSpan(charCount, maxLength);
    }

    /// <summary>Completes a cell written into the span given by <see cref="Reserve"/>.</summary>
    public void Commit(int length)
    {
        if (count == ends.Length)
        {
            Array.Resize(ref ends, Grow(ends.Length, count + 1));
        }

        charCount += length;
        ends[count++] = charCount;
    }

    private void AddSlow(ReadOnlySpan<char> text)
    {
        if (count == ends.Length)
        {
            Array.Resize(ref ends, Grow(ends.Length, count + 1));
        }

        if ((long)charCount + text.Length > chars.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(chars.AsSpan(charCount));
        charCount += text.Length;
        ends[count++] = charCount;
    }

    private void Grow(int extra)
    {
        var needed = (long)charCount + extra;
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException("A column holds more than 2 billion characters of text; split the file.");
        }

        Array.Resize(ref chars, Grow(chars.Length, (int)needed));
    }

    private static int Grow(int current, int needed) =>
        (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)current * 2));
}
