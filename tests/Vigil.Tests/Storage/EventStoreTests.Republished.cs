using Vigil.Events;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>Re-published reports (issue 16): a near-duplicate of a stored text is the same report, even with no date or place.</summary>
public abstract partial class EventStoreTests
{
    private const string WireReport =
        "Gunmen on motorcycles killed nine people and wounded three others in a raid on a farming village late on Sunday, residents said. "
        + "The attackers arrived shortly after dusk, fired on men returning from the fields and set fire to several granaries before leaving. "
        + "A local official said the dead included two brothers and an elderly man who could not run.";

    /// <summary>What the extractor makes of such a report: no date and no place the matcher could use.</summary>
    private static ConflictEvent Undated(int killed) => Airstrike(killed: killed) with { Date = null, Location = null };

    [SkippableFact]
    public void ARepublishedCopyWithoutDateOrPlaceJoinsTheReportItCopies()
    {
        var store = Open();
        var original = store.StorePage(Page(WireReport, "https://one.example/raid", Undated(9)));
        var copy = store.StorePage(Page("(Delta Wire) - " + WireReport + " Officials did not respond to requests for comment.", "https://two.example/raid", Undated(9)));
        var eventId = Assert.Single(original.EventIds);

        Assert.Equal(StoreStatus.Added, copy.Status);
        Assert.Equal(eventId, Assert.Single(copy.EventIds));
        Assert.Equal(1, copy.MergedClaims);
        Assert.Equal(new StoreCounts(2, 1, 2), store.Counts());
        Assert.Equal(["https://one.example/raid", "https://two.example/raid"], store.GetEvent(eventId)!.Claims.Select(claim => claim.ArticleUrl));
        var merge = Assert.Single(store.AuditLog(), entry => entry.Action == "auto-merge");
        Assert.Contains("same report as article", merge.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AReportInTheSameWordsWithOtherFiguresOrAnotherTextStaysApart()
    {
        var store = Open();
        var original = Assert.Single(store.StorePage(Page(WireReport, "https://one.example/raid", Undated(9))).EventIds);
        // A wire story re-used for the next raid: the same words, other figures.
        var template = store.StorePage(Page(WireReport.Replace("nine", "four", StringComparison.Ordinal).Replace("three", "six", StringComparison.Ordinal), "https://two.example/raid-2", Undated(4)));
        var other = store.StorePage(Page(
            "Bandits attacked an artisanal gold mine, killing nine miners and carrying off bags of ore and cash, a miners' association said. "
            + "The gunmen came on foot through the bush and opened fire on workers resting near the pits.",
            "https://three.example/mine",
            Undated(9)));

        Assert.NotEqual(original, Assert.Single(template.EventIds));
        Assert.NotEqual(original, Assert.Single(other.EventIds));
        Assert.Equal(new StoreCounts(3, 3, 3), store.Counts());
    }

    [SkippableFact]
    public void WithTheComparisonOffOnlyTheMatcherMerges()
    {
        var store = Open();
        store.NearDuplicateSimilarity = null;
        store.StorePage(Page(WireReport, "https://one.example/raid", Undated(9)));
        var copy = store.StorePage(Page(WireReport + " Officials did not respond to requests for comment.", "https://two.example/raid", Undated(9)));
        Assert.Equal(0, copy.MergedClaims);
        Assert.Equal(new StoreCounts(2, 2, 2), store.Counts());
    }

    [SkippableFact]
    public void AnUpgradedStoreSignsItsArticlesSoALaterCopyFindsThem()
    {
        var store = Open();
        var eventId = Assert.Single(store.StorePage(Page(WireReport, "https://one.example/raid", Undated(9))).EventIds);
        var latest = store.LatestSchemaVersion;
        store.Dispose();
        // As a database from before signatures were kept: their tables gone, the migration that adds them not applied.
        // The migrations that came after it (the alerts', then the reads') are undone too, so that they run again after it.
        foreach (var sql in UndoReadMigrations.Concat(["DROP TABLE page_keys", "DROP TABLE article_bands", "DROP TABLE article_signatures", "DROP TABLE alert_deliveries", "DROP TABLE alert_outbox", "DROP TABLE alerts", $"DELETE FROM schema_version WHERE version >= {latest - ReadMigrations - 1}"]))
        {
            RunSql(sql);
        }

        var upgraded = OpenAgain();
        Assert.Equal(upgraded.LatestSchemaVersion, upgraded.SchemaVersion);
        var copy = upgraded.StorePage(Page(WireReport + " The incident was also reported by local radio stations.", "https://two.example/raid", Undated(9)));
        Assert.Equal(eventId, Assert.Single(copy.EventIds));
    }
}
