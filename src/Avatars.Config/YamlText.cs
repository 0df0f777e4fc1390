using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Avatars.Config;

/// <summary>A minimal YAML tree for the PyYAML-style emitter (block style, keys in insertion order).</summary>
internal abstract class YNode;

internal sealed class YScalar(string text) : YNode
{
    public string Text { get; } = text;

    public static YScalar Null { get; } = new("null");

    public static YScalar Str(string value) => new(YamlText.QuoteIfNeeded(value));

    public static YScalar Bool(bool value) => new(value ? "true" : "false");

    public static YScalar Int(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static YScalar Num(ConfigNumber value) => new(value.ToString());

    /// <summary>A two-number flow sequence written on the key's line (<c>[18, 80]</c>); PyYAML's block style has no such node.</summary>
    public static YScalar FlowPair(ConfigNumber first, ConfigNumber second) => new($"[{first}, {second}]");
}

internal sealed class YMap : YNode
{
    public List<(string Key, YNode Value)> Entries { get; } = [];

    public YMap Add(string key, YNode value)
    {
        Entries.Add((key, value));
        return this;
    }

    public YMap AddIf(string key, YNode? value)
    {
        if (value is not null)
        {
            Entries.Add((key, value));
        }

        return this;
    }

    public YMap AddIf(string key, string? value) => value is null ? this : Add(key, YScalar.Str(value));

    public YMap AddIf(string key, bool? value) => value is null ? this : Add(key, YScalar.Bool(value.Value));

    public YMap AddIf(string key, long? value) => value is null ? this : Add(key, YScalar.Int(value.Value));

    public YMap AddIf(string key, ConfigNumber? value) => value is null ? this : Add(key, YScalar.Num(value.Value));
}

internal sealed class YSeq : YNode
{
    public List<YNode> Items { get; } = [];
}

/// <summary>Emits <see cref="YNode"/> trees like PyYAML <c>safe_dump(indent=2, sort_keys=False)</c>.</summary>
internal static partial class YamlText
{
    public static string Emit(YNode root)
    {
        var sb = new StringBuilder();
        switch (root)
        {
            case YMap map:
                EmitMap(sb, map, 0, null);
                break;
            case YSeq seq:
                EmitSeq(sb, seq, 0);
                break;
            case YScalar s:
                sb.Append(s.Text).Append('\n');
                break;
        }

        return sb.ToString();
    }

    private static void EmitMap(StringBuilder sb, YMap map, int indent, string? firstPrefix)
    {
        var pad = new string(' ', indent);
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            sb.Append(first && firstPrefix is not null ? firstPrefix : pad);
            first = false;
            sb.Append(QuoteIfNeeded(key)).Append(':');
            switch (value)
            {
                case YScalar s:
                    sb.Append(' ').Append(s.Text).Append('\n');
                    break;
                case YMap { Entries.Count: 0 }:
                    sb.Append(" {}\n");
                    break;
                case YSeq { Items.Count: 0 }:
                    sb.Append(" []\n");
                    break;
                case YMap m:
                    sb.Append('\n');
                    EmitMap(sb, m, indent + 2, null);
                    break;
                case YSeq q:
                    sb.Append('\n');
                    EmitSeq(sb, q, indent);
                    break;
            }
        }
    }

    private static void EmitSeq(StringBuilder sb, YSeq seq, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in seq.Items)
        {
            switch (item)
            {
                case YScalar s:
                    sb.Append(pad).Append("- ").Append(s.Text).Append('\n');
                    break;
                case YMap { Entries.Count: 0 }:
                    sb.Append(pad).Append("- {}\n");
                    break;
                case YSeq { Items.Count: 0 }:
                    sb.Append(pad).Append("- []\n");
                    break;
                case YMap m:
                    EmitMap(sb, m, indent + 2, pad + "- ");
                    break;
                case YSeq q:
                    sb.Append(pad).Append("-\n");
                    EmitSeq(sb, q, indent + 2);
                    break;
            }
        }
    }

    /// <summary>A string scalar as PyYAML writes it: plain when unambiguous, else single-quoted; double-quoted with escapes for non-ASCII or control characters.</summary>
    public static string QuoteIfNeeded(string value)
    {
        if (value.Length == 0)
        {
            return "''";
        }

        if (value.Any(c => c > '~' || (c < ' ' && c != '\n') || c == '\n'))
        {
            return DoubleQuoted(value);
        }

        return NeedsQuotes(value) ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'" : value;
    }

    private static bool NeedsQuotes(string v)
    {
        if (ResolvesToNonString(v))
        {
            return true;
        }

        if (v[0] == ' ' || v[^1] == ' ')
        {
            return true;
        }

        if ("#,[]{}&*!|>'\"%@`".Contains(v[0], StringComparison.Ordinal))
        {
            return true;
        }

        if ((v[0] is '-' or '?' or ':') && (v.Length == 1 || v[1] == ' '))
        {
            return true;
        }

        if (v.StartsWith("---", StringComparison.Ordinal) || v.StartsWith("...", StringComparison.Ordinal))
        {
            return true;
        }

        return v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal) || v[^1] == ':';
    }

    private static bool ResolvesToNonString(string v) =>
        v is "~" or "null" or "Null" or "NULL" or "=" or "<<"
        || BoolRegex().IsMatch(v) || IntRegex().IsMatch(v) || FloatRegex().IsMatch(v) || TimestampRegex().IsMatch(v);

    private static string DoubleQuoted(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case 0:
                    sb.Append("\\0");
                    break;
                default:
                    if (c is >= ' ' and <= '~')
                    {
                        sb.Append((char)c);
                    }
                    else if (c <= 0xFF)
                    {
                        sb.Append("\\x").Append(c.ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else if (c <= 0xFFFF)
                    {
                        sb.Append("\\u").Append(c.ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append("\\U").Append(c.ToString("X8", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    // PyYAML (YAML 1.1) implicit resolvers.
    [GeneratedRegex("^(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolRegex();

    [GeneratedRegex(@"^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$")]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^([-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|\.[0-9_]+([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?(([ \t]*)Z|[-+][0-9]{1,2}(:[0-9]{2})?)?)$")]
    private static partial Regex TimestampRegex();
}
