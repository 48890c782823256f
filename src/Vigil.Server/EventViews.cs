using Vigil.Storage;

namespace Vigil.Server;

/// <summary>Shapes stored events into what the API returns.</summary>
internal static class EventViews
{
    /// <summary>An event is as sure as its surest report.</summary>
    public static double Confidence(StoredEvent stored) => stored.Claims.Count == 0 ? 0 : stored.Claims.Max(c => c.Event.Confidence);

    public static EventSummary Summary(StoredEvent e, string status) => new(
        e.Id, e.EventType, e.SubEventType, e.Date?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        e.Date is null ? null : VigilJson.Serialize(e.Date.Precision).Trim('"'), e.Location?.Name, e.Location?.Country, e.Location?.Admin1,
        e.Location?.Latitude, e.Location?.Longitude, e.Killed?.Best, e.Injured?.Best, Confidence(e), status, e.Claims.Count,
        e.Claims.FirstOrDefault()?.Headline);

    public static EventDetail Detail(StoredEvent e, string status, IReadOnlyList<ReviewEntry> reviews)
    {
        var claims = e.Claims.Select(c => new ClaimView(
            c.Id, c.ArticleId, c.ArticleUrl, c.Outlet, c.Headline, c.Published, c.Licence, c.Attribution, c.Event.Date, c.Event.Location, c.Event.Killed, c.Event.Injured,
            c.Event.Sources, c.Event.Confidence, c.Event.Evidence)).ToList();
        var reason = e.Claims.Select(c => c.Event.Reason).FirstOrDefault(r => r is not null);
        // The event's place is one of its claims' places: that claim's other readings are the reviewer's alternatives.
        var location = e.Location is { RunnersUp: null } chosen
            ? chosen with
            {
                RunnersUp = e.Claims.Select(c => c.Event.Location)
                    .FirstOrDefault(l => l?.RunnersUp is not null && l.Name == chosen.Name && l.Latitude == chosen.Latitude && l.Longitude == chosen.Longitude)?.RunnersUp,
            }
            : e.Location;
        return new EventDetail(
            e.Id, e.EventType, e.SubEventType, e.Plover, e.Date, location, e.Perpetrators, e.Targets, e.Victims, e.Killed, e.Injured, e.Weapon,
            reason, e.Sources, Confidence(e), status, e.CasualtyExplanation, claims, reviews)
        {
            Actor1 = e.Sides.Actor1,
            Actor2 = e.Sides.Actor2,
        };
    }

    public static bool Matches(EventFilter filter, StoredEvent e, string status)
    {
        if (filter.SubEventType is not null && e.SubEventType != filter.SubEventType)
        {
            return false;
        }

        if (filter.Actor is { } actor && !e.Perpetrators.Concat(e.Targets).Any(a => a.Name.Contains(actor, StringComparison.OrdinalIgnoreCase)
            || (a.Group?.Contains(actor, StringComparison.OrdinalIgnoreCase) ?? false)))
        {
            return false;
        }

        return Confidence(e) >= filter.MinConfidence && (filter.Review is null || filter.Review == status);
    }

    public static IEnumerable<StoredEvent> Sorted(IEnumerable<StoredEvent> events, string sort) => sort switch
    {
        "date" => events.OrderBy(e => e.Date?.Value).ThenBy(e => e.Id, StringComparer.Ordinal),
        "killed" => events.OrderBy(e => e.Killed?.Best ?? 0).ThenBy(e => e.Id, StringComparer.Ordinal),
        "-killed" => events.OrderByDescending(e => e.Killed?.Best ?? 0).ThenBy(e => e.Id, StringComparer.Ordinal),
        "confidence" => events.OrderBy(Confidence).ThenBy(e => e.Id, StringComparer.Ordinal),
        "-confidence" => events.OrderByDescending(Confidence).ThenBy(e => e.Id, StringComparer.Ordinal),
        _ => events.OrderByDescending(e => e.Date?.Value).ThenBy(e => e.Id, StringComparer.Ordinal),
    };
}
