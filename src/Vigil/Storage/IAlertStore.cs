using System.Globalization;
using Vigil.Events;

namespace Vigil.Storage;

/// <summary>A rectangle of longitude and latitude, in degrees; an event inside it has coordinates within every bound.</summary>
public sealed record AlertArea(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    /// <summary>Reads MIN_LON,MIN_LAT,MAX_LON,MAX_LAT; an <see cref="ArgumentException"/> says what is wrong with the text.</summary>
    public static AlertArea Parse(string text)
    {
        var numbers = text.Split(',').Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN).ToArray();
        if (numbers.Length != 4 || numbers.Any(double.IsNaN))
        {
            throw new ArgumentException($"a bbox needs four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, not \"{text}\"");
        }

        var area = new AlertArea(numbers[0], numbers[1], numbers[2], numbers[3]);
        return area.Problem() is { } problem ? throw new ArgumentException($"bbox \"{text}\": {problem}") : area;
    }

    /// <summary>Why the bounds cannot be a box on the globe, or null when they can.</summary>
    public string? Problem() =>
        MinLongitude < -180 || MaxLongitude > 180 || MinLatitude < -90 || MaxLatitude > 90 ? "longitudes must lie within ±180 and latitudes within ±90"
        : MinLongitude > MaxLongitude || MinLatitude > MaxLatitude ? "each minimum must not exceed its maximum"
        : null;

    public bool Contains(double latitude, double longitude) =>
        longitude >= MinLongitude && longitude <= MaxLongitude && latitude >= MinLatitude && latitude <= MaxLatitude;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MinLongitude},{MinLatitude},{MaxLongitude},{MaxLatitude}");
}

/// <summary>
/// What an alert waits for. Every criterion given must hold; within a list, any one item is enough (any of the
/// countries, any of the types, any of the actors). An event that does not say (no coordinates, no death toll) does not
/// match a criterion about it: an alert never fires on a guess.
/// </summary>
public sealed record AlertCriteria
{
    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    public AlertArea? Area { get; init; }

    /// <summary>ACLED event types or sub-event types.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The fewest people reported killed (the event's best estimate).</summary>
    public int? MinFatalities { get; init; }

    /// <summary>Words of an actor's name or group, perpetrator or target, in any case ("Houthi", "police").</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    public bool Matches(StoredEvent stored)
    {
        if (Countries.Count > 0 && !(stored.Location?.Country is { } country && Countries.Contains(country, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Area is not null && !(stored.Location is { Latitude: { } latitude, Longitude: { } longitude } && Area.Contains(latitude, longitude)))
        {
            return false;
        }

        if (Types.Count > 0 && !Types.Any(type => string.Equals(type, stored.EventType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, stored.SubEventType, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (MinFatalities is { } fewest && !(stored.Killed is { } killed && killed.Best >= fewest))
        {
            return false;
        }

        return Actors.Count == 0 || stored.Perpetrators.Concat(stored.Targets).Any(actor => Actors.Any(word =>
            actor.Name.Contains(word, StringComparison.OrdinalIgnoreCase) || (actor.Group?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)));
    }

    /// <summary>Why these criteria cannot be saved (an unknown type, a malformed country), or null when they can.</summary>
    public string? Problem()
    {
        if (Countries.FirstOrDefault(code => code.Length != 2 || !code.All(char.IsAsciiLetter)) is { } badCountry)
        {
            return $"country must be an ISO 3166-1 alpha-2 code such as SY, not '{badCountry}'";
        }

        var known = EventTaxonomy.SubTypes.Keys.Concat(EventTaxonomy.SubTypes.Values.SelectMany(subTypes => subTypes));
        if (Types.FirstOrDefault(type => !known.Contains(type, StringComparer.OrdinalIgnoreCase)) is { } badType)
        {
            return $"unknown event type '{badType}' (use an ACLED event type or sub-event type, e.g. \"Battles\" or \"Air/drone strike\")";
        }

        if (MinFatalities is < 0)
        {
            return "the minimum of fatalities must not be negative";
        }

        if (Actors.Any(string.IsNullOrWhiteSpace))
        {
            return "an actor must not be empty";
        }

        return Area?.Problem();
    }

    /// <summary>One line for listings, e.g. "country SY; type Battles; killed ≥ 5".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Countries.Count > 0)
        {
            parts.Add($"country {string.Join(" or ", Countries)}");
        }

        if (Area is not null)
        {
            parts.Add($"bbox {Area}");
        }

        if (Types.Count > 0)
        {
            parts.Add($"type {string.Join(" or ", Types)}");
        }

        if (MinFatalities is { } fewest)
        {
            parts.Add($"killed ≥ {fewest}");
        }

        if (Actors.Count > 0)
        {
            parts.Add($"actor {string.Join(" or ", Actors)}");
        }

        return parts.Count == 0 ? "every event" : string.Join("; ", parts);
    }
}

/// <summary>An alert to save: its criteria and where a match goes (a webhook, a file of JSON lines, or both).</summary>
public sealed record NewAlert(string Name, string? Webhook, string? FilePath, AlertCriteria Criteria);

/// <summary>A saved alert; <see cref="CreatedAt"/> (UTC) bounds it: only events stored or changed later can fire it.</summary>
public sealed record SavedAlert(long Id, string Name, string? Webhook, string? FilePath, AlertCriteria Criteria, string CreatedAt);

/// <summary>Where a delivery stands.</summary>
public static class DeliveryStates
{
    /// <summary>Waiting for its first attempt, or for its next one after a failure.</summary>
    public const string Pending = "pending";

    /// <summary>Held by a dispatcher under a lease; if that process dies, another takes it when the lease ends.</summary>
    public const string Sending = "sending";

    public const string Delivered = "delivered";

    /// <summary>Given up: the receiver refused it for good (a 4xx) or every attempt failed; the last error is kept.</summary>
    public const string Failed = "failed";

    /// <summary>Its alert was removed before it could be delivered.</summary>
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Sending, Delivered, Failed, Cancelled];
}

/// <summary>Where a match goes: POSTed to a webhook, or appended as a line to a file.</summary>
public static class DeliveryTargets
{
    public const string Webhook = "webhook";
    public const string File = "file";
}

/// <summary>One alert's notice about one change of one event, to one target, with its attempts and outcome.</summary>
/// <param name="Change">"new" (the event was first stored) or "updated" (a report merged into it, a correction, a split).</param>
public sealed record AlertDelivery(
    long Id, long AlertId, string AlertName, string EventId, string Change, string Target, string Destination, string Status, int Attempts,
    string? LastError, string CreatedAt, string NextAttemptAt, string? DeliveredAt);

/// <summary>A delivery a dispatcher holds until its lease ends; <paramref name="Payload"/> is the JSON to send, <paramref name="Attempt"/> 1 the first.</summary>
public sealed record ClaimedDelivery(long Id, string AlertName, string EventId, string Target, string Destination, string Payload, int Attempt);

/// <summary>What an alert sends: which alert fired, why, and the event as it was when it fired.</summary>
/// <param name="ChangedAt">When the change was stored (UTC), so a receiver can tell how late a notice is.</param>
public sealed record AlertPayload(long AlertId, string Alert, string Change, string ChangedAt, AlertEvent Event)
{
    public static AlertPayload Of(SavedAlert alert, string change, string changedAt, StoredEvent stored) => new(
        alert.Id, alert.Name, change, changedAt, new AlertEvent(
            stored.Id, stored.EventType, stored.SubEventType, stored.Date?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stored.Location,
            stored.Killed, stored.Injured, stored.Perpetrators, stored.Targets, stored.Weapon,
            [.. stored.Claims.Select(claim => new AlertReport(claim.ArticleUrl, claim.Outlet, claim.Headline, claim.Published))]));
}

/// <summary>The event in an alert: what it is, where and when, who, how many, and the reports it rests on.</summary>
public sealed record AlertEvent(
    string Id, string EventType, string SubEventType, string? Date, EventLocation? Location, CasualtyCount? Killed, CasualtyCount? Injured,
    IReadOnlyList<Actor> Perpetrators, IReadOnlyList<Actor> Targets, string? Weapon, IReadOnlyList<AlertReport> Reports);

public sealed record AlertReport(string? Url, string? Outlet, string? Headline, string? Published);

/// <summary>
/// Saved searches that notify when a new or updated event matches. The store writes each change of an event to an
/// outbox in the same transaction as the change, so a notice is never lost when a process dies after storing; a
/// dispatcher then turns the outbox into deliveries (one per alert, change and target) and sends them, with retries.
/// </summary>
public interface IAlertStore
{
    SavedAlert AddAlert(NewAlert alert);

    IReadOnlyList<SavedAlert> ListAlerts();

    /// <summary>Removes the alert with this id or name, cancelling its deliveries not yet made; false when there is none.</summary>
    bool RemoveAlert(string idOrName);

    /// <summary>
    /// Matches up to <paramref name="batch"/> changes waiting in the outbox against the alerts, in one transaction;
    /// returns how many changes it took (0 when none waits) and how many deliveries they made.
    /// </summary>
    (int Changes, int Deliveries) MatchChanges(int batch = 200);

    /// <summary>The oldest delivery that is due (waiting, or held under a lease that ended), or null when none is.</summary>
    ClaimedDelivery? ClaimDelivery(string dispatcher, TimeSpan lease);

    /// <summary>Records that the delivery arrived; false when this dispatcher no longer holds it.</summary>
    bool DeliverySucceeded(ClaimedDelivery delivery, string dispatcher);

    /// <summary>Records a failed attempt: tried again after <paramref name="retryAfter"/>, or given up for good when it is null.</summary>
    bool DeliveryFailed(ClaimedDelivery delivery, string dispatcher, string error, TimeSpan? retryAfter);

    /// <summary>Deliveries, newest first; of one alert (id or name) and in one state when given.</summary>
    IReadOnlyList<AlertDelivery> Deliveries(string? alert = null, string? status = null, int limit = 100);
}
