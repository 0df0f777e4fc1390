namespace Avatars.Data.Inference;

/// <summary>
/// The texts that mark a missing value, looked up from spans without allocating. Most cells are
/// rejected by their length or first character before any hashing.
/// </summary>
internal sealed class MissingValueSet
{
    private readonly HashSet<string> set;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly bool emptyIsMissing;
    private readonly int maxLength;
    private readonly bool[] asciiFirst = new bool[128];
    private readonly bool nonAsciiFirst;

    public MissingValueSet(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            if (value.Length == 0)
            {
                emptyIsMissing = true;
                continue;
            }

            set.Add(value);
            maxLength = Math.Max(maxLength, value.Length);
            if (value[0] < 128)
            {
                asciiFirst[value[0]] = true;
            }
            else
            {
                nonAsciiFirst = true;
            }
        }

        lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The default set (<see cref="TableReadOptions.DefaultMissingValues"/>).</summary>
    public static MissingValueSet Default { get; } = new(TableReadOptions.DefaultMissingValues);

    /// <summary>True when the text marks a missing value.</summary>
    public bool IsMissing(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return emptyIsMissing;
        }

        if (text.Length > maxLength)
        {
            return false;
        }

        var first = text[0];
        if (first < 128 ? !asciiFirst[first] : !nonAsciiFirst)
        {
            return false;
        }

        return lookup.Contains(text);
    }
}
