using System.Text.RegularExpressions;
using Vigil.Articles;

namespace Vigil.Events;

/// <summary>
/// Finds when an incident happened from the words of a sentence, resolved against the publication date: explicit dates
/// ("On 8 May 2020", "May 8"), hedged ones ("Around 4 May 2020"), ranges ("between 1 and 3 May"), weekdays ("on
/// Tuesday"), and relative phrases ("yesterday", "last week", "earlier this month"). Without a publication date only
/// dates that name their year are returned.
/// </summary>
public static partial class DateResolver
{
    private const string Month = @"(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    [GeneratedRegex(@"\b(?<around>around|about|approximately|circa|on\s+or\s+about)?\s*(?:on\s+)?(?:between\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:\s+of)?\s+" + Month + @"(?:,?\s+(?<y>(?:19|20)\d{2}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<around>around|about|approximately|circa)?\s*" + Month + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?<d2>\d{1,2}))?(?:,?\s+(?<y>(?:19|20)\d{2}))?\b(?!\s*(?:people|protesters|killed|dead|,\d))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?:in|during|since|throughout|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?" + Month + @"(?:\s+(?<y>(?:19|20)\d{2}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InMonth();

    [GeneratedRegex(@"\b(?:in|during|since|back\s+in)\s+(?:(?:the|a|an)\s+)?(?<y>(?:19|20)\d{2})\b(?![-–/]|\s*(?:people|persons|protesters|killed|dead|troops|soldiers)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InYear();

    [GeneratedRegex(@"\b(?<!\b(?:next|coming)\s+)(?:on\s+|last\s+|this\s+(?:past\s+)?)?(?<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<r>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|overnight|last\s+week|earlier\s+this\s+week|this\s+week|last\s+month|earlier\s+this\s+month|this\s+month|last\s+year|(?<k>\w+)\s+days?\s+ago|(?<k2>\w+)\s+weeks?\s+ago)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    /// <summary>
    /// The date of the incident told at <paramref name="act"/> in <paramref name="text"/>, with where it stands; null if
    /// none. A time adverbial follows the verb it dates ("found guilty on Thursday of raping a tourist in 2014", "police
    /// said on Tuesday that gunmen killed five on Monday"), so the first date after the act is its date; a fronted one
    /// ("On Monday, gunmen killed five") stands before it, so without a date after the act the first before it is (a
    /// bracket after it only narrows it: "Around 12 March 2022 (between 10 and 12 March)"). A date
    /// that dates a report ("..., police said on Wednesday") is taken only when no other is told. Without
    /// <paramref name="act"/>, the first date in the text.
    /// </summary>
    public static (EventDate Date, Match Where)? Find(string text, DateOnly? published, int act = 0)
    {
        (EventDate Date, Match Where)? after = null, before = null, reported = null;
        foreach (var candidate in Candidates(text, published))
        {
            // News tells what has happened: a day after the report's is of something to come ("ahead of the Pope's visit
            // on 15 April", "elections due on Sunday 12 May"), and a date that names a movement, a square or a bridge
            // ("the March 23 Movement", "6 October Bridge") is no date at all.
            if (published is { } reportDay && candidate.Date.FirstDay > reportDay || NamesSomething(text, candidate.Where))
            {
                continue;
            }

            var at = candidate.Where.Index;
            if (DatesAReport().IsMatch(text.AsSpan(0, at)))
            {
                reported = reported is null || at < reported.Value.Where.Index ? candidate : reported;
            }
            else if (at >= act && (after is null || at < after.Value.Where.Index))
            {
                after = candidate;
            }
            else if (at < act && (before is null || at < before.Value.Where.Index))
            {
                before = candidate;
            }
        }

        return after ?? before ?? reported;
    }

    /// <summary>Whether a capitalised word after a date makes the date a name ("March 23 Movement", word class <c>NameAfterDate</c>).</summary>
    private static bool NamesSomething(string text, Match date) => DateAsName.Value.IsMatch(text.AsSpan(date.Index + date.Length));

    private static readonly Lazy<Regex> DateAsName = new(() => new Regex(@"^\s+(?-i:" + WordClasses.NameAfterDate + @")\b", WordClasses.Options));

    [GeneratedRegex(@"\b(?:said|says|told\s+\w+(?:\s+\w+)?|reported|announced|confirmed|stated|added)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatesAReport();

    private static IEnumerable<(EventDate Date, Match Where)> Candidates(string text, DateOnly? published)
    {
        foreach (Match match in DayMonth().Matches(text))
        {
            if (Explicit(match, published) is { } date)
            {
                yield return (date, match);
            }
        }

        foreach (Match match in MonthDay().Matches(text))
        {
            if (!match.Value.TrimStart().StartsWith("may", StringComparison.OrdinalIgnoreCase) || match.Groups["y"].Success || char.IsUpper(match.Groups["m"].Value[0]))
            {
                if (Explicit(match, published) is { } date)
                {
                    yield return (date, match);
                }
            }
        }

        foreach (Match match in InMonth().Matches(text))
        {
            // "may" is a modal verb far more often than a month: only a capitalised May counts.
            if (match.Groups["m"].Value is "may" or "MAY")
            {
                continue;
            }

            var month = DateText.MonthNumber(match.Groups["m"].Value);
            var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : InferYear(month, 1, published);
            if (year is { } y)
            {
                yield return (new EventDate(new DateOnly(y, month, 1), DatePrecision.Month), match);
            }
        }

        // A year alone ("in 1967", "back in 2014", "killed in a 2019 ambush") dates an incident to the year, usually one
        // the article recalls.
        foreach (Match yearOnly in InYear().Matches(text))
        {
            yield return (new EventDate(new DateOnly(int.Parse(yearOnly.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 1), DatePrecision.Year), yearOnly);
        }

        if (published is not { } today)
        {
            yield break;
        }

        foreach (Match weekday in Weekday().Matches(text))
        {
            var wanted = Enum.Parse<DayOfWeek>(weekday.Groups["w"].Value, ignoreCase: true);
            var back = ((int)today.DayOfWeek - (int)wanted + 7) % 7;
            yield return (new EventDate(today.AddDays(-back), DatePrecision.Day), weekday);
        }

        foreach (Match relative in Relative().Matches(text))
        {
            if (ResolveRelative(relative, today) is { } resolved)
            {
                yield return (resolved, relative);
            }
        }
    }

    private static EventDate? ResolveRelative(Match match, DateOnly today)
    {
        var phrase = Regex.Replace(match.Groups["r"].Value.ToLowerInvariant(), @"\s+", " ");
        if (match.Groups["k"].Success)
        {
            return CountParser.NumberValue(match.Groups["k"].Value) is { } days ? new EventDate(today.AddDays(-days), DatePrecision.Day) : null;
        }

        if (match.Groups["k2"].Success)
        {
            return CountParser.NumberValue(match.Groups["k2"].Value) is { } weeks ? new EventDate(today.AddDays(-7 * weeks), DatePrecision.Week) : null;
        }

        return phrase switch
        {
            "yesterday" or "last night" => new EventDate(today.AddDays(-1), DatePrecision.Day),
            // An overnight attack is told by the morning it ends on, the report's day, as news and coders date it.
            "today" or "tonight" or "overnight" or "this morning" or "this afternoon" or "this evening" => new EventDate(today, DatePrecision.Day),
            "last week" => new EventDate(today.AddDays(-7), DatePrecision.Week),
            "this week" or "earlier this week" => new EventDate(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), DatePrecision.Week),
            "last month" => new EventDate(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), DatePrecision.Month),
            "this month" or "earlier this month" => new EventDate(new DateOnly(today.Year, today.Month, 1), DatePrecision.Month),
            "last year" => new EventDate(new DateOnly(today.Year - 1, 1, 1), DatePrecision.Year),
            _ => null,
        };
    }

    private static EventDate? Explicit(Match match, DateOnly? published)
    {
        var month = DateText.MonthNumber(match.Groups["m"].Value);
        var day = int.Parse(match.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int? year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : InferYear(month, day, published);
        if (month == 0 || year is not { } y || day < 1 || day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var precision = DatePrecision.Day;
        if (match.Groups["d2"].Success && int.TryParse(match.Groups["d2"].Value, out var lastDay) && lastDay > day)
        {
            precision = lastDay - day <= 7 ? DatePrecision.Week : DatePrecision.Month;
        }
        else if (match.Groups["around"].Success && match.Groups["around"].Length > 0)
        {
            precision = DatePrecision.Week;
        }

        return new EventDate(new DateOnly(y, month, day), precision);
    }

    /// <summary>A date without a year is the latest such date not after publication (news reports the past).</summary>
    private static int? InferYear(int month, int day, DateOnly? published)
    {
        if (published is not { } today || month == 0)
        {
            return null;
        }

        var year = today.Year;
        if (day > DateTime.DaysInMonth(year, month))
        {
            return year;
        }

        return new DateOnly(year, month, day) > today.AddDays(1) ? year - 1 : year;
    }
}
