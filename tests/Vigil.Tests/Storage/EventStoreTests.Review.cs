using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>Analyst review and article reading, on every store.</summary>
public abstract partial class EventStoreTests
{
    [SkippableFact]
    public void ReviewsSetStatusApplyCorrectionsAndAreAudited()
    {
        var store = Open();
        var stored = store.StorePage(Page("Nine people were killed in an air strike.", "https://a.example/review", Airstrike()));
        var id = Assert.Single(stored.EventIds);
        Assert.False(store.ReviewStatuses().ContainsKey(id));

        store.Review(id, "reject", null, null, "duplicate of a report from last week", "ana");
        store.Review(id, "confirm", null, null, null, "ben");
        Assert.Equal("confirmed", store.ReviewStatuses()[id]);

        store.Review(id, "correct", "killed", "11", "hospital figures", "ana");
        var corrected = SqlEventStore.ApplyCorrections(store.GetEvent(id)!, store.Reviews(id));
        Assert.Equal(11, corrected.Killed!.Best);
        Assert.Equal(3, store.Reviews(id).Count);
        Assert.Equal(3, store.AuditLog().Count(entry => entry.EventId == id && entry.Action.StartsWith("review-", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void ReviewRefusesUnknownEventsActionsAndMalformedCorrections()
    {
        var store = Open();
        var id = Assert.Single(store.StorePage(Page("Nine people were killed in an air strike.", "https://a.example/refuse", Airstrike())).EventIds);
        Assert.Contains("no event", Assert.Throws<StoreException>(() => store.Review("missing", "confirm", null, null, null, "ana")).Message);
        Assert.Throws<StoreException>(() => store.Review(id, "approve", null, null, null, "ana"));
        Assert.Throws<StoreException>(() => store.Review(id, "correct", "killed", "several", null, "ana"));
        Assert.Throws<StoreException>(() => store.Review(id, "correct", "subEventType", "Skirmish", null, "ana"));
        Assert.Throws<StoreException>(() => store.Review(id, "correct", "headline", "x", null, "ana"));
        Assert.Empty(store.Reviews(id));
    }

    [SkippableFact]
    public void ArticlesAreReadBackWithTheEvidenceThatPointsIntoThem()
    {
        var store = Open();
        const string text = "Nine people were killed in an air strike.";
        var result = store.StorePage(Page(text, "https://a.example/article", Airstrike()));
        var article = store.GetArticle(result.ArticleId)!;
        Assert.Equal(text, article.Text);
        Assert.Null(store.GetArticle("missing"));
        var (eventId, evidence) = Assert.Single(store.EvidenceOfArticle(result.ArticleId));
        Assert.Equal(result.EventIds[0], eventId);
        Assert.Equal(("killed", 0, 5), (evidence.Field, evidence.Start, evidence.End));
    }
}
