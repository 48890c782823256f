using Vigil.Events;
using Vigil.Places;

namespace Vigil.Storage;

/// <summary>
/// Decides whether two reports describe the same incident. A report joins an event only when it is compatible with
/// every claim already in it (so one loose match cannot chain distinct incidents together), and only on positive
/// evidence: a report without a date or a place is never merged, since "unknown" is not "the same".
/// </summary>
public sealed class IncidentMatcher : IIncidentMatcher
{
    /// <summary>Reports of one incident may date it a day or two apart (the day of the report, time zones, "on Sunday").</summary>
    public int DayWindow { get; init; } = 2;

    /// <summary>Two places that each name a town or a spot: reports often name a neighbouring village or the district town.</summary>
    public double TownDistanceKm { get; init; } = 25;

    /// <summary>When either place is only "near" a town or a district.</summary>
    public double AreaDistanceKm { get; init; } = 50;

    /// <summary>Counts this far apart (ratio of the larger to the smaller) are different incidents, not revised tolls.</summary>
    public double MaxCountRatio { get; init; } = 3;

    /// <summary>Small counts vary more in relative terms ("2 killed" then "5 killed"), so a gap this small always fits.</summary>
    public int CountSlack { get; init; } = 3;

    public static IncidentMatcher Default { get; } = new();

    /// <summary>How far apart two compatible reports are (0 = identical date and place); null when they are not the same incident.</summary>
    public double? Distance(ConflictEvent a, ConflictEvent b)
    {
        if (Family(a.EventType) is not { } family || Family(b.EventType) != family)
        {
            return null;
        }

        if (a.Date is null || b.Date is null || a.Location is null || b.Location is null)
        {
            return null;
        }

        var days = Math.Abs(a.Date.Value.DayNumber - b.Date.Value.DayNumber);
        if (days > DayWindow + Widening(a.Date.Precision) + Widening(b.Date.Precision))
        {
            return null;
        }

        if (PlaceDistance(a.Location, b.Location) is not { } km)
        {
            return null;
        }

        if (!CountsFit(a.Killed, b.Killed) || !CountsFit(a.Injured, b.Injured) || !ActorsFit(a.Perpetrators, b.Perpetrators)
            || !ActorsFit(a.Targets, b.Targets) || !VictimsFit(a.Victims, b.Victims))
        {
            return null;
        }

        var subTypePenalty = a.SubEventType == b.SubEventType ? 0 : 1;
        return days + km / 10 + subTypePenalty;
    }

    public bool Matches(ConflictEvent a, ConflictEvent b) => Distance(a, b) is not null;

    /// <summary>
    /// True when the two say something that cannot both hold of one incident: dates out of the window, other
    /// countries, two towns or spots farther apart than <see cref="AreaDistanceKm"/>, counts or named actors that do not
    /// fit. What either leaves out contradicts nothing (unlike <see cref="Distance"/>, which needs a date and a place).
    /// </summary>
    public bool Contradicts(ConflictEvent a, ConflictEvent b)
    {
        if (a.Date is { } dateA && b.Date is { } dateB
            && Math.Abs(dateA.Value.DayNumber - dateB.Value.DayNumber) > DayWindow + Widening(dateA.Precision) + Widening(dateB.Precision))
        {
            return true;
        }

        if (a.Location is { } placeA && b.Location is { } placeB)
        {
            if (placeA.Country is not null && placeB.Country is not null && !string.Equals(placeA.Country, placeB.Country, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!IsCoarse(placeA) && !IsCoarse(placeB) && placeA.Latitude is { } latA && placeA.Longitude is { } lonA
                && placeB.Latitude is { } latB && placeB.Longitude is { } lonB && HaversineKm(latA, lonA, latB, lonB) > AreaDistanceKm)
            {
                return true;
            }
        }

        return !CountsFit(a.Killed, b.Killed) || !CountsFit(a.Injured, b.Injured) || !ActorsFit(a.Perpetrators, b.Perpetrators)
            || !ActorsFit(a.Targets, b.Targets) || !VictimsFit(a.Victims, b.Victims);
    }

    /// <summary>
    /// ACLED's violent types are one family: the same shelling is an "explosion" to one outlet and an "attack on
    /// civilians" to another. Demonstrations (protests, riots) are another; strategic developments a third.
    /// </summary>
    public static string? Family(string eventType) => eventType switch
    {
        EventTaxonomy.Battles or EventTaxonomy.ExplosionsRemoteViolence or EventTaxonomy.ViolenceAgainstCivilians => "political violence",
        EventTaxonomy.Protests or EventTaxonomy.Riots => "demonstrations",
        EventTaxonomy.StrategicDevelopments => "strategic developments",
        _ => null,
    };

    /// <summary>Days a date of this precision may be off by: "in May" can be any day of the month.</summary>
    public static int Widening(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => 0,
        // A report's own date stands for an incident of that day or the one before, most often; counted as the whole
        // week it may mean, two undated reports of a town's daily strikes, published days apart, would read as one.
        DatePrecision.Reported => 1,
        DatePrecision.Week => 7,
        DatePrecision.Month => 31,
        _ => 366,
    };

    /// <summary>Kilometres between the places, or null when they cannot be the same place.</summary>
    private double? PlaceDistance(EventLocation a, EventLocation b)
    {
        if (a.Country is not null && b.Country is not null && !string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var coarseA = IsCoarse(a);
        var coarseB = IsCoarse(b);
        if (coarseA || coarseB)
        {
            // A province-level report can only be matched through the province; a country-level one not at all.
            if (a.Admin1 is null || b.Admin1 is null || a.Country is null || b.Country is null
                || !string.Equals(a.Admin1, b.Admin1, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return AreaDistanceKm;
        }

        if (a.Latitude is { } latA && a.Longitude is { } lonA && b.Latitude is { } latB && b.Longitude is { } lonB)
        {
            var km = HaversineKm(latA, lonA, latB, lonB);
            var limit = IsTown(a) && IsTown(b) ? TownDistanceKm : AreaDistanceKm;
            return km <= limit ? km : null;
        }

        // Without coordinates only the same name in the same country counts.
        return a.Country is not null && NormalizeName(a.Name) == NormalizeName(b.Name) ? 0 : null;
    }

    private static bool IsCoarse(EventLocation location) =>
        location.Precision is { } precision && precision.UcdpWherePrecision >= PlacePrecision.Admin1.UcdpWherePrecision;

    private static bool IsTown(EventLocation location) => location.Precision is null || location.Precision.Value.UcdpWherePrecision <= 1;

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371.0088;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private bool CountsFit(CasualtyCount? a, CasualtyCount? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        // Ranges that overlap always fit ("at least 10" and "12").
        var highA = a.High ?? int.MaxValue;
        var highB = b.High ?? int.MaxValue;
        if (a.Low <= highB && b.Low <= highA)
        {
            return true;
        }

        var small = Math.Min(a.Best, b.Best);
        var large = Math.Max(a.Best, b.Best);
        return large - small <= CountSlack || (small > 0 && large <= small * MaxCountRatio);
    }

    /// <summary>
    /// Perpetrators fit when either report names none, when a name is shared (by a significant word), or when the
    /// kinds agree; two reports that name different groups of different kinds blame different incidents.
    /// </summary>
    private static bool ActorsFit(IReadOnlyList<Actor> a, IReadOnlyList<Actor> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return true;
        }

        var wordsA = a.SelectMany(actor => SignificantWords(actor.Name)).ToHashSet();
        if (b.SelectMany(actor => SignificantWords(actor.Name)).Any(wordsA.Contains))
        {
            return true;
        }

        var kindsA = a.Where(actor => actor.Kind is not null).Select(actor => actor.Kind).ToHashSet();
        var kindsB = b.Where(actor => actor.Kind is not null).Select(actor => actor.Kind).ToList();
        return kindsA.Count == 0 || kindsB.Count == 0 || kindsB.Any(kindsA.Contains);
    }

    /// <summary>Named victims must share a name word when both reports name some; unnamed ones say nothing either way.</summary>
    private static bool VictimsFit(IReadOnlyList<Victim> a, IReadOnlyList<Victim> b)
    {
        var namesA = a.Where(v => v.Name is not null).SelectMany(v => SignificantWords(v.Name!)).ToHashSet();
        var namesB = b.Where(v => v.Name is not null).SelectMany(v => SignificantWords(v.Name!)).ToList();
        return namesA.Count == 0 || namesB.Count == 0 || namesB.Any(namesA.Contains);
    }

    private static readonly HashSet<string> GenericWords =
    [
        "the", "of", "and", "al", "el", "forces", "force", "army", "group", "armed", "men", "unidentified", "unknown",
        "gunmen", "military", "militia", "militants", "police", "security", "state", "national", "people", "front",
    ];

    private static IEnumerable<string> SignificantWords(string name) =>
        NormalizeName(name).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 3 && !GenericWords.Contains(word));

    private static string NormalizeName(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Trim();
}
