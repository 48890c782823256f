using System.Globalization;
using Vigil.Events;

namespace Vigil.Storage;

/// <summary>An analyst's decision on an event: confirm it, reject it, or correct one field, with a note; kept forever.</summary>
/// <param name="EventId">The event the decision now belongs to: a merge moves the decisions of the merged-away event to the one kept.</param>
/// <param name="ReviewedEventId">The event the analyst reviewed, which a merge does not change; the split that undoes the merge takes the decision back to it.</param>
public sealed record ReviewEntry(long Id, string EventId, string At, string Who, string Action, string? Field, string? Value, string? Note, string? ReviewedEventId = null);

/// <summary>An article as stored: its metadata and the text every evidence span points into.</summary>
public sealed record StoredArticle(
    string Id, string Source, string? Url, string? Headline, string? Standfirst, string? Byline, string? Published, string? Outlet, string? Language, string Text)
{
    /// <summary>The licence the input gave for the text; null when it gave none.</summary>
    public string? Licence { get; init; }

    /// <summary>The attribution line the input gave for the text; null when it gave none.</summary>
    public string? Attribution { get; init; }
}

/// <summary>Review (analyst decisions) and article reading, over the same connection and transactions as the rest of the store.</summary>
public abstract partial class SqlEventStore
{
    public const string Unreviewed = ReviewStates.Unreviewed;

    /// <summary>The fields an analyst may correct, and how a correction's text is checked.</summary>
    public static readonly IReadOnlySet<string> CorrectableFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "eventType", "subEventType", "weapon", "killed", "injured", "location",
    };

    protected static string ReviewSchema(string identity) => $"""
        CREATE TABLE reviews (
          id {identity}, event_id TEXT NOT NULL REFERENCES events (id), at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
          field TEXT, value TEXT, note TEXT);
        CREATE INDEX reviews_event ON reviews (event_id);
        """;

    /// <summary>Migration: the event each review was made on (earlier reviews were all made on the event they belong to).</summary>
    protected const string ReviewOriginSchema = """
        ALTER TABLE reviews ADD COLUMN reviewed_event_id TEXT;
        UPDATE reviews SET reviewed_event_id = event_id;
        """;

    public StoredArticle? GetArticle(string id)
    {
        using var command = Command(
            "SELECT id, source, url, headline, standfirst, byline, published, outlet, language, text, licence, attribution FROM articles WHERE id = @id", ("@id", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new StoredArticle(reader.GetString(0), reader.GetString(1), Text(2), Text(3), Text(4), Text(5), Text(6), Text(7), Text(8), reader.GetString(9))
        {
            Licence = Text(10),
            Attribution = Text(11),
        };
    }

    /// <summary>
    /// Records a decision. Confirm and reject set the event's status; a correction must name a correctable field and a
    /// value that fits it. Each decision is also written to the audit log, in the same transaction.
    /// </summary>
    public ReviewEntry Review(string eventId, string action, string? field, string? value, string? note, string who)
    {
        if (action is not ("confirm" or "reject" or "correct"))
        {
            throw new StoreException($"unknown review action '{action}' (use confirm, reject or correct)");
        }

        if (action == "correct")
        {
            if (field is null || !CorrectableFields.Contains(field))
            {
                throw new StoreException($"a correction needs a field, one of: {string.Join(", ", CorrectableFields.Order(StringComparer.Ordinal))}");
            }

            CheckCorrection(field, value);
        }

        return InTransaction(() =>
        {
            if (Scalar("SELECT id FROM events WHERE id = @id", ("@id", eventId)) is null)
            {
                throw new StoreException($"no event {eventId}");
            }

            var at = Now();
            Execute(
                "INSERT INTO reviews (event_id, at, who, action, field, value, note, reviewed_event_id) VALUES (@event, @at, @who, @action, @field, @value, @note, @event)",
                ("@event", eventId), ("@at", at), ("@who", who), ("@action", action), ("@field", field), ("@value", value), ("@note", note));
            var id = Convert.ToInt64(Scalar("SELECT MAX(id) FROM reviews WHERE event_id = @event", ("@event", eventId)), CultureInfo.InvariantCulture);
            var reason = action == "correct" ? $"{who} corrected {field} to '{value}'" : $"{who} {action}ed the event";
            Execute(
                "INSERT INTO audit_log (at, action, event_id, other_event_id, claim_ids, reason) VALUES (@at, @action, @event, NULL, '[]', @reason)",
                ("@at", at), ("@action", "review-" + action), ("@event", eventId), ("@reason", note is null ? reason : $"{reason}: {note}"));
            if (action == "correct")
            {
                // The stored row is the event's reading, so that the indexed filters see the correction too.
                RefreshEvent(eventId);
                RecordChange(eventId, ChangeUpdated);
            }

            return new ReviewEntry(id, eventId, at, who, action, field, value, note, eventId);
        });
    }

    /// <summary>Every evidence span that any claim drawn from the article points at, with the event it supports.</summary>
    public IReadOnlyList<(string EventId, FieldEvidence Evidence)> EvidenceOfArticle(string articleId)
    {
        var spans = new List<(string, FieldEvidence)>();
        using var command = Command(
            "SELECT c.event_id, e.field, e.start_offset, e.end_offset, e.text FROM evidence e JOIN claims c ON c.id = e.claim_id WHERE c.article_id = @id ORDER BY c.seq, e.position",
            ("@id", articleId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            spans.Add((reader.GetString(0), new FieldEvidence(
                reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), reader.GetString(4))));
        }

        return spans;
    }

    /// <summary>The decisions that belong to the event, oldest first, including those a merge brought from the event merged into it.</summary>
    public IReadOnlyList<ReviewEntry> Reviews(string eventId) => ReviewsOf([eventId], correctionsOnly: false).GetValueOrDefault(eventId) ?? [];

    /// <summary>The decisions of each event, oldest first; with <paramref name="correctionsOnly"/>, only the corrections.</summary>
    private Dictionary<string, List<ReviewEntry>> ReviewsOf(IReadOnlyList<string> eventIds, bool correctionsOnly)
    {
        var result = new Dictionary<string, List<ReviewEntry>>(StringComparer.Ordinal);
        foreach (var chunk in eventIds.Distinct().Chunk(500))
        {
            var names = chunk.Select((_, i) => $"@e{i}").ToList();
            using var command = Command(
                $"""
                SELECT id, event_id, at, who, action, field, value, note, reviewed_event_id FROM reviews
                WHERE event_id IN ({string.Join(", ", names)}){(correctionsOnly ? " AND action = 'correct'" : "")} ORDER BY id
                """,
                [.. chunk.Select((id, i) => (names[i], (object?)id))]);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                var entry = new ReviewEntry(
                    Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    Text(5), Text(6), Text(7), Text(8));
                if (!result.TryGetValue(entry.EventId, out var list))
                {
                    result[entry.EventId] = list = [];
                }

                list.Add(entry);
            }
        }

        return result;
    }

    /// <summary>
    /// The audit entries of the event and of every event merged into it (and into those, as far back as the log
    /// goes), oldest first: its reviews, the merges and splits that shaped it, and the decisions its reports brought.
    /// </summary>
    public IReadOnlyList<AuditEntry> History(string eventId)
    {
        var log = AuditLog();
        var lineage = new HashSet<string>(StringComparer.Ordinal) { eventId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var entry in log.Where(entry => entry.Action == "merge" && lineage.Contains(entry.EventId)))
            {
                grew |= entry.OtherEventId is { } merged && lineage.Add(merged);
            }
        }

        return [.. log.Where(entry => lineage.Contains(entry.EventId) || (entry.OtherEventId is { } other && lineage.Contains(other)))];
    }

    /// <summary>The latest confirm or reject decision of each event, or <see cref="Unreviewed"/>.</summary>
    public IReadOnlyDictionary<string, string> ReviewStatuses()
    {
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = Command("SELECT event_id, action FROM reviews WHERE action IN ('confirm', 'reject') ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            statuses[reader.GetString(0)] = reader.GetString(1) == "confirm" ? "confirmed" : "rejected";
        }

        return statuses;
    }

    /// <summary>
    /// The event with the analysts' corrections applied, latest correction of a field winning; a corrected count says
    /// so in <see cref="StoredEvent.CasualtyExplanation"/>. Applying the same corrections twice changes nothing more.
    /// </summary>
    public static StoredEvent ApplyCorrections(StoredEvent stored, IReadOnlyList<ReviewEntry> reviews)
    {
        var counts = new Dictionary<string, ReviewEntry>(StringComparer.Ordinal);
        foreach (var review in reviews.Where(r => r.Action == "correct"))
        {
            if (review.Field is "killed" or "injured")
            {
                counts[review.Field] = review;
            }

            stored = review.Field switch
            {
                "eventType" => stored with { EventType = review.Value! },
                "subEventType" => stored with { SubEventType = review.Value!, EventType = EventTaxonomy.TypeOf(review.Value!) ?? stored.EventType },
                "weapon" => stored with { Weapon = review.Value },
                "killed" => stored with { Killed = Count(review.Value) },
                "injured" => stored with { Injured = Count(review.Value) },
                "location" when stored.Location is not null => stored with { Location = stored.Location with { Name = review.Value! } },
                _ => stored,
            };
        }

        var notes = counts.Values.OrderBy(review => review.Id)
            .Select(review => $"{review.Field} corrected to {review.Value} by {review.Who} (review {review.Id.ToString(CultureInfo.InvariantCulture)})")
            .Where(note => !stored.CasualtyExplanation.Contains(note, StringComparison.Ordinal))
            .ToList();
        return notes.Count == 0 ? stored : stored with { CasualtyExplanation = $"{stored.CasualtyExplanation}; {string.Join("; ", notes)}" };
    }

    /// <summary>The events as the store reads them: each one's claims, then the analysts' corrections on top.</summary>
    private List<StoredEvent> Read(IReadOnlyList<string> eventIds)
    {
        var claims = ClaimsOf(eventIds);
        var corrections = ReviewsOf(eventIds, correctionsOnly: true);
        return [.. eventIds.Where(claims.ContainsKey).Select(id => ApplyCorrections(ClaimAggregation.Aggregate(id, claims[id]), corrections.GetValueOrDefault(id) ?? []))];
    }

    private static CasualtyCount? Count(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? new CasualtyCount(n, n, n) : null;

    private static void CheckCorrection(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StoreException($"a correction of {field} needs a value");
        }

        switch (field)
        {
            case "eventType" when !EventTaxonomy.SubTypes.ContainsKey(value):
                throw new StoreException($"'{value}' is not an ACLED event type");
            case "subEventType" when EventTaxonomy.TypeOf(value) is null:
                throw new StoreException($"'{value}' is not an ACLED sub-event type");
            case "killed" or "injured" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                throw new StoreException($"{field} must be a whole number, not '{value}'");
        }
    }
}
