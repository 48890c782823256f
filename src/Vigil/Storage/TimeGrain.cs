namespace Vigil.Storage;

/// <summary>The periods that counts over time are grouped in; each period is named by its first day (a week starts on Monday).</summary>
public enum TimeGrain
{
    Day,
    Week,
    Month,
}

/// <summary>Choosing a grain for a span of days, and the period a day falls in.</summary>
public static class TimeGrains
{
    /// <summary>
    /// The longest spans (days from the first to the last) counted by day, then by week; longer spans are counted by
    /// month. A timeline then has at most about 120 bars a type (four months of days, two years of weeks, ten years of
    /// months), where ten years by day were 22,000 rows and a megabyte of JSON.
    /// </summary>
    public const int LongestSpanByDay = 120;

    /// <inheritdoc cref="LongestSpanByDay"/>
    public const int LongestSpanByWeek = 730;

    /// <summary>The grains by name, as the API spells them.</summary>
    public static readonly IReadOnlyList<string> Names = ["day", "week", "month"];

    /// <summary>The grain that suits the span from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static TimeGrain ForSpan(DateOnly first, DateOnly last)
    {
        var days = last.DayNumber - first.DayNumber;
        return days > LongestSpanByWeek ? TimeGrain.Month : days > LongestSpanByDay ? TimeGrain.Week : TimeGrain.Day;
    }

    /// <summary>The first day of the period the day falls in.</summary>
    public static DateOnly PeriodOf(this TimeGrain grain, DateOnly day) => grain switch
    {
        TimeGrain.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeGrain.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>The grain's name in the API: day, week or month.</summary>
    public static string Name(this TimeGrain grain) => Names[(int)grain];

    /// <summary>The grain of a name (day, week or month, in any case); false for anything else.</summary>
    public static bool TryParse(string text, out TimeGrain grain)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(text, Names[i], StringComparison.OrdinalIgnoreCase))
            {
                grain = (TimeGrain)i;
                return true;
            }
        }

        grain = TimeGrain.Day;
        return false;
    }
}
