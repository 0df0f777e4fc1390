using System.Globalization;
using Avatars.Data;

namespace Avatars.Cli.Commands;

/// <summary>Parses repeated <c>column=value</c> options (<c>--type</c>, <c>--column-weight</c>).</summary>
internal static class KeyValueParser
{
    /// <summary>Splits <c>name=value</c> at the last '=' (column names may contain '=').</summary>
    public static (string Key, string Value) Split(string text, string option)
    {
        var at = text.LastIndexOf('=');
        if (at <= 0 || at == text.Length - 1)
        {
            throw new CliUsageException($"{option} expects column=value, got '{text}'.");
        }

        return (text[..at], text[(at + 1)..]);
    }

    /// <summary>Parses <c>--type col=category</c> options.</summary>
    public static Dictionary<string, ColumnType> Types(IEnumerable<string> values)
    {
        var result = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
        foreach (var text in values)
        {
            var (column, type) = Split(text, "--type");
            if (!ColumnTypeNames.TryParse(type, out var parsed))
            {
                throw new CliUsageException($"--type {text}: unknown type '{type}'. Use one of: float, int, bool, category, datetime, datetime_tz.");
            }

            result[column] = parsed;
        }

        return result;
    }

    /// <summary>Parses <c>--column-weight col=2.5</c> options.</summary>
    public static Dictionary<string, double> Weights(IEnumerable<string> values)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in values)
        {
            var (column, weight) = Split(text, "--column-weight");
            if (!double.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new CliUsageException($"--column-weight {text}: '{weight}' is not a number (use a dot as decimal separator, e.g. {column}=2.5).");
            }

            result[column] = parsed;
        }

        return result;
    }
}

/// <summary>A command-line mistake; the message is shown as is.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
