using Vigil.Events;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>The reads that the database answers by itself (count, sort, page, aggregate, stream), on every store.</summary>
public abstract partial class EventStoreTests
{
    /// <summary>What the read migrations add, undone, as a database from before them would be (the last store opened says how).</summary>
    private IEnumerable<string> UndoReadMigrations => opened.OfType<SqlEventStore>().Last().UndoReadSchema.Append("ALTER TABLE events DROP COLUMN confidence");

    /// <summary>How many migrations <see cref="UndoReadMigrations"/> undoes (the last ones).</summary>
    private int ReadMigrations => opened.OfType<SqlEventStore>().Last().ReadSchemaMigrations;

    /// <summary>Eight events over three countries, two years and four types, one without a date's day, some with equal dates and counts.</summary>
    protected SqlEventStore StoreOfEight()
    {
        var store = Open();
        var events = new[]
        {
            (Event("Armed clash", "2023-05-01", "Maiduguri", 11.85, 13.16, "NG", killed: Count(4)), 0.9),
            (Event("Armed clash", "2023-05-01", "Aleppo", 36.2, 37.13, "SY", killed: Count(4)), 0.5),
            (Event("Air/drone strike", "2024-03-10", "Maarrat al-Numan", 35.65, 36.67, "SY", killed: Count(9)), 0.7),
            (Event("Peaceful protest", "2024-03-11", "Nairobi", -1.29, 36.82, "KE"), 0.6),
            (Event("Attack", "2024-03-12", "Garissa", -0.45, 39.65, "KE", killed: Count(2)), 0.4),
            (Event("Attack", "2024-06-01", "Idlib", 35.93, 36.63, "SY", killed: Count(12), datePrecision: DatePrecision.Month), 0.95),
            (Event("Mob violence", "2023-12-24", "Kano", 12.0, 8.52, "NG"), 0.3),
            (Event("Peaceful protest", "2024-03-11", "Mombasa", -4.04, 39.67, "KE"), 0.6),
        };
        for (var i = 0; i < events.Length; i++)
        {
            var (incident, confidence) = events[i];
            store.StorePage(Page($"Report {i} of the incident.", $"https://scale.example/{i}", incident with { Confidence = confidence }));
        }

        Assert.Equal(8, store.Counts().Events);
        return store;
    }

    /// <summary>The order the API used to sort in memory (EventViews.Sorted), which the database must reproduce.</summary>
    private static IEnumerable<StoredEvent> SortedInMemory(IEnumerable<StoredEvent> events, string sort)
    {
        static double Confidence(StoredEvent e) => e.Claims.Max(c => c.Event.Confidence);
        return sort switch
        {
            "date" => events.OrderBy(e => e.Date?.Value).ThenBy(e => e.Id, StringComparer.Ordinal),
            "killed" => events.OrderBy(e => e.Killed?.Best ?? 0).ThenBy(e => e.Id, StringComparer.Ordinal),
            "-killed" => events.OrderByDescending(e => e.Killed?.Best ?? 0).ThenBy(e => e.Id, StringComparer.Ordinal),
            "confidence" => events.OrderBy(Confidence).ThenBy(e => e.Id, StringComparer.Ordinal),
            "-confidence" => events.OrderByDescending(Confidence).ThenBy(e => e.Id, StringComparer.Ordinal),
            _ => events.OrderByDescending(e => e.Date?.Value).ThenBy(e => e.Id, StringComparer.Ordinal),
        };
    }

    public static TheoryData<string> AllSorts() => [.. SqlEventStore.Sorts];

    [SkippableTheory]
    [MemberData(nameof(AllSorts))]
    public void APageIsSortedAndCutByTheDatabaseAsTheApiSortedInMemory(string sort)
    {
        var store = StoreOfEight();
        var queries = new[]
        {
            new EventQuery(),
            new EventQuery(Country: "KE"),
            new EventQuery(EventType: EventTaxonomy.Battles),
            new EventQuery(EventType: "Attack"),
            new EventQuery(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 3, 11)),
            new EventQuery(BoundingBox: (30, -5, 40, 40)),
            new EventQuery(BoundingBox: (30, -5, 40, 40), EventType: EventTaxonomy.Battles),
            new EventQuery(MinConfidence: 0.6),
            new EventQuery(SubEventType: "Peaceful protest", Country: "KE"),
            new EventQuery(Text: "incident", Country: "NG"),
        };
        foreach (var query in queries)
        {
            var expected = SortedInMemory(store.Search(query), sort).Select(e => e.Id).ToList();
            Assert.Equal(expected.Count, store.CountEvents(query));
            Assert.Equal(expected, store.SearchPage(query, sort, 0, 100).Select(e => e.Id));
            Assert.Equal(expected.Skip(2).Take(3), store.SearchPage(query, sort, 2, 3).Select(e => e.Id));
            Assert.Equal(expected, store.StreamEvents(query, sort, batchSize: 2).Select(e => e.Id));
        }
    }

    [SkippableFact]
    public void ABoxOfOneTypeIsReadFromTheIndexOfTypeAndPlace()
    {
        var store = StoreOfEight();
        var box = new EventQuery(BoundingBox: (30, -5, 40, 40), EventType: EventTaxonomy.Battles);
        Assert.Equal(1, store.CountEvents(box));
        // The box index alone would read each event of the longitude band from the table for its type.
        Assert.Contains("events_type_place", QueryPlan(
            "SELECT id FROM events WHERE event_type = 'Battles' AND longitude >= 30 AND longitude <= 40 AND latitude >= -5 AND latitude <= 40"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MinimumConfidenceIsThatOfTheSurestReport()
    {
        var store = StoreOfEight();
        Assert.Equal(5, store.CountEvents(new EventQuery(MinConfidence: 0.6)));
        Assert.All(store.SearchPage(new EventQuery(MinConfidence: 0.6), "-date", 0, 10), e => Assert.True(e.Claims.Max(c => c.Event.Confidence) >= 0.6));
    }

    [SkippableFact]
    public void TheReviewFilterFollowsTheLatestConfirmOrReject()
    {
        var store = StoreOfEight();
        var ids = store.SearchPage(new EventQuery(), "date", 0, 3).Select(e => e.Id).ToList();
        store.Review(ids[0], "confirm", null, null, null, "ana");
        store.Review(ids[1], "confirm", null, null, null, "ana");
        store.Review(ids[1], "reject", null, null, "wrong village", "ben");
        store.Review(ids[2], "correct", "weapon", "rifle", null, "ana");
        Assert.Equal([ids[0]], store.SearchPage(new EventQuery(Review: "confirmed"), "date", 0, 10).Select(e => e.Id));
        Assert.Equal([ids[1]], store.SearchPage(new EventQuery(Review: "rejected"), "date", 0, 10).Select(e => e.Id));
        Assert.Equal(6, store.CountEvents(new EventQuery(Review: SqlEventStore.Unreviewed)));
        Assert.Throws<ArgumentException>(() => store.CountEvents(new EventQuery(Review: "maybe")));
    }

    [SkippableFact]
    public void StatisticsAndTotalsAreCountedByTheDatabaseAsTheyWereInMemoryAndFollowMergesAndCorrections()
    {
        var store = StoreOfEight();
        AssertCountedAsInMemory(store);

        // A merge deletes an event, a correction of the type updates one: the kept counts follow both.
        var ids = store.SearchPage(new EventQuery(Country: "KE"), "date", 0, 3).Select(e => e.Id).ToList();
        store.MergeEvents(ids[0], ids[1], "same protest");
        store.Review(ids[2], "correct", "subEventType", "Armed clash", null, "ana");
        Assert.Equal(7, store.CountEvents(new EventQuery()));
        AssertCountedAsInMemory(store);
    }

    private static void AssertCountedAsInMemory(SqlEventStore store)
    {
        EventQuery[] queries =
        [
            new(), new(Country: "KE"), new(From: new DateOnly(2024, 1, 1)), new(To: new DateOnly(2023, 12, 31), EventType: EventTaxonomy.Battles),
            new(Country: "SY", EventType: EventTaxonomy.Battles), new(EventType: "Attack"), new(MinConfidence: 0.5),
            new(Country: "KE", From: new DateOnly(2024, 3, 11)), new(Country: "SY", To: new DateOnly(2024, 3, 31), EventType: EventTaxonomy.Battles),
            new(From: new DateOnly(2023, 5, 1), To: new DateOnly(2024, 3, 11), EventType: EventTaxonomy.Protests), new(Text: "incident", Country: "KE"),
            // Ranges that end inside a month, begin inside one, hold whole months only, or lie within one month: the
            // kept counts by month answer the whole months, those by day the ends.
            new(From: new DateOnly(2023, 5, 2), To: new DateOnly(2024, 3, 11)), new(From: new DateOnly(2023, 4, 30), To: new DateOnly(2024, 3, 10)),
            new(From: new DateOnly(2023, 5, 1), To: new DateOnly(2024, 2, 29)), new(From: new DateOnly(2024, 3, 1), To: new DateOnly(2024, 3, 31)),
            new(From: new DateOnly(2024, 3, 11), To: new DateOnly(2024, 3, 12)), new(From: new DateOnly(2023, 12, 2), Country: "NG"),
            new(To: new DateOnly(2024, 3, 30), Country: "SY"), new(From: new DateOnly(2024, 3, 11), To: new DateOnly(2024, 6, 1), EventType: EventTaxonomy.Protests),
            new(From: new DateOnly(2024, 4, 1), To: new DateOnly(2024, 4, 30)), new(From: new DateOnly(2023, 12, 24), To: new DateOnly(2023, 12, 24)),
            new(From: new DateOnly(2023, 5, 15), To: DateOnly.MaxValue), new(From: DateOnly.MinValue, To: new DateOnly(2024, 3, 10)),
        ];
        foreach (var (query, grain) in queries.SelectMany(q => new TimeGrain?[] { null, TimeGrain.Day, TimeGrain.Week, TimeGrain.Month }.Select(g => (q, g))))
        {
            var events = store.Search(query);
            var figures = store.Statistics(query, grain);
            Assert.Equal(events.Count, figures.Events);
            Assert.Equal(events.Count, store.CountEvents(query));
            // Without a grain, the one that suits the range: the query's dates, an open end the matching events' first or last day.
            var days = events.Select(e => e.Date!.Value).ToList();
            var expectedGrain = grain ?? (days.Count == 0 ? TimeGrain.Day : TimeGrains.ForSpan(query.From ?? days.Min(), query.To ?? days.Max()));
            Assert.Equal(expectedGrain, figures.Grain);
            var byDay = events.GroupBy(e => (Day: expectedGrain.PeriodOf(e.Date!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.EventType))
                .Select(g => (g.Key.Day, g.Key.EventType, g.Count())).OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.EventType, StringComparer.Ordinal);
            Assert.Equal(byDay, figures.ByDay);
            Assert.Equal(
                events.GroupBy(e => e.EventType).Select(g => (g.Key, g.Count())).OrderByDescending(k => k.Item2).ThenBy(k => k.Key, StringComparer.Ordinal),
                figures.ByType);
            Assert.Equal(
                events.GroupBy(e => e.Location!.Country!).Select(g => (g.Key, g.Count())).OrderByDescending(k => k.Item2).ThenBy(k => k.Key, StringComparer.Ordinal),
                figures.ByCountry);
        }
    }

    [SkippableFact]
    public void TheKeptCountsByMonthAreTheEventsGroupedByMonthAfterInsertsMergesSplitsAndCorrections()
    {
        var store = StoreOfEight();
        AssertMonthCountsAreTheEventsGrouped();

        // A second report of Aleppo's clash (joining its event, or a new one); Syria's first and last events merged
        // across months (one deleted, the other's date and type read again), then split apart; a correction of the type.
        store.StorePage(Page("Another report of the incident in Aleppo.", "https://scale.example/aleppo", Event("Armed clash", "2023-05-02", "Aleppo", 36.2, 37.13, "SY", killed: Count(5))));
        AssertMonthCountsAreTheEventsGrouped();
        var syria = store.SearchPage(new EventQuery(Country: "SY"), "date", 0, 10).Select(e => e.Id).ToList();
        store.MergeEvents(syria[^1], syria[0], "same offensive");
        AssertMonthCountsAreTheEventsGrouped();
        AssertCountedAsInMemory(store);
        var merged = store.GetEvent(syria[^1])!;
        store.SplitClaim(merged.Id, merged.Claims[0].Id, "two incidents after all");
        AssertMonthCountsAreTheEventsGrouped();
        store.Review(syria[1], "correct", "eventType", EventTaxonomy.Protests, null, "ana");
        AssertMonthCountsAreTheEventsGrouped();
        AssertCountedAsInMemory(store);

        // An event without a date or place is kept under '' for both.
        store.StorePage(Page("A clash on a day no one gave.", "https://scale.example/undated", Event("Armed clash", "2024-01-01", "nowhere", null, null, "SY") with { Date = null, Location = null }));
        AssertMonthCountsAreTheEventsGrouped();
        Assert.Contains(QueryRows("SELECT country, event_month, events FROM event_country_month_counts"), row => row == " |  | 1");
        var all = store.Statistics(new EventQuery(), TimeGrain.Month);
        Assert.Equal(store.CountEvents(new EventQuery()), all.Events);
        Assert.Equal(all.Events - 1, all.ByDay.Sum(period => period.Count));
    }

    private void AssertMonthCountsAreTheEventsGrouped()
    {
        const string Month = "COALESCE(substr(event_date, 1, 7) || '-01', '')";
        Assert.Equal(
            QueryRows($"SELECT {Month}, event_type, COUNT(*) FROM events GROUP BY {Month}, event_type ORDER BY 1, 2"),
            QueryRows("SELECT event_month, event_type, events FROM event_month_counts WHERE events <> 0 ORDER BY 1, 2"));
        Assert.Equal(
            QueryRows($"SELECT COALESCE(country, ''), {Month}, event_type, COUNT(*) FROM events GROUP BY COALESCE(country, ''), {Month}, event_type ORDER BY 1, 2, 3"),
            QueryRows("SELECT country, event_month, event_type, events FROM event_country_month_counts WHERE events <> 0 ORDER BY 1, 2, 3"));
    }

    [SkippableFact]
    public void StatisticsCountByTheGrainThatSuitsTheRangeOrTheOneAskedFor()
    {
        var store = StoreOfEight();
        // The eight span 2023-05-01 to 2024-06-01 (397 days): weeks. Kenya's three, 11-12 March 2024: days. From 2022: months.
        Assert.Equal(TimeGrain.Week, store.Statistics(new EventQuery()).Grain);
        Assert.Equal(TimeGrain.Day, store.Statistics(new EventQuery(Country: "KE")).Grain);
        Assert.Equal(TimeGrain.Month, store.Statistics(new EventQuery(From: new DateOnly(2022, 1, 1))).Grain);
        Assert.Equal(TimeGrain.Day, store.Statistics(new EventQuery(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 4, 30))).Grain);
        // Filters the kept counts do not answer are counted by day, then gathered: five of the six confident events span the 397 days.
        Assert.Equal(TimeGrain.Week, store.Statistics(new EventQuery(MinConfidence: 0.5)).Grain);
        Assert.Equal(TimeGrain.Day, store.Statistics(new EventQuery(Text: "incident", Country: "KE")).Grain);

        // A week is named by its Monday: Sunday 10 March 2024 is in the week of Monday 4 March, Monday 11 March starts its own.
        var explosions = EventTaxonomy.TypeOf("Air/drone strike")!;
        var protests = EventTaxonomy.TypeOf("Peaceful protest")!;
        var violence = EventTaxonomy.TypeOf("Attack")!;
        var march = new EventQuery(From: new DateOnly(2024, 3, 1), To: new DateOnly(2024, 3, 31));
        Assert.Equal([("2024-03-04", explosions, 1), ("2024-03-11", protests, 2), ("2024-03-11", violence, 1)], store.Statistics(march, TimeGrain.Week).ByDay);
        Assert.Equal([("2024-03-01", explosions, 1), ("2024-03-01", protests, 2), ("2024-03-01", violence, 1)], store.Statistics(march, TimeGrain.Month).ByDay);
        // The same from the events (a filter the kept counts do not answer).
        Assert.Equal([("2024-03-11", protests, 2), ("2024-03-11", violence, 1)], store.Statistics(new EventQuery(Country: "KE", MinConfidence: 0.4), TimeGrain.Week).ByDay);
    }

    [SkippableFact]
    public void APageAndItsTotalReadTogetherAreThoseReadApart()
    {
        // On PostgreSQL every word here is rare (under RareWordArticles), so its events are gathered once for both.
        var store = StoreOfEight();
        EventQuery[] queries = [new(Text: "incident"), new(Text: "incident", Country: "KE"), new(Text: "unheard"), new(Country: "SY")];
        foreach (var query in queries)
        {
            foreach (var (sort, offset, cap) in new[] { ("-date", 0, 100), ("killed", 2, 100), ("-date", 0, 3), ("date", 7, 5), ("-date", 20, 100), ("-date", 20, 2) })
            {
                var (total, page) = store.SearchPageAndTotal(query, sort, offset, 3, cap);
                Assert.Equal(store.CountEventsUpTo(query, cap), total);
                Assert.Equal(store.SearchPage(query, sort, offset, 3).Select(e => e.Id), page.Select(e => e.Id));
            }
        }
    }

    [SkippableFact]
    public void ACountOfRowsStopsAtItsCapAndSaysSoWhileKeptCountsStayExact()
    {
        var store = StoreOfEight();
        var confident = new EventQuery(MinConfidence: 0.5);
        Assert.Equal(6, store.CountEvents(confident));
        Assert.Equal(new EventTotal(6, false), store.CountEventsUpTo(confident, 6));
        Assert.Equal(new EventTotal(5, true), store.CountEventsUpTo(confident, 5));
        Assert.Equal(new EventTotal(0, true), store.CountEventsUpTo(confident, 0));
        Assert.Equal(new EventTotal(3, true), store.CountEventsUpTo(new EventQuery(Text: "incident"), 3));
        Assert.Equal(new EventTotal(2, false), store.CountEventsUpTo(new EventQuery(Text: "incident", Country: "NG"), 3));
        // Country, dates and type are summed from the kept counts, which are exact whatever the cap.
        Assert.Equal(new EventTotal(3, false), store.CountEventsUpTo(new EventQuery(Country: "KE"), 1));
        Assert.Equal(new EventTotal(3, false), store.CountEventsUpTo(new EventQuery(Country: "KE", From: new DateOnly(2024, 3, 11)), 1));
    }

    [SkippableFact]
    public void ACommonWordIsCheckedEventByEventAndCountedFromTheIndexWithTheSameAnswers()
    {
        var store = StoreOfEight();
        store.StorePage(Page("A report without the word.", "https://scale.example/other", Event("Armed clash", "2022-01-02", "Gao", 16.27, -0.04, "ML")));
        if (store is SqliteEventStore sqlite)
        {
            // Every word of these reports is "common" with a threshold of two articles.
            sqlite.CommonWordArticles = 2;
        }
        else if (store is PostgresEventStore postgres)
        {
            // No word is rare: each is left to the planner (EXISTS), as a word in more than a few thousand reports is.
            postgres.RareWordArticles = 0;
        }

        EventQuery[] queries =
        [
            new(Text: "incident"), new(Text: "incident", Country: "SY"), new(Text: "incident", From: new DateOnly(2024, 1, 1), EventType: EventTaxonomy.Protests),
            new(Text: "report"), new(Text: "incident", MinConfidence: 0.6),
        ];
        foreach (var query in queries)
        {
            var expected = SortedInMemory(store.Search(query), "-date").Select(e => e.Id).ToList();
            Assert.Equal(expected, store.SearchPage(query, "-date", 0, 100).Select(e => e.Id));
            Assert.Equal(expected.Skip(1).Take(2), store.SearchPage(query, "-date", 1, 2).Select(e => e.Id));
            Assert.Equal(new EventTotal(expected.Count, false), store.CountEventsUpTo(query, 100));
            Assert.Equal(new EventTotal(Math.Min(expected.Count, 2), expected.Count > 2), store.CountEventsUpTo(query, 2));
            Assert.Equal(expected.Count, store.Statistics(query).Events);
        }
    }

    [SkippableFact]
    public void UpgradingAcrossMigrationsThatOnlyAddKeptTablesFillsThemAndReadsNoEventAgain()
    {
        var store = StoreOfEight();
        var latest = store.LatestSchemaVersion;
        var undo = store.UndoSchemaOnlyMigrations.Append($"DELETE FROM schema_version WHERE version > {latest - store.SchemaOnlyMigrations}").ToList();
        var kenya = store.SearchPage(new EventQuery(Country: "KE"), "date", 0, 1).Single().Id;
        store.Dispose();
        foreach (var sql in undo)
        {
            RunSql(sql);
        }

        // A row that re-reading the events would rewrite from its claims: a migration that only adds kept counts leaves it.
        RunSql($"UPDATE events SET claims_count = 2, casualty_explanation = 'left alone' WHERE id = '{kenya}'");
        var upgraded = OpenAgain();
        Assert.Equal(latest, upgraded.SchemaVersion);
        Assert.Contains("left alone", upgraded.Dump("events").Single(line => line.StartsWith($"events: {kenya} ", StringComparison.Ordinal)), StringComparison.Ordinal);
        AssertCountedAsInMemory(upgraded);
        Assert.Equal(8, upgraded.CountEvents(new EventQuery(Text: "incident")));
        upgraded.StorePage(Page("A later report of a riot.", "https://scale.example/later", Event("Mob violence", "2024-07-01", "Kano", 12.0, 8.52, "NG")));
        Assert.Equal(1, upgraded.CountEvents(new EventQuery(Text: "riot")));
    }

    [SkippableFact]
    public void MapCellsGatherNearbyEventsAndSplitWhenTheGridIsFiner()
    {
        var store = StoreOfEight();
        // 45-degree cells: Nigeria's two and Syria's three share one cell, Kenya's three (south of the equator) another.
        var coarse = store.MapCells(new EventQuery(), 45);
        Assert.Equal([3, 5], coarse.Select(c => c.Count).Order());
        var north = Assert.Single(coarse, c => c.Count == 5);
        Assert.Equal((4 + 4 + 9 + 12, EventTaxonomy.Battles), (north.Killed, north.CommonestType));
        var kenya = Assert.Single(coarse, c => c.Count == 3);
        Assert.Equal((-1.29 - 0.45 - 4.04) / 3, kenya.Latitude, 6);
        Assert.Equal((36.82 + 39.65 + 39.67) / 3, kenya.Longitude, 6);
        Assert.Equal((2L, EventTaxonomy.Protests), (kenya.Killed, kenya.CommonestType));

        // Syria's three share a cell of 1.4 degrees and have one each of 0.35.
        Assert.Equal([3], store.MapCells(new EventQuery(Country: "SY"), 360.0 / 256).Select(c => c.Count));
        Assert.Equal([1, 1, 1], store.MapCells(new EventQuery(Country: "SY"), 360.0 / 1024).Select(c => c.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.MapCells(new EventQuery(), 0));
    }

    [SkippableFact]
    public void TheReadMigrationsFillTheConfidenceOfAnOlderDatabase()
    {
        var store = StoreOfEight();
        var latest = store.LatestSchemaVersion;
        store.Dispose();
        foreach (var sql in UndoReadMigrations.Append($"DELETE FROM schema_version WHERE version > {latest - ReadMigrations}"))
        {
            RunSql(sql);
        }

        var upgraded = OpenAgain();
        Assert.Equal(latest, upgraded.SchemaVersion);
        Assert.Equal(5, upgraded.CountEvents(new EventQuery(MinConfidence: 0.6)));
        Assert.Equal(0.95, upgraded.SearchPage(new EventQuery(), "-confidence", 0, 1).Single().Claims.Single().Event.Confidence);
    }
}
