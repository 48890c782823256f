using System.Globalization;

namespace Vigil.Cli.Commands;

/// <summary>Durations as people type them: 90s, 30m, 2h, 1d (a bare number is seconds).</summary>
internal static class DurationText
{
    public static TimeSpan Parse(string text, string option)
    {
        var trimmed = text.Trim();
        var unit = trimmed.Length > 0 && char.IsLetter(trimmed[^1]) ? char.ToLowerInvariant(trimmed[^1]) : 's';
        var number = char.IsLetter(trimmed.LastOrDefault()) ? trimmed[..^1] : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
        {
            throw new ArgumentException($"{option} needs a duration such as 90s, 30m, 2h or 1d, not \"{text}\"");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => throw new ArgumentException($"{option} needs a duration such as 90s, 30m, 2h or 1d, not \"{text}\""),
        };
    }

    public static string Format(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays}d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours}h"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes}m"
        : $"{span.TotalSeconds:0.#}s";
}
