using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>
/// Reads how many people a phrase counts: digits ("12", "1,500"), words ("twelve", "twenty-five", "a", "one"),
/// vague quantities ("dozens", "hundreds", "several") and the qualifiers reports put before them ("at least",
/// "more than", "up to", "about", "6-15", "between 6 and 15"). Written by hand because no .NET library reads English
/// number words with the hedges that casualty reports use.
/// </summary>
public static partial class CountParser
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["single"] = 1,
        ["lone"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["dozen"] = 12,
        ["both"] = 2,
        ["couple"] = 2,
        ["pair"] = 2,
    };

    /// <summary>Vague quantities as (low, best, high): what analysts conventionally code for them.</summary>
    private static readonly Dictionary<string, (int Low, int Best, int? High)> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = (24, 36, 99),
        ["scores"] = (40, 60, 99),
        ["hundreds"] = (200, 300, 999),
        ["thousands"] = (2000, 3000, 9999),
        ["tens"] = (20, 30, 99),
        ["several"] = (3, 4, 9),
        ["few"] = (2, 3, 5),
        ["some"] = (2, 3, null),
        ["multiple"] = (2, 3, null),
        ["numerous"] = (3, 5, null),
        ["many"] = (5, 10, null),
    };

    /// <summary>A count phrase: an optional qualifier, then a number, a number word, a range or a vague quantity.</summary>
    public const string Pattern =
        @"(?:(?<q>at\s+least|more\s+than|over|nearly|almost|about|around|approximately|some|up\s+to|as\s+many\s+as|at\s+most|fewer\s+than|less\s+than|an\s+estimated|a\s+total\s+of|between)\s+)?" +
        @"(?<n>\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a\s+dozen|a\s+couple\s+of|a\s+few|dozens(?:\s+of)?|scores(?:\s+of)?|hundreds(?:\s+of)?|thousands(?:\s+of)?|tens\s+of|several|numerous|multiple|both|a|an|single|lone)" +
        @"(?:\s*(?:-|–|to|and)\s*(?<hi>\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)))?";

    [GeneratedRegex(@"^\s*" + Pattern + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeCount();

    /// <summary>A count at the start of a phrase ("three soldiers", "at least 12 people").</summary>
    [GeneratedRegex(@"^\s*" + Pattern + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex LeadingCount();

    /// <summary>Parses a whole phrase such as "at least 12" or "dozens of"; null when it is not a count.</summary>
    public static CasualtyCount? Parse(string phrase)
    {
        var match = WholeCount().Match(phrase);
        return match.Success ? FromMatch(match) : null;
    }

    /// <summary>Builds a count from a match of <see cref="Pattern"/> (groups q, n, hi).</summary>
    public static CasualtyCount? FromMatch(Match match)
    {
        var numberText = Regex.Replace(match.Groups["n"].Value.ToLowerInvariant(), @"\s+", " ");
        var qualifier = Regex.Replace(match.Groups["q"].Value.ToLowerInvariant(), @"\s+", " ");
        var highText = match.Groups["hi"].Success ? match.Groups["hi"].Value : null;

        var vagueKey = numberText.Replace(" of", string.Empty, StringComparison.Ordinal).Replace("a few", "few", StringComparison.Ordinal);
        if (Vague.TryGetValue(vagueKey, out var vague))
        {
            return new CasualtyCount(vague.Low, vague.Best, vague.High);
        }

        var value = NumberValue(numberText);
        if (value is null)
        {
            return null;
        }

        if (highText is not null && NumberValue(highText) is { } high && high > value)
        {
            return new CasualtyCount(value.Value, value.Value, high);
        }

        return qualifier switch
        {
            // "More than 40" confirms 40 and no more: the figure stated is the lowest one confirmed, as with "at least".
            "at least" or "an estimated" or "more than" or "over" => new CasualtyCount(value.Value, value.Value, null),
            "nearly" or "almost" => new CasualtyCount(Math.Max(1, value.Value * 8 / 10), value.Value, value.Value),
            "up to" or "as many as" or "at most" => new CasualtyCount(1, value.Value, value.Value),
            "fewer than" or "less than" => new CasualtyCount(1, Math.Max(1, value.Value - 1), value.Value - 1),
            _ => new CasualtyCount(value.Value, value.Value, value.Value),
        };
    }

    /// <summary>The value of digits or number words ("1,500", "twenty-five", "a dozen", "a couple of"); null otherwise.</summary>
    public static int? NumberValue(string text)
    {
        text = text.Trim().ToLowerInvariant();
        if (text.Length > 0 && char.IsDigit(text[0]))
        {
            return int.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits : null;
        }

        if (text is "a dozen")
        {
            return 12;
        }

        if (text is "a couple of")
        {
            return 2;
        }

        var total = 0;
        foreach (var part in text.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Units.TryGetValue(part, out var unit))
            {
                return null;
            }

            total += unit;
        }

        return total > 0 ? total : null;
    }

    /// <summary>Adds two counts of different groups of people ("2 soldiers and 3 civilians").</summary>
    public static CasualtyCount Add(CasualtyCount a, CasualtyCount b) =>
        new(a.Low + b.Low, a.Best + b.Best, a.High is { } x && b.High is { } y ? x + y : null);

    /// <summary>The larger of two reports of the same group (a later, fuller figure supersedes an earlier one).</summary>
    public static CasualtyCount Max(CasualtyCount a, CasualtyCount b) => a.Best >= b.Best ? a : b;
}
