using Vigil.Ingest;
using Vigil.Storage;
using Vigil.Tests.Storage;

namespace Vigil.Tests.Ingest;

/// <summary>A store that gives up mid-run stops the ingest with its reason and the summary of what was stored.</summary>
public sealed class IngestAbortTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-abort-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Stores the first pages, then fails as PostgreSQL does when every retry of a write lost a serialization conflict.</summary>
    private sealed class GivingUpStore(SqlEventStore inner, int pagesBeforeFailing) : IEventStore
    {
        private int stored;

        public int SchemaVersion => inner.SchemaVersion;

        public bool ContainsUrl(string url) => inner.ContainsUrl(url);

        public StoreResult StorePage(ProcessedPage page) => ++stored > pagesBeforeFailing
            ? throw new TransientFailureException("40001: could not serialize access (gave up after 10 attempts)", new InvalidOperationException("conflict"))
            : inner.StorePage(page);

        public StoredEvent? GetEvent(string id) => inner.GetEvent(id);

        public StoredArticle? GetArticle(string id) => inner.GetArticle(id);

        public IReadOnlyList<(string EventId, Vigil.Events.FieldEvidence Evidence)> EvidenceOfArticle(string articleId) => inner.EvidenceOfArticle(articleId);

        public IReadOnlyList<StoredEvent> Search(EventQuery query) => inner.Search(query);

        public void MergeEvents(string keepId, string otherId, string reason) => inner.MergeEvents(keepId, otherId, reason);

        public string SplitClaim(string eventId, string claimId, string reason) => inner.SplitClaim(eventId, claimId, reason);

        public IReadOnlyList<AuditEntry> AuditLog() => inner.AuditLog();

        public StoreCounts Counts() => inner.Counts();

        public void Dispose() => inner.Dispose();
    }

    [Fact]
    public async Task TheRunStopsWithTheReasonAndTheSummarySoFar()
    {
        using var store = new GivingUpStore(SqliteEventStore.Open(Path.Combine(folder, "a.db")), pagesBeforeFailing: 3);

        var aborted = await Assert.ThrowsAsync<IngestAbortedException>(() => new Ingester(store, DedupFixtures.Process, jobs: 2).RunAsync([DedupFixtures.Folder]));

        Assert.Equal("40001: could not serialize access (gave up after 10 attempts)", aborted.Message);
        Assert.Equal(3, aborted.Summary.Articles);
        Assert.Equal(3, store.Counts().Articles);
        Assert.StartsWith("4 pages read, 3 articles stored", aborted.Summary.ToString(), StringComparison.Ordinal);
    }
}
