using Vigil.Events;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>One row of the event list and one point on the map.</summary>
public sealed record EventSummary(
    string Id, string EventType, string SubEventType, string? Date, string? DatePrecision, string? Location, string? Country,
    string? Admin1, double? Latitude, double? Longitude, int? Killed, int? Injured, double Confidence, string ReviewStatus, int Claims, string? Headline);

public sealed record EventPage(int Total, int Page, int PageSize, IReadOnlyList<EventSummary> Items)
{
    /// <summary>True when more events match than <see cref="Total"/>: the count stopped at the cap (the list shows "10,000+").</summary>
    public bool TotalIsAtLeast { get; init; }
}

/// <summary>A claim (one article's report of the incident) with the evidence spans into that article's text.</summary>
/// <remarks><see cref="Licence"/> and <see cref="Attribution"/> are what the input gave for the article's text (null when it gave none).</remarks>
public sealed record ClaimView(
    string Id, string ArticleId, string? Url, string? Outlet, string? Headline, string? Published, string? Licence, string? Attribution, EventDate? Date,
    EventLocation? Location, CasualtyCount? Killed, CasualtyCount? Injured, IReadOnlyList<SourceClaim> Sources, double Confidence,
    IReadOnlyList<FieldEvidence> Evidence);

public sealed record EventDetail(
    string Id, string EventType, string SubEventType, PloverCode? Plover, EventDate? Date, EventLocation? Location,
    IReadOnlyList<Actor> Perpetrators, IReadOnlyList<Actor> Targets, IReadOnlyList<Victim> Victims, CasualtyCount? Killed,
    CasualtyCount? Injured, string? Weapon, string? Reason, IReadOnlyList<SourceClaim> Sources, double Confidence, string ReviewStatus,
    string KilledExplanation, IReadOnlyList<ClaimView> Claims, IReadOnlyList<ReviewEntry> Reviews)
{
    /// <summary>ACLED's actor1, as the exports write it ("Military Forces of Russia").</summary>
    public string? Actor1 { get; init; }

    /// <summary>ACLED's actor2 ("Civilians (Ukraine)").</summary>
    public string? Actor2 { get; init; }
}

public sealed record ArticleAnnotation(int Start, int End, string Kind, string Label, string? EventId);

/// <summary>An article with its annotations; <see cref="Licence"/> and <see cref="Attribution"/> are what the input gave for its text (null when none).</summary>
public sealed record ArticleView(
    string Id, string? Url, string? Headline, string? Standfirst, string? Byline, string? Published, string? Outlet, string? Language,
    string? Licence, string? Attribution, string Text, IReadOnlyList<ArticleAnnotation> Annotations);

/// <summary>The map's grid: the cell width in degrees, and the cells that hold events.</summary>
public sealed record MapCells(double CellDegrees, IReadOnlyList<MapCell> Cells);

public sealed record DayCount(string Day, string EventType, int Count);

public sealed record KeyCount(string Key, int Count);

/// <summary>
/// The figures of /api/stats. <see cref="ByDay"/> counts events by period and type at <see cref="Grain"/> (day, week or
/// month), each period named by its first day (a week's is its Monday).
/// </summary>
public sealed record Stats(int Events, string Grain, IReadOnlyList<DayCount> ByDay, IReadOnlyList<KeyCount> ByType, IReadOnlyList<KeyCount> ByCountry);

public sealed record ReviewRequest(string? Action, string? Field, string? Value, string? Note, string? Who);

public sealed record ReviewResult(string EventId, string ReviewStatus, ReviewEntry Entry);

public sealed record MergeRequest(string? Keep, string? Other, string? Reason);

public sealed record SplitRequest(string? ClaimId, string? Reason);

public sealed record ApiError(string Error);

public sealed record Health(string Status);
