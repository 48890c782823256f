using Vigil.Events;
using Vigil.Ingest;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>One suite, run against every store: SQLite and PostgreSQL must behave the same.</summary>
public abstract partial class EventStoreTests : IDisposable
{
    private readonly List<IDisposable> opened = [];

    /// <summary>A fresh, empty store (that files reports with <paramref name="matcher"/>, or the default); calls Skip when the engine is not available.</summary>
    protected abstract SqlEventStore CreateStore(IIncidentMatcher? matcher);

    /// <summary>The same database as the last <see cref="CreateStore"/>, opened again.</summary>
    protected abstract SqlEventStore Reopen();

    /// <summary>Runs SQL on the test database behind the store's back (to rebuild an older schema).</summary>
    protected abstract void RunSql(string sql);

    /// <summary>The engine's plan for a query on the test database, as text, with table scans discouraged (a test store is tiny).</summary>
    protected abstract string QueryPlan(string sql);

    /// <summary>The rows of a query on the test database, behind the store's back, each as its values joined by " | ".</summary>
    protected abstract IReadOnlyList<string> QueryRows(string sql);

    protected SqlEventStore Open(IIncidentMatcher? matcher = null)
    {
        var store = CreateStore(matcher);
        opened.Add(store);
        return store;
    }

    protected SqlEventStore OpenAgain()
    {
        var store = Reopen();
        opened.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private static ConflictEvent Airstrike(string date = "2024-03-10", int killed = 9, double latitude = 35.6476, double longitude = 36.6741) =>
        Event("Air/drone strike", date, "Maarrat al-Numan", latitude, longitude, "SY", "Idlib", killed: Count(killed), perpetrators: [RussianAir]);

    [SkippableFact]
    public void EachClaimRecordsTheCoderThatCodedIt()
    {
        var store = Open();
        var coded = Airstrike() with { Coder = "events-0123456789+lexicon-abcdef0123" };
        store.StorePage(Page("Nine people were killed in an air strike.", "https://a.example/coder", coded));
        var claim = Assert.Single(store.Dump("claims"));
        Assert.EndsWith(" | events-0123456789+lexicon-abcdef0123", claim, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MigrationsAreAppliedOnceAndReopeningKeepsTheData()
    {
        var store = Open();
        Assert.Equal(store.LatestSchemaVersion, store.SchemaVersion);
        Assert.True(store.SchemaVersion >= 5);
        store.StorePage(Page("Nine people were killed in an air strike.", "https://a.example/1", Airstrike()));
        store.Dispose();

        var again = OpenAgain();
        Assert.Equal(again.LatestSchemaVersion, again.SchemaVersion);
        Assert.Equal(new StoreCounts(1, 1, 1), again.Counts());
    }

    [SkippableFact]
    public void MigrationThreeBackfillsTheDateRangesOfAnOlderDatabase()
    {
        var store = Open();
        store.StorePage(Page("Day report.", null, Airstrike()));
        store.StorePage(Page("Month report.", null, Event("Attack", "2024-05-15", "Konduga", 11.65, 13.42, "NG", "Borno", datePrecision: DatePrecision.Month)));
        store.Dispose();
        foreach (var sql in UndoReadMigrations.Concat(new[] { "DROP INDEX claims_date_range", "ALTER TABLE claims DROP COLUMN date_min", "ALTER TABLE claims DROP COLUMN date_max", "DROP TABLE reviews", "ALTER TABLE claims DROP COLUMN coder", "ALTER TABLE articles DROP COLUMN licence", "ALTER TABLE articles DROP COLUMN attribution", "DROP TABLE work_jobs", "DROP TABLE sources", "DROP TABLE page_keys", "DROP TABLE article_bands", "DROP TABLE article_signatures", "DROP TABLE alert_deliveries", "DROP TABLE alert_outbox", "DROP TABLE alerts", "DELETE FROM schema_version WHERE version >= 3" }))
        {
            RunSql(sql);
        }

        var upgraded = OpenAgain();

        Assert.Equal(upgraded.LatestSchemaVersion, upgraded.SchemaVersion);
        // date_min and date_max come just before the coder column that migration 5 adds.
        var ranges = upgraded.Dump("claims").Select(line => string.Join(" | ", line.Split(" | ")[^3..^1])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2024-03-10 | 2024-03-10", "2024-04-14 | 2024-06-15"], ranges);
        // A later report is matched through the backfilled range.
        var result = upgraded.StorePage(Page("Late report.", null, Airstrike(date: "2024-03-11")));
        Assert.Equal(1, result.MergedClaims);
    }

    [SkippableFact]
    public void TheSamePageTwiceAddsNothing_ByUrlOrByNormalizedContent()
    {
        var store = Open();
        var first = store.StorePage(Page("Nine people were killed in an air strike.", "https://a.example/news/1?utm_source=x", Airstrike()));
        Assert.Equal(StoreStatus.Added, first.Status);

        var sameUrl = store.StorePage(Page("A different text at the same address.", "HTTPS://A.example/news/1/#top", Airstrike()));
        var sameText = store.StorePage(Page("  Nine people  were killed\n in an air strike. ", "https://mirror.example/copy", Airstrike()));

        Assert.Equal(StoreStatus.Duplicate, sameUrl.Status);
        Assert.Equal(StoreStatus.Duplicate, sameText.Status);
        Assert.Equal(new StoreCounts(1, 1, 1), store.Counts());
        Assert.True(store.ContainsUrl("https://a.example/news/1"));
        Assert.False(store.ContainsUrl("https://a.example/news/2"));
    }

    [SkippableFact]
    public void ReportsOfOneIncidentBecomeOneEventThatKeepsEveryClaim()
    {
        var store = Open();
        var a = store.StorePage(Page("Report one.", "https://one.example/a", Airstrike(killed: 9)));
        var b = store.StorePage(Page("Report two.", "https://two.example/b", Airstrike(date: "2024-03-11", killed: 12, latitude: 35.66, longitude: 36.69)));
        var c = store.StorePage(Page("Report three.", "https://three.example/c", Airstrike(killed: 10)));

        var eventId = Assert.Single(a.EventIds);
        Assert.Equal(eventId, Assert.Single(b.EventIds));
        Assert.Equal(eventId, Assert.Single(c.EventIds));
        Assert.Equal(new StoreCounts(3, 1, 3), store.Counts());

        var stored = store.GetEvent(eventId)!;
        Assert.Equal(3, stored.Claims.Count);
        Assert.Equal([9, 12, 10], stored.Claims.Select(claim => claim.Event.Killed!.Best));
        // Three figures, each from one source: none is better sourced, so best is the lowest (UCDP's practice).
        Assert.Equal(new CasualtyCount(9, 9, 12), stored.Killed);
        Assert.Contains("3 claims give a figure (9, 12, 10); low = 9, the lowest credible figure; high = 12, the highest; best = 9, the lowest figure", stored.CasualtyExplanation);
        Assert.Equal(["https://one.example/a", "https://two.example/b", "https://three.example/c"], stored.Claims.Select(claim => claim.ArticleUrl));

        var audit = store.AuditLog();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, entry => Assert.Equal("auto-merge", entry.Action));
    }

    [SkippableFact]
    public void DistinctIncidentsStayApart()
    {
        var store = Open();
        store.StorePage(Page("Base report.", null, Airstrike()));
        store.StorePage(Page("Ten days later.", null, Airstrike(date: "2024-03-20")));
        store.StorePage(Page("Aleppo, same day.", null, Airstrike(latitude: 36.2021, longitude: 37.1343)));
        store.StorePage(Page("A protest the same day and place.", null,
            Event("Peaceful protest", "2024-03-10", "Maarrat al-Numan", 35.6476, 36.6741, "SY", "Idlib")));
        store.StorePage(Page("Far more dead: another strike.", null, Airstrike(killed: 60)));

        Assert.Equal(5, store.Counts().Events);
    }

    [SkippableFact]
    public void TwoIncidentsInOneArticleAreNeverMergedWithEachOther()
    {
        var store = Open();
        var result = store.StorePage(Page("Two strikes on one town, morning and evening.", null, Airstrike(), Airstrike(killed: 8)));

        Assert.Equal(2, result.NewEvents);
        Assert.Equal(2, result.EventIds.Distinct().Count());
    }

    [SkippableFact]
    public void EventIdsAreDerivedFromTheFirstReportNotFromInsertionOrder()
    {
        var store = Open();
        store.StorePage(Page("Something else first.", null, Airstrike(date: "2023-01-01")));
        var result = store.StorePage(Page("Nine people were killed in an air strike.", null, Airstrike()));

        var articleId = ContentIdentity.ContentHash("Nine people were killed in an air strike.");
        Assert.Equal($"{articleId[..16]}-0", Assert.Single(result.EventIds));
    }

    [SkippableFact]
    public void MergeAndSplitAreAuditedAndSplitUndoesAMerge()
    {
        var store = Open();
        var first = Assert.Single(store.StorePage(Page("Strike on Maarrat.", null, Airstrike())).EventIds);
        var second = Assert.Single(store.StorePage(Page("Strike on Aleppo.", null, Airstrike(latitude: 36.2021, longitude: 37.1343))).EventIds);
        Assert.NotEqual(first, second);

        store.MergeEvents(first, second, "same strike, mislocated by one outlet");
        Assert.Equal(new StoreCounts(2, 1, 2), store.Counts());
        Assert.Null(store.GetEvent(second));
        Assert.Equal(2, store.GetEvent(first)!.Claims.Count);

        var newId = store.SplitClaim(first, second, "the analyst was wrong: two strikes");
        Assert.Equal(second, newId);
        Assert.Equal(new StoreCounts(2, 2, 2), store.Counts());
        Assert.Single(store.GetEvent(first)!.Claims);
        Assert.Equal("Maarrat al-Numan", store.GetEvent(newId)!.Location!.Name);

        var audit = store.AuditLog();
        Assert.Equal(["merge", "split"], audit.Select(entry => entry.Action));
        Assert.Equal("same strike, mislocated by one outlet", audit[0].Reason);
        Assert.Equal([second], audit[1].ClaimIds);
        Assert.Throws<StoreException>(() => store.SplitClaim(first, first, "nothing left"));
        Assert.Throws<StoreException>(() => store.MergeEvents(first, "no-such-event", "x"));
    }

    [SkippableFact]
    public void SearchFiltersByTextDateTypeCountryAndBox()
    {
        var store = Open();
        store.StorePage(Page("Warplanes bombed a crowded market in the town.", null, Airstrike()));
        store.StorePage(Page("Gunmen stormed the village at dawn and burned houses.", null,
            Event("Attack", "2024-05-02", "Konduga", 11.65, 13.42, "NG", "Borno", killed: Count(5), perpetrators: [Iswap])));

        Assert.Equal("Maarrat al-Numan", Assert.Single(store.Search(new EventQuery(Text: "market bombed"))).Location!.Name);
        Assert.Equal("Konduga", Assert.Single(store.Search(new EventQuery(Text: "villages"))).Location!.Name);
        Assert.Empty(store.Search(new EventQuery(Text: "\"drone OR\" (")));
        Assert.Equal("Konduga", Assert.Single(store.Search(new EventQuery(From: new DateOnly(2024, 4, 1)))).Location!.Name);
        Assert.Equal("Maarrat al-Numan", Assert.Single(store.Search(new EventQuery(To: new DateOnly(2024, 4, 1)))).Location!.Name);
        Assert.Equal("Konduga", Assert.Single(store.Search(new EventQuery(EventType: EventTaxonomy.ViolenceAgainstCivilians))).Location!.Name);
        Assert.Equal("Maarrat al-Numan", Assert.Single(store.Search(new EventQuery(Country: "sy"))).Location!.Name);
        Assert.Equal("Konduga", Assert.Single(store.Search(new EventQuery(BoundingBox: (2.7, 4.2, 14.7, 13.9)))).Location!.Name);
        Assert.Equal(2, store.Search(new EventQuery()).Count);
    }

    [SkippableFact]
    public async Task IngestWithFourJobsStoresExactlyWhatSqliteStoresWithOne()
    {
        var store = Open();
        await new Ingester(store, DedupFixtures.Process, jobs: 4).RunAsync([DedupFixtures.Folder]);
        var folder = Directory.CreateTempSubdirectory("vigil-reference-").FullName;
        try
        {
            using var reference = SqliteEventStore.Open(Path.Combine(folder, "reference.db"));
            await new Ingester(reference, DedupFixtures.Process, jobs: 1).RunAsync([DedupFixtures.Folder]);
            string[] tables = ["articles", "events", "claims", "claim_actors", "claim_victims", "claim_sources", "evidence"];
            Assert.Equal(reference.Dump(tables), store.Dump(tables));
            Assert.Equal(reference.AuditLog().Select(e => (e.Action, e.EventId, e.Reason)), store.AuditLog().Select(e => (e.Action, e.EventId, e.Reason)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void ChildTablesKeepActorsVictimsSourcesAndEvidence()
    {
        var store = Open();
        store.StorePage(Page("A report.", null,
            Event("Attack", "2024-05-02", "Konduga", 11.65, 13.42, "NG", "Borno", killed: Count(2), perpetrators: [Iswap], targets: [new Actor("villagers", ActorKind.Civilians, null)],
                victims: [new Victim("Musa Ali", 34, Gender.Male, null, null, VictimOutcome.Killed)])));

        var dump = store.Dump("claim_actors", "claim_victims", "claim_sources", "evidence");
        Assert.Contains(dump, line => line.StartsWith("claim_actors:", StringComparison.Ordinal) && line.Contains("perpetrator | ISWAP | rebel group"));
        Assert.Contains(dump, line => line.StartsWith("claim_victims:", StringComparison.Ordinal) && line.Contains("Musa Ali | 34 | male"));
        Assert.Contains(dump, line => line.StartsWith("claim_sources:", StringComparison.Ordinal) && line.Contains("local officials | government | said | 0"));
        Assert.Contains(dump, line => line.StartsWith("evidence:", StringComparison.Ordinal) && line.Contains("killed | 0 | 5 | text!"));
    }
}

public sealed class SqliteEventStoreTests : EventStoreTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-store-").FullName;

    protected override SqlEventStore CreateStore(IIncidentMatcher? matcher) => SqliteEventStore.Open(Path.Combine(folder, "test.db"), matcher);

    protected override SqlEventStore Reopen() => SqliteEventStore.Open(Path.Combine(folder, "test.db"));

    protected override void RunSql(string sql) => TestSql.OnSqlite(Path.Combine(folder, "test.db"), sql);

    protected override string QueryPlan(string sql) => TestSql.PlanOnSqlite(Path.Combine(folder, "test.db"), sql);

    protected override IReadOnlyList<string> QueryRows(string sql) => TestSql.RowsOnSqlite(Path.Combine(folder, "test.db"), sql);

    [Fact]
    public void AnUpgradeOfAnAnalyzedSqliteStoreAnalyzesTheIndexesItAdds()
    {
        var store = StoreOfEight();
        var latest = store.LatestSchemaVersion;
        var undo = store.UndoSchemaOnlyMigrations.Append($"DELETE FROM schema_version WHERE version > {latest - store.SchemaOnlyMigrations}").ToList();
        store.Dispose();
        foreach (var sql in undo)
        {
            RunSql(sql);
        }

        // Analyzed before the upgrade: an index added without statistics would look like the most selective of all.
        RunSql("ANALYZE");
        var upgraded = OpenAgain();
        Assert.Equal(latest, upgraded.SchemaVersion);
        Assert.Contains(upgraded.Dump("sqlite_stat1"), line => line.Contains("| events_type_place |", StringComparison.Ordinal));
        Assert.Contains("events_type_recent", QueryPlan("SELECT id FROM events WHERE event_type = 'Battles' ORDER BY event_date DESC, id LIMIT 50"), StringComparison.Ordinal);
    }

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class PostgresEventStoreTests : EventStoreTests
{
    private readonly TestPostgres.Schema? schema = TestPostgres.CreateSchema();

    protected override SqlEventStore CreateStore(IIncidentMatcher? matcher)
    {
        Skip.If(schema is null, TestPostgres.SkipReason);
        return PostgresEventStore.Open(schema!.ConnectionString, matcher);
    }

    protected override SqlEventStore Reopen() => CreateStore(null);

    protected override void RunSql(string sql) => TestSql.OnPostgres(schema!.ConnectionString, sql);

    protected override string QueryPlan(string sql) => TestSql.PlanOnPostgres(schema!.ConnectionString, sql);

    protected override IReadOnlyList<string> QueryRows(string sql) => TestSql.RowsOnPostgres(schema!.ConnectionString, sql);

    [SkippableFact]
    public void TheStoreReadsWithoutParallelPlans()
    {
        using var store = (PostgresEventStore)CreateStore(null);
        Assert.Equal("0", store.Setting("max_parallel_workers_per_gather"));
    }

    [SkippableFact]
    public void AWordsEventsAreReadFromTheIndexOfClaimsByArticleAlone()
    {
        var store = CreateStore(null);
        store.Dispose();
        // An index of article ids alone sent each match to the claims table for its event id.
        var plan = QueryPlan("SELECT event_id FROM claims WHERE article_id = 'a'");
        Assert.Contains("claims_article_event", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("claims_article ", plan + " ", StringComparison.Ordinal);
    }

    public override void Dispose()
    {
        base.Dispose();
        schema?.Dispose();
    }
}
