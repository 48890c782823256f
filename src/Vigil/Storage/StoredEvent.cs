using Vigil.Events;

namespace Vigil.Storage;

/// <summary>
/// One report of an incident: what a single article said about it, kept as that article coded it, so that conflicting
/// figures are never averaged away.
/// </summary>
/// <param name="Id">Stable: the first 16 hex digits of the article's content hash and the event's index in it.</param>
public sealed record StoredClaim(
    string Id,
    string EventId,
    string ArticleId,
    int EventIndex,
    string ArticleSource,
    string? ArticleUrl,
    string? Outlet,
    string? Headline,
    string? Published,
    ConflictEvent Event)
{
    /// <summary>The licence the input gave for the article's text; null when it gave none.</summary>
    public string? Licence { get; init; }

    /// <summary>The attribution line the input gave for the article's text; null when it gave none.</summary>
    public string? Attribution { get; init; }
}

/// <summary>
/// One incident as the database knows it: derived from all the claims (reports) merged into it. Fields follow
/// <see cref="ConflictEvent"/>; <see cref="CasualtyExplanation"/> says how the counts were derived from the claims.
/// </summary>
public sealed record StoredEvent(
    string Id,
    string EventType,
    string SubEventType,
    PloverCode? Plover,
    EventDate? Date,
    EventLocation? Location,
    IReadOnlyList<Actor> Perpetrators,
    IReadOnlyList<Actor> Targets,
    IReadOnlyList<Victim> Victims,
    CasualtyCount? Killed,
    CasualtyCount? Injured,
    string? Weapon,
    string CasualtyExplanation,
    IReadOnlyList<SourceClaim> Sources,
    IReadOnlyList<StoredClaim> Claims)
{
    /// <summary>ACLED's actor1 and actor2 of the incident, as its claims' union of actors gives them (see <see cref="ActorNames"/>).</summary>
    public AcledSides Sides => ActorNames.Sides(EventType, Perpetrators, Targets, Location?.Country, ActorNames.PeopleHarmed(Killed, Injured, Victims));
}

/// <summary>
/// Filters for <see cref="IEventStore.Search"/>; null means no filter. <see cref="BoundingBox"/> is min lon, min lat, max lon, max lat.
/// <see cref="EventType"/> is a type or a sub-type; <see cref="MinConfidence"/> is that of the event's surest report;
/// <see cref="Review"/> is unreviewed, confirmed or rejected (the latest confirm or reject).
/// </summary>
public sealed record EventQuery(
    string? Text = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? EventType = null,
    string? Country = null,
    (double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)? BoundingBox = null,
    string? SubEventType = null,
    double? MinConfidence = null,
    string? Review = null);

public enum StoreStatus
{
    Added,

    /// <summary>The article was already stored (same canonical URL or same normalized content); nothing was written.</summary>
    Duplicate,
}

/// <summary>The result of storing one page: which events its claims went into (new or merged with earlier reports).</summary>
public sealed record StoreResult(StoreStatus Status, string ArticleId, IReadOnlyList<string> EventIds, int NewEvents, int MergedClaims);

/// <summary>One merge or split, automatic or by an analyst, with its reason: the audit log that lets any merge be undone.</summary>
public sealed record AuditEntry(long Id, string At, string Action, string EventId, string? OtherEventId, IReadOnlyList<string> ClaimIds, string Reason);

public sealed record StoreCounts(int Articles, int Events, int Claims);

/// <summary>A request the store refuses (unknown event, a claim not in the event, ...), with a reason for the user.</summary>
public sealed class StoreException(string message) : Exception(message);
