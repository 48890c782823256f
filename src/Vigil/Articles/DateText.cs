using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Articles;

/// <summary>Publication dates as pages write them, normalised to ISO 8601 (a date, or a date and time with offset).</summary>
public static partial class DateText
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Normalises a machine-readable date (meta tags, JSON-LD, &lt;time datetime&gt;). Null if it is not one.</summary>
    public static string? NormalizeMachineDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) && moment.Year is > 1900 and < 2200)
        {
            var hasTime = value.Length > 10 && (value.Contains('T') || value.Contains(':'));
            return hasTime ? moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return TryParseDateLine(value);
    }

    /// <summary>
    /// Reads a date written for people ("Published 3 May 2020", "May 3, 2020 10:15 am", "2020-05-03") and returns the
    /// ISO date, or null when the line is not just a date.
    /// </summary>
    public static string? TryParseDateLine(string line)
    {
        var text = DatePrefix().Replace(line.Trim(), string.Empty);
        var iso = IsoDate().Match(text);
        if (iso.Success)
        {
            return Build(int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        var dayFirst = DayMonthYear().Match(text);
        if (dayFirst.Success)
        {
            return Build(int.Parse(dayFirst.Groups["y"].Value, CultureInfo.InvariantCulture), MonthNumber(dayFirst.Groups["m"].Value), int.Parse(dayFirst.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        var monthFirst = MonthDayYear().Match(text);
        if (monthFirst.Success)
        {
            return Build(int.Parse(monthFirst.Groups["y"].Value, CultureInfo.InvariantCulture), MonthNumber(monthFirst.Groups["m"].Value), int.Parse(monthFirst.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>1–12 for a month name or its three-letter abbreviation, 0 otherwise.</summary>
    public static int MonthNumber(string name)
    {
        var lower = name.Trim('.').ToLowerInvariant();
        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i] == lower || (lower.Length >= 3 && Months[i].StartsWith(lower, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string? Build(int year, int month, int day)
    {
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private const string MonthName = @"(?<m>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?";

    private const string Weekday = @"((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+)?";

    private const string TimeTail = @"(\s*(,|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,5})?)?\s*$";

    [GeneratedRegex(@"^(published|updated|posted|first published|last updated|last modified|date)\s*(on|at)?\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})([T ][\d:.+\-Z]*)?\s*$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^" + Weekday + @"(?<d>\d{1,2})(st|nd|rd|th)?\s+" + MonthName + @",?\s+(?<y>\d{4})" + TimeTail, RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex("^" + Weekday + MonthName + @"\s+(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(?<y>\d{4})" + TimeTail, RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();
}
