using Vigil.Ingest;

namespace Vigil.Storage;

/// <summary>
/// The event database: articles, the claims each makes about incidents, events (incidents) that gather the claims of
/// every report, and an audit log of merges and splits. SQLite and PostgreSQL implement it with the same schema and
/// behaviour. Not thread-safe: one writer per instance.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>The schema version after migrations (applied when the store is opened).</summary>
    int SchemaVersion { get; }

    /// <summary>True when an article with this URL (canonicalized) is stored; lets ingest skip known pages before fetching them.</summary>
    bool ContainsUrl(string url);

    /// <summary>
    /// Stores one page in one transaction: its article, and each event as a claim, merged into an existing event when
    /// it reports the same incident. A page already stored (same canonical URL or normalized content) adds nothing.
    /// </summary>
    StoreResult StorePage(ProcessedPage page);

    StoredEvent? GetEvent(string id);

    /// <summary>An article as stored, with the text every evidence span points into; null when there is none.</summary>
    StoredArticle? GetArticle(string id);

    /// <summary>Every evidence span that any claim drawn from the article points at, with the event it supports.</summary>
    IReadOnlyList<(string EventId, Vigil.Events.FieldEvidence Evidence)> EvidenceOfArticle(string articleId);

    /// <summary>Events that match, ordered by date then by when they were first stored.</summary>
    IReadOnlyList<StoredEvent> Search(EventQuery query);

    /// <summary>Moves every claim of <paramref name="otherId"/> into <paramref name="keepId"/>; the other event ends.</summary>
    void MergeEvents(string keepId, string otherId, string reason);

    /// <summary>Takes one claim out of its event into a new event of its own; returns the new event's id.</summary>
    string SplitClaim(string eventId, string claimId, string reason);

    IReadOnlyList<AuditEntry> AuditLog();

    StoreCounts Counts();

    /// <summary>The <see cref="RawPage.ContentKey"/> of every page stored or found a duplicate: a rerun skips these before parsing them.</summary>
    IReadOnlySet<string> StoredPageKeys() => new HashSet<string>();
}
